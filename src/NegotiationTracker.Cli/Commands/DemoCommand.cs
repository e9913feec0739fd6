using System.CommandLine;
using NegotiationTracker.Cli.Output;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Projections.Statements;
using Spectre.Console;

namespace NegotiationTracker.Cli.Commands;

public static class DemoCommand
{
    public const string SeedFile = "seeds/us-iraq-withdrawal.yaml";

    public static Command Create()
    {
        var seed = new Option<FileInfo?>("--seed") { Description = $"Seed file to load (default: {SeedFile}, found from the current folder upwards)" };
        var command = new Command("demo", "Load the U.S.–Iraq withdrawal negotiation into the ledger and print its state and statement log") { seed };
        command.SetAction((result, cancellationToken) => Terminal.RunAsync(async () =>
        {
            var options = GlobalOptions.ForDatabase(result, "demo");
            var path = result.GetValue(seed)?.FullName ?? FindSeed();
            var imported = await ImportCommand.RunAsync(options, path, cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"Loaded [bold]{Path.GetFileName(path)}[/]: {imported.EventsAppended} events appended (0 when it was already loaded).");
            AnsiConsole.WriteLine();

            using var ledger = new DatabaseQueries(options);
            StateOutput.Write(AnsiConsole.Console, await ledger.StateAsync(imported.NegotiationId, null, null, EvidenceFilter.All, cancellationToken), OutputFormat.Table);
            AnsiConsole.WriteLine();
            StatementsOutput.Write(AnsiConsole.Console, await ledger.StatementsAsync(new StatementFilter(imported.NegotiationId), cancellationToken), OutputFormat.Table);
        }));
        return command;
    }

    private static string FindSeed()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, SeedFile);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new NotFound($"{SeedFile} was not found in {Environment.CurrentDirectory} or any folder above it; pass --seed PATH");
    }
}
