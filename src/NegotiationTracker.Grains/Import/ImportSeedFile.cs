using Marten;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Grains.Negotiations;
using NegotiationTracker.Grains.Parties;
using NegotiationTracker.SeedFiles;

namespace NegotiationTracker.Grains.Import;

public sealed record ImportProgress(int StepsDone, int Steps, int EventsAppended);

public sealed record ImportResult(string NegotiationId, int Steps, int EventsAppended);

/// <summary>
/// Imports a seed file through the grains, the same path and rules as any live command. The whole file is decided first
/// (<see cref="ImportPlan"/>), so a file with an error appends nothing; then each step goes to its stream's single writer.
/// Every step is idempotent, so an import that was interrupted completes when it is run again, and a re-import appends nothing.
/// </summary>
public sealed class ImportSeedFile(IGrainFactory grains, IDocumentStore store, TimeProvider clock)
{
    public async Task<ImportResult> ImportAsync(SeedFile file, Recording recording, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (ImportPlan.CheckKeys(file) is { Count: > 0 } keys)
        {
            throw new SeedFileRejected(keys);
        }

        var negotiation = await grains.GetGrain<INegotiationGrain>(file.NegotiationId).GetState();
        var parties = new Dictionary<string, Party?>();
        foreach (var partyId in ImportPlan.PartiesNamed(file))
        {
            parties[partyId] = await grains.GetGrain<IPartyGrain>(partyId).GetState();
        }

        var errors = ImportPlan.Check(file, negotiation, parties, await StatementOwnersAsync(file.NegotiationId, cancellationToken), clock.GetUtcNow());
        if (errors.Count > 0)
        {
            throw new SeedFileRejected(errors);
        }

        var steps = file.Steps();
        var appended = 0;
        for (var i = 0; i < steps.Count;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (InAnyOrder(steps[i].Command))
            {
                // A run of steps that each write only their own party's stream and whose order across parties no view shows
                // (registrations, affiliations, statements): each party's go to its grain in order, all parties at once, so
                // the group commit can put many parties' appends in one transaction. Nothing in such a run depends on another
                // party's steps. Answers and corrections keep the file's order: the views list answers as they were recorded.
                var end = i;
                while (end < steps.Count && InAnyOrder(steps[end].Command))
                {
                    end++;
                }

                appended = await SendPartyRunAsync(file, steps, i, end, recording, appended, progress, cancellationToken);
                i = end;
                continue;
            }

            var step = steps[i];
            var result = await grains.ExecuteAsync(step.Command, recording);
            if (result.Rejection is { } rejection)
            {
                throw Interrupted(file, step, rejection.Message, appended);
            }

            appended += result.Appended;
            progress?.Report(new ImportProgress(i + 1, steps.Count, appended));
            i++;
        }

        return new ImportResult(file.NegotiationId, steps.Count, appended);
    }

    private static bool InAnyOrder(object command) => command is RegisterParty or AffiliatePerson or MakeStatement;

    /// <summary>How many commands one grain call decides and appends at once: a bound on the append's size.</summary>
    public const int CommandsPerBatch = 500;

    /// <returns>The events appended so far, this run's included.</returns>
    private async Task<int> SendPartyRunAsync(SeedFile file, IReadOnlyList<Located> steps, int start, int end, Recording recording, int appendedBefore,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var appended = appendedBefore;
        var done = start;
        var byParty = steps.Skip(start).Take(end - start).GroupBy(s => ((IPartyCommand)s.Command).PartyId);
        await Task.WhenAll(byParty.Select(async party =>
        {
            // A party's steps go in the file's order, in batches of one grain call each (all or none of a batch).
            var run = party.ToList();
            for (var at = 0; at < run.Count;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = run.Skip(at).Take(CommandsPerBatch).ToArray();
                var result = await grains.GetGrain<IPartyGrain>(party.Key).ExecuteAll(batch.Select(s => (IPartyCommand)s.Command).ToArray(), recording);
                if (result.Rejection is { } rejection)
                {
                    throw Interrupted(file, batch[result.FailedAt ?? 0], rejection.Message, Volatile.Read(ref appended));
                }

                Interlocked.Add(ref appended, result.Appended);
                progress?.Report(new ImportProgress(Interlocked.Add(ref done, batch.Length), steps.Count, Volatile.Read(ref appended)));
                at += batch.Length;
            }
        }));
        return appended;
    }

    // Only a concurrent writer can get here after the plan passed; what was appended stays, and a re-run completes the file.
    private static SeedFileRejected Interrupted(SeedFile file, Located step, string message, int appended) =>
        new([new SeedError(file.Name, step.Line, $"{step.What}: {message} ({appended} events were appended before this step; importing again completes the file)")]);

    private async Task<Dictionary<string, string>> StatementOwnersAsync(string negotiationId, CancellationToken cancellationToken)
    {
        // The write side's own claims, not a view: an import decides on what the append path guarantees.
        var prefix = Party.StatementKey(negotiationId, "");
        await using var session = store.QuerySession();
        var claims = await session.Query<StatementIdClaim>()
            .Where(c => c.Id.StartsWith(prefix))
            .ToListAsync(cancellationToken);
        return claims.ToDictionary(c => c.Id[prefix.Length..], c => c.PartyId);
    }
}
