using System.Diagnostics;
using Marten;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Hosting.EventStore;
using Npgsql;
using Xunit.Abstractions;

namespace NegotiationTracker.IntegrationTests.Reliability;

/// <summary>
/// The real program importing a large seed is killed (SIGKILL) once part of it is stored, then run again; the same file is
/// imported cleanly into a fresh database beside it, and the two ledgers are compared.
/// </summary>
public sealed class when_an_import_is_killed(KilledImportFixture import, ITestOutputHelper output) : IClassFixture<KilledImportFixture>
{
    [Fact]
    public void the_kill_came_while_the_import_was_appending()
    {
        output.WriteLine($"Import killed (SIGKILL) after {import.StatementsAtKill} of {KilledImportFixture.Statements} statements were stored; re-run exit {import.Rerun.ExitCode}. "
            + $"Commands attempted {KilledImportFixture.Statements + LargeSeed.Parties + 1}, acknowledged (re-run done) {(import.Rerun.ExitCode == 0 ? KilledImportFixture.Statements + LargeSeed.Parties + 1 : 0)}, "
            + $"statements stored {import.Resumed.StatementIds.Count}, duplicated {import.Resumed.StatementIds.Count - import.Resumed.StatementIds.Distinct().Count()}, lost {KilledImportFixture.Statements - import.Resumed.StatementIds.Distinct().Count()}; "
            + $"events {import.Resumed.Events.Count} (clean import {import.Clean.Events.Count}); survived: {import.Resumed.Events.SequenceEqual(import.Clean.Events) && import.ResumedState == import.CleanState}");
        import.StatementsAtKill.ShouldBeGreaterThan(0);
        import.StatementsAtKill.ShouldBeLessThan(KilledImportFixture.Statements);
    }

    [Fact]
    public void running_it_again_completes_it()
    {
        import.Rerun.ExitCode.ShouldBe(0, import.Rerun.ToString());
        import.Resumed.StatementIds.Distinct().Count().ShouldBe(KilledImportFixture.Statements);
    }

    [Fact]
    public void nothing_is_stored_twice()
    {
        import.Resumed.StatementIds.Count.ShouldBe(import.Resumed.StatementIds.Distinct().Count());
    }

    [Fact]
    public void every_stream_holds_the_events_of_a_clean_import_at_the_same_versions()
    {
        import.Resumed.Streams.ShouldBe(import.Clean.Streams);
        import.Resumed.Events.SequenceEqual(import.Clean.Events).ShouldBeTrue("the events (stream, version, type, data) differ from a clean import's");
    }

    [Fact]
    public void the_current_state_equals_a_clean_imports()
    {
        import.ResumedState.ShouldNotBeEmpty();
        import.ResumedState.ShouldBe(import.CleanState);
    }
}

/// <summary>What a ledger holds, without what differs between any two imports (global sequence, timestamps, recorder).</summary>
public sealed record LedgerContents(IReadOnlyList<string> Streams, IReadOnlyList<string> Events, IReadOnlyList<string> StatementIds)
{
    public static async Task<LedgerContents> ReadAsync(string connectionString)
    {
        // The stored rows themselves: jsonb prints equal content as equal text, so a difference in any event shows.
        var streams = await RowsAsync(connectionString, "select id || ' v' || version from negotiation_tracker.mt_streams order by id");
        var events = await RowsAsync(connectionString, "select stream_id || ' ' || version || ' ' || type || ' ' || data::text from negotiation_tracker.mt_events order by stream_id, version");
        using var store = DocumentStore.For(options => NegotiationStore.Configure(options, connectionString));
        await using var session = store.QuerySession();
        var statements = await session.Events.QueryRawEventDataOnly<StatementMade>().ToListAsync();
        return new LedgerContents(streams, events, [.. statements.Select(s => s.StatementId)]);
    }

    /// <summary>How many events are stored; 0 before the program has created the schema.</summary>
    public static async Task<long> EventCountAsync(string connectionString)
    {
        try
        {
            return long.Parse((await RowsAsync(connectionString, "select count(*)::text from negotiation_tracker.mt_events"))[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            return 0;
        }
    }

    private static async Task<List<string>> RowsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}

public sealed class KilledImportFixture : IAsyncLifetime
{
    // Enough for an import of several seconds here (about 20 s on 2 cores), so the kill lands in the middle of it.
    public const int Statements = 8_000;
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    public int StatementsAtKill { get; private set; }

    public CliOutput Rerun { get; private set; } = new(-1, "", "");

    public LedgerContents Resumed { get; private set; } = null!;

    public LedgerContents Clean { get; private set; } = null!;

    public string ResumedState { get; private set; } = "";

    public string CleanState { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var seed = LargeSeed.Write(Statements);
        try
        {
            var killed = await TestDatabase.CreateAsync();
            var clean = await TestDatabase.CreateAsync();

            // The event tables are created before the program starts, so that the test can listen for the commits that
            // append to them; the program finds its schema up to date, as on any run after the first.
            using (var store = DocumentStore.For(options => NegotiationStore.Configure(options, killed)))
            {
                await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            }

            await using (var appended = await TableWrites.ListenAsync(killed, "mt_events"))
            using (var process = NegotiationProgram.Start(["import", seed, "--db", killed]))
            {
                var waited = Stopwatch.StartNew();
                var exited = process.WaitForExitAsync();
                // Killed as soon as the first statements are in (the opening, parties and memberships come first), far from the end.
                var stored = appended.Next;
                while (await LedgerContents.EventCountAsync(killed) < 100)
                {
                    process.HasExited.ShouldBeFalse("the import ended before it could be killed");
                    waited.Elapsed.ShouldBeLessThan(Bound, "no events stored yet");
                    await TableWrites.WaitAsync(stored, exited, Bound - waited.Elapsed);
                    stored = appended.Next;
                }

                process.Kill(entireProcessTree: true);
                await exited;
            }

            StatementsAtKill = (await LedgerContents.ReadAsync(killed)).StatementIds.Count;
            Rerun = await NegotiationProgram.RunAsync(["import", seed, "--db", killed]);
            (await NegotiationProgram.RunAsync(["import", seed, "--db", clean])).ExitCode.ShouldBe(0);
            Resumed = await LedgerContents.ReadAsync(killed);
            Clean = await LedgerContents.ReadAsync(clean);
            ResumedState = (await NegotiationProgram.RunAsync(["state", LargeSeed.NegotiationId, "--format", "json", "--db", killed])).Out;
            CleanState = (await NegotiationProgram.RunAsync(["state", LargeSeed.NegotiationId, "--format", "json", "--db", clean])).Out;
        }
        finally
        {
            File.Delete(seed);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
