using System.CommandLine;
using System.Diagnostics;
using Marten;
using NegotiationTracker.Hosting.EventStore;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace NegotiationTracker.Cli.Commands;

public static class ProjectionsCommand
{
    private static readonly TimeSpan ShardTimeout = TimeSpan.FromMinutes(30);

    public static Command Create()
    {
        var name = new Argument<string?>("name")
        {
            Description = $"The projection to rebuild (default: all): {string.Join(", ", NegotiationStore.ProjectionNames)}",
            Arity = ArgumentArity.ZeroOrOne,
        };
        name.AcceptOnlyFromAmong([.. NegotiationStore.ProjectionNames]);

        var rebuild = new Command("rebuild", "Rebuild one or all projections from the event store") { name };
        rebuild.SetAction((result, cancellationToken) => Terminal.RunAsync(() =>
            RebuildAsync(GlobalOptions.ForDatabase(result, "projections rebuild"), result.GetValue(name), cancellationToken)));

        var status = new Command("status", "Each projection's position against the event store's high-water mark");
        status.SetAction((result, cancellationToken) => Terminal.RunAsync(() => StatusAsync(GlobalOptions.ForDatabase(result, "projections status"), cancellationToken)));

        return new Command("projections", "Rebuild the read models, or see how far each has got") { rebuild, status };
    }

    private static async Task RebuildAsync(GlobalOptions options, string? only, CancellationToken cancellationToken)
    {
        using var store = await Ledger.OpenStoreAsync(options, cancellationToken);
        var statistics = await store.Advanced.FetchEventStoreStatistics(token: cancellationToken);
        var total = statistics.EventSequenceNumber;
        var names = only is null ? NegotiationStore.ProjectionNames : [only];
        using var daemon = await store.BuildProjectionDaemonAsync();
        var clock = Stopwatch.StartNew();

        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new EventsPerSecondColumn())
            .StartAsync(async context =>
            {
                foreach (var projection in names)
                {
                    var task = context.AddTask(projection, maxValue: Math.Max(total, 1));
                    var rebuilding = daemon.RebuildProjectionAsync(projection, ShardTimeout, cancellationToken);

                    // Marten reports no progress from a rebuild, so read the shard's stored position while it runs.
                    while (!rebuilding.IsCompleted)
                    {
                        await Task.WhenAny(rebuilding, Task.Delay(250, cancellationToken));
                        task.Value = await PositionAsync(store, projection, cancellationToken);
                    }

                    await rebuilding;
                    task.Value = task.MaxValue;
                }
            });

        clock.Stop();
        var processed = total * names.Count;
        AnsiConsole.MarkupLineInterpolated(
            $"Rebuilt {names.Count} projection(s) over {total:N0} events in {clock.Elapsed.TotalSeconds:N1} s: {processed / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0} events/s.");
    }

    private static async Task StatusAsync(GlobalOptions options, CancellationToken cancellationToken)
    {
        using var store = await Ledger.OpenStoreAsync(options, cancellationToken);
        var statistics = await store.Advanced.FetchEventStoreStatistics(token: cancellationToken);
        var progress = (await store.Advanced.AllProjectionProgress(token: cancellationToken)).ToList();
        var table = new Table().AddColumns("Projection", "Lifecycle", "Position", "High-water mark", "Behind");
        foreach (var projection in NegotiationStore.ProjectionNames)
        {
            var shard = progress.FirstOrDefault(p => p.ShardName.StartsWith(projection + ":", StringComparison.Ordinal));
            var inline = NegotiationStore.InlineProjectionNames.Contains(projection);
            var position = inline ? statistics.EventSequenceNumber : shard?.Sequence ?? 0;
            table.AddRow(
                projection,
                inline ? "inline" : "async",
                inline ? "current" : position.ToString("N0"),
                statistics.EventSequenceNumber.ToString("N0"),
                (statistics.EventSequenceNumber - position).ToString("N0"));
        }

        AnsiConsole.Write(table);
    }

    private static async Task<long> PositionAsync(IDocumentStore store, string projection, CancellationToken cancellationToken)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: cancellationToken);
        return progress.FirstOrDefault(p => p.ShardName.StartsWith(projection + ":", StringComparison.Ordinal))?.Sequence ?? 0;
    }

    /// <summary>Events per second since the task started, from the task's own value and elapsed time.</summary>
    private sealed class EventsPerSecondColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var seconds = task.ElapsedTime?.TotalSeconds ?? 0;
            return new Text(seconds <= 0 ? "" : $"{task.Value / seconds:N0} events/s");
        }
    }
}
