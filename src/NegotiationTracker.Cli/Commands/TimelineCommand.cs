using System.CommandLine;
using System.Text.Json;
using NegotiationTracker.Cli.Output;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Projections.Timeline;
using NegotiationTracker.Reports;
using Spectre.Console;

namespace NegotiationTracker.Cli.Commands;

public static class TimelineCommand
{
    public static Command Create()
    {
        var negotiation = new Argument<string>("negotiation-id") { Description = "The negotiation, e.g. us-iraq-withdrawal" };
        var format = Formats.Option(OutputFormat.Table, OutputFormat.Json, OutputFormat.Csv);
        var command = new Command("timeline", "Everything that happened in a negotiation, in the order it happened, with who recorded it when") { negotiation, format };
        command.SetAction((result, cancellationToken) => Terminal.RunAsync(async () =>
        {
            var options = GlobalOptions.From(result);
            var id = result.GetValue(negotiation)!;
            using var server = ServerClient.For(options);
            var entries = server is null ? await QueryAsync(options, id, cancellationToken) : await server.TimelineAsync(id, cancellationToken);
            switch (result.GetValue(format))
            {
                case OutputFormat.Json:
                    Console.Out.WriteLine(JsonSerializer.Serialize(entries, Formats.Json));
                    return;
                case OutputFormat.Csv:
                    Csv.Timeline(Console.Out, entries);
                    return;
            }

            TimelineOutput.Write(AnsiConsole.Console, entries, showNegotiation: false);
        }));
        return command;
    }

    private static async Task<IReadOnlyList<TimelineEntry>> QueryAsync(GlobalOptions options, string id, CancellationToken cancellationToken)
    {
        using var store = await Ledger.OpenStoreAsync(options, cancellationToken, catchUp: true);
        await using var session = store.QuerySession();
        if (await session.LoadAsync<NegotiationSummary>(id, cancellationToken) is null)
        {
            throw new NotFound($"negotiation {id} is not in the ledger");
        }

        return await NegotiationTimeline.QueryAsync(session, id, cancellationToken);
    }
}
