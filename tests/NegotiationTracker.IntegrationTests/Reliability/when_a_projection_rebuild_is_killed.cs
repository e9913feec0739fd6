using System.Diagnostics;
using Marten;
using NegotiationTracker.Hosting.EventStore;
using NegotiationTracker.IntegrationTests.Fixtures;
using NegotiationTracker.Projections.Timeline;
using Xunit.Abstractions;

namespace NegotiationTracker.IntegrationTests.Reliability;

/// <summary>
/// The real program rebuilding the timeline (the largest async view: one row per event) is killed (SIGKILL) half way;
/// the next command that reads the async views runs the daemon, which resumes from the stored checkpoint. The views it
/// ends with are compared, document for document, with a clean rebuild of every view.
/// </summary>
public sealed class when_a_projection_rebuild_is_killed(KilledRebuildFixture rebuild, ITestOutputHelper output) : IClassFixture<KilledRebuildFixture>
{
    public static TheoryData<string> AsyncProjections => new(NegotiationStore.ProjectionNames.Where(p => !NegotiationStore.InlineProjectionNames.Contains(p)));

    [Fact]
    public void the_kill_came_while_the_timeline_was_half_rebuilt()
    {
        output.WriteLine($"Rebuild killed (SIGKILL) with the timeline at {rebuild.TimelineAtKill:N0} of {rebuild.HighWaterMark:N0} events; the next command exited {rebuild.Resume.ExitCode} "
            + $"with the timeline at {rebuild.TimelineAfterResume:N0}; views equal to a clean rebuild: {rebuild.Resumed.Count(p => rebuild.Rebuilt[p.Key] == p.Value)} of {rebuild.Resumed.Count}; "
            + $"survived: {rebuild.Resumed.All(p => rebuild.Rebuilt[p.Key] == p.Value) && rebuild.Resume.ExitCode == 0}");
        rebuild.TimelineAtKill.ShouldBeGreaterThan(0);
        rebuild.TimelineAtKill.ShouldBeLessThan(rebuild.HighWaterMark);
    }

    [Fact]
    public void the_next_command_resumes_from_the_checkpoint_to_the_end()
    {
        rebuild.Resume.ExitCode.ShouldBe(0, rebuild.Resume.ToString());
        rebuild.TimelineAfterResume.ShouldBe(rebuild.HighWaterMark);
    }

    [Theory]
    [MemberData(nameof(AsyncProjections))]
    public void each_view_ends_identical_to_a_clean_rebuild(string projection)
    {
        rebuild.Resumed[projection].ShouldNotBe("[]", $"{projection} has no documents to compare");
        rebuild.Resumed[projection].ShouldBe(rebuild.Rebuilt[projection]);
    }
}

public sealed class KilledRebuildFixture : IAsyncLifetime
{
    // About 6 s of timeline rebuild here (2 cores), so the kill lands in the middle of it.
    private const int Statements = 8_000;
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    public long HighWaterMark { get; private set; }

    public long TimelineAtKill { get; private set; }

    public long TimelineAfterResume { get; private set; }

    public CliOutput Resume { get; private set; } = new(-1, "", "");

    public Dictionary<string, string> Resumed { get; } = [];

    public Dictionary<string, string> Rebuilt { get; } = [];

    public async Task InitializeAsync()
    {
        var connectionString = await TestDatabase.CreateAsync();
        var seed = LargeSeed.Write(Statements);
        try
        {
            (await NegotiationProgram.RunAsync(["import", seed, "--db", connectionString])).ExitCode.ShouldBe(0);
        }
        finally
        {
            File.Delete(seed);
        }

        // Views from the events alone first: what is under test is the resumption of a killed rebuild, and the views the
        // import's daemon built live are not always complete when other processes load the machine (see README, faults).
        (await NegotiationProgram.RunAsync(["projections", "rebuild", "--db", connectionString])).ExitCode.ShouldBe(0);
        using var store = DocumentStore.For(options => NegotiationStore.Configure(options, connectionString));
        HighWaterMark = (await store.Advanced.FetchEventStoreStatistics()).EventSequenceNumber;
        await using (var progressions = await TableWrites.ListenAsync(connectionString, "mt_event_progression"))
        using (var process = NegotiationProgram.Start(["projections", "rebuild", TimelineProjection.ProjectionName, "--db", connectionString]))
        {
            var waited = Stopwatch.StartNew();
            var exited = process.WaitForExitAsync();
            // The rebuild starts the shard again from 0; killed once it has stored a position short of the end. Each
            // stored position is a write to the progression table, so the position is read again after each one.
            var stored = progressions.Next;
            while ((TimelineAtKill = await TimelinePositionAsync(store)) is 0 || TimelineAtKill >= HighWaterMark)
            {
                process.HasExited.ShouldBeFalse("the rebuild ended before it could be killed");
                waited.Elapsed.ShouldBeLessThan(Bound, "the rebuild stored no position");
                await TableWrites.WaitAsync(stored, exited, Bound - waited.Elapsed);
                stored = progressions.Next;
            }

            process.Kill(entireProcessTree: true);
            await exited;
            TimelineAtKill = await TimelinePositionAsync(store);
        }

        // Any command that reads the async views runs the daemon until they are caught up.
        Resume = await NegotiationProgram.RunAsync(["timeline", LargeSeed.NegotiationId, "--format", "json", "--db", connectionString]);
        TimelineAfterResume = await TimelinePositionAsync(store);
        await SnapshotAsync(store, Resumed);

        (await NegotiationProgram.RunAsync(["projections", "rebuild", "--db", connectionString])).ExitCode.ShouldBe(0);
        await SnapshotAsync(store, Rebuilt);
    }

    private static async Task<long> TimelinePositionAsync(IDocumentStore store)
    {
        var progress = await store.Advanced.AllProjectionProgress();
        return progress.FirstOrDefault(p => p.ShardName.StartsWith(TimelineProjection.ProjectionName + ":", StringComparison.Ordinal))?.Sequence ?? 0;
    }

    private static async Task SnapshotAsync(IDocumentStore store, Dictionary<string, string> into)
    {
        await using var session = store.QuerySession();
        foreach (var projection in NegotiationStore.ProjectionNames.Where(p => !NegotiationStore.InlineProjectionNames.Contains(p)))
        {
            into[projection] = await ViewSnapshot.OfAsync(session, projection);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
