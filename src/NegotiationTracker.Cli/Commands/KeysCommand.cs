using System.CommandLine;
using NegotiationTracker.Hosting.Access;
using Spectre.Console;
using Recorder = NegotiationTracker.Domain.Common.Recorder;

namespace NegotiationTracker.Cli.Commands;

/// <summary>API keys for the server: created and revoked here, on the machine that holds the database, by whoever runs it.</summary>
public static class KeysCommand
{
    public static Command Create()
    {
        var role = new Option<ApiRole>("--role")
        {
            Description = "reader (all queries), recorder (queries and commands) or admin (and key management)",
            Required = true,
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (Enum.TryParse<ApiRole>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _))
                {
                    return parsed;
                }

                result.AddError($"--role '{text}' is not a role: use reader, recorder or admin");
                return default;
            },
        };
        var name = new Option<string>("--name") { Description = "Who holds the key; recorded as the key holder (recordedBy key:NAME) on every event it appends, e.g. \"Analyst A\"", Required = true };
        name.Validators.Add(result =>
        {
            if (ApiKeys.ValidateName(result.GetValueOrDefault<string>()) is { } rejection)
            {
                result.AddError($"--name: {rejection.Message}");
            }
        });
        var create = new Command("create", "Create a key and print it once; only its hash is stored") { role, name };
        create.SetAction((result, cancellationToken) => Terminal.RunAsync(async () =>
        {
            using var store = await Ledger.OpenStoreAsync(GlobalOptions.ForDatabase(result, "keys create"), cancellationToken);
            await using var session = store.LightweightSession();
            var (key, text) = await ApiKeys.CreateAsync(session, result.GetValue(name)!, result.GetValue(role), Ledger.RecordedBy, DateTimeOffset.UtcNow, cancellationToken);
            // The key alone on stdout, so a script can capture it; the advice goes to stderr.
            Console.Out.WriteLine(text);
            Console.Error.WriteLine($"Key {key.Id} for {key.Name} ({Roles(key.Role)}). It is shown only this once: store it now. Send it in the X-Api-Key header.");
        }));

        var list = new Command("list", "The keys issued: id, holder, role, when created and revoked (never the secret)");
        list.SetAction((result, cancellationToken) => Terminal.RunAsync(async () =>
        {
            using var store = await Ledger.OpenStoreAsync(GlobalOptions.ForDatabase(result, "keys list"), cancellationToken);
            await using var session = store.QuerySession();
            var table = new Table().AddColumns("Id", "Name", "Role", "Created", "By", "Revoked");
            foreach (var key in await ApiKeys.ListAsync(session, cancellationToken))
            {
                table.AddRow(key.Id, Markup.Escape(key.Name), Roles(key.Role), key.CreatedAt.ToString("u"), Markup.Escape(Recorder.Describe(key.CreatedBy)),
                    key.RevokedAt is { } at ? $"{at:u} by {Markup.Escape(Recorder.Describe(key.RevokedBy))}" : "");
            }

            AnsiConsole.Write(table);
        }));

        var id = new Argument<string>("key-id") { Description = "The key's id (the part after ntk_), as `keys list` shows it" };
        var revoke = new Command("revoke", "Revoke a key: it stops working at once and stays listed, for the audit trail") { id };
        revoke.SetAction((result, cancellationToken) => Terminal.RunAsync(async () =>
        {
            using var store = await Ledger.OpenStoreAsync(GlobalOptions.ForDatabase(result, "keys revoke"), cancellationToken);
            await using var session = store.LightweightSession();
            var keyId = result.GetValue(id)!;
            var revoked = await ApiKeys.RevokeAsync(session, keyId, Ledger.RecordedBy, DateTimeOffset.UtcNow, cancellationToken)
                ?? throw new NotFound($"there is no key {keyId}");
            Console.Out.WriteLine($"Key {revoked.Id} of {revoked.Name} is revoked (since {revoked.RevokedAt:u}).");
        }));

        return new Command("keys", "API keys for `negotiation serve`") { create, list, revoke };
    }

    private static string Roles(ApiRole role) => role.ToString().ToLowerInvariant();
}
