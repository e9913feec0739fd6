using Marten;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Grains.Negotiations;
using NegotiationTracker.Grains.Parties;
using NegotiationTracker.Projections.Statements;
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
            if (OnlyItsParty(steps[i].Command))
            {
                // A run of steps that each touch only their own party's stream (registrations, affiliations, statements):
                // each party's go to its grain in order, all parties at once, so the group commit can put many parties'
                // appends in one transaction. Nothing in such a run depends on another party's steps.
                var end = i;
                while (end < steps.Count && OnlyItsParty(steps[end].Command))
                {
                    end++;
                }

                appended = await SendPartyRunAsync(file, steps, i, end, recording, appended, progress, cancellationToken);
                i = end;
                continue;
            }

            var step = steps[i];
            var result = await SendAsync(step.Command, recording);
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

    /// <summary>How many statements one grain call decides and appends at once: a bound on the append's size.</summary>
    public const int StatementsPerBatch = 500;

    private static bool OnlyItsParty(object command) => command is RegisterParty or AffiliatePerson or MakeStatement;

    private static string PartyOf(object command) => command switch
    {
        RegisterParty c => c.PartyId,
        AffiliatePerson c => c.PartyId,
        MakeStatement c => c.PartyId,
        _ => throw new ArgumentException($"{command.GetType().Name} is not a step of one party alone", nameof(command)),
    };

    /// <returns>The events appended so far, this run's included.</returns>
    private async Task<int> SendPartyRunAsync(SeedFile file, IReadOnlyList<Located> steps, int start, int end, Recording recording, int appendedBefore,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var appended = appendedBefore;
        var done = start;
        var byParty = steps.Skip(start).Take(end - start).GroupBy(s => PartyOf(s.Command));
        await Task.WhenAll(byParty.Select(async party =>
        {
            // Consecutive statements go in batches of one grain call each; anything else goes alone, in the file's order.
            var run = party.ToList();
            for (var at = 0; at < run.Count;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = run[at].Command is MakeStatement
                    ? run.Skip(at).TakeWhile(s => s.Command is MakeStatement).Take(StatementsPerBatch).ToArray()
                    : [run[at]];
                var result = batch[0].Command is MakeStatement
                    ? await Party(party.Key).MakeStatements(batch.Select(s => (MakeStatement)s.Command).ToArray(), recording)
                    : await SendAsync(batch[0].Command, recording);
                if (result.Rejection is { } rejection)
                {
                    var failed = batch.FirstOrDefault(s => s.Command is MakeStatement m && rejection.Message.StartsWith($"statement {m.StatementId}:", StringComparison.Ordinal)) ?? batch[0];
                    throw Interrupted(file, failed, rejection.Message, Volatile.Read(ref appended));
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
        await using var session = store.QuerySession();
        var owners = await session.Query<StatementRecord>()
            .Where(s => s.NegotiationId == negotiationId)
            .Select(s => new { s.StatementId, s.PartyId })
            .ToListAsync(cancellationToken);
        return owners.ToDictionary(o => o.StatementId, o => o.PartyId);
    }

    private Task<CommandResult> SendAsync(object command, Recording recording) => command switch
    {
        RegisterParty c => Party(c.PartyId).Register(c, recording),
        AffiliatePerson c => Party(c.PartyId).Affiliate(c, recording),
        MakeStatement c => Party(c.PartyId).MakeStatement(c, recording),
        AnswerProposal c => Party(c.PartyId).AnswerProposal(c, recording),
        OpenNegotiation c => Negotiation(c.NegotiationId).Open(c, recording),
        AddIssue c => Negotiation(c.NegotiationId).AddIssue(c, recording),
        RegisterSource c => Negotiation(c.NegotiationId).RegisterSource(c, recording),
        JoinNegotiation c => Negotiation(c.NegotiationId).Join(c, recording),
        ChangeStatus c => Negotiation(c.NegotiationId).ChangeStatus(c, recording),
        TableProposal c => Negotiation(c.NegotiationId).TableProposal(c, recording),
        WithdrawProposal c => Negotiation(c.NegotiationId).WithdrawProposal(c, recording),
        ReachAgreement c => Negotiation(c.NegotiationId).ReachAgreement(c, recording),
        SignAgreement c => Negotiation(c.NegotiationId).SignAgreement(c, recording),
        GradeSource c => Negotiation(c.NegotiationId).GradeSource(c, recording),
        RetractStatement c => Party(c.PartyId).Retract(c, recording),
        DenyStatement c => Party(c.PartyId).Deny(c, recording),
        ClarifyStatement c => Party(c.PartyId).Clarify(c, recording),
        ReportStatement c => Party(c.PartyId).Report(c, recording),
        CorrectReport c => Party(c.PartyId).CorrectReport(c, recording),
        AmendRecord c => Party(c.PartyId).Amend(c, recording),
        VoidRecord c => Party(c.PartyId).Void(c, recording),
        LinkDuplicate c => Party(c.PartyId).LinkDuplicate(c, recording),
        UnlinkDuplicate c => Party(c.PartyId).UnlinkDuplicate(c, recording),
        GradeStatement c => Party(c.PartyId).Grade(c, recording),
        _ => throw new ArgumentException($"no grain takes {command.GetType().Name}", nameof(command)),
    };

    private IPartyGrain Party(string id) => grains.GetGrain<IPartyGrain>(id);

    private INegotiationGrain Negotiation(string id) => grains.GetGrain<INegotiationGrain>(id);
}
