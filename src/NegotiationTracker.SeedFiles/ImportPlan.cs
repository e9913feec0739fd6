using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.SeedFiles;

/// <summary>
/// Decides a whole seed file before anything is appended: every step runs through the same deciders the grains use, against
/// the current state of the store and the states the earlier steps would produce. A file is imported only when every step
/// is allowed, so a rejected file appends nothing.
/// </summary>
public static class ImportPlan
{
    /// <param name="negotiation">The negotiation as the store knows it now (null when new).</param>
    /// <param name="parties">Every party the file names, as the store knows it now (null when new).</param>
    /// <param name="statementOwners">Statement ids already used in this negotiation, and which party used each.</param>
    public static IReadOnlyList<SeedError> Check(
        SeedFile file,
        Negotiation? negotiation,
        IReadOnlyDictionary<string, Party?> parties,
        IReadOnlyDictionary<string, string> statementOwners,
        DateTimeOffset now)
    {
        var errors = new List<SeedError>();
        var partyStates = new Dictionary<string, Party?>(parties);
        var owners = new Dictionary<string, string>(statementOwners);
        foreach (var step in file.Steps())
        {
            var decision = Decide(step.Command, negotiation, partyStates, now);
            if (decision.Rejection is null && step.Command is MakeStatement s && owners.TryGetValue(s.StatementId, out var owner) && owner != s.PartyId)
            {
                decision = Rejection.Conflict($"statement id {s.StatementId} is already used in {s.NegotiationId} by {owner}");
            }

            if (decision.Rejection is { } rejection)
            {
                errors.Add(new SeedError(file.Name, step.Line, $"{step.What}: {rejection.Message}"));
                continue;
            }

            if (step.Command is MakeStatement made)
            {
                owners[made.StatementId] = made.PartyId;
            }

            foreach (var e in decision.Events)
            {
                negotiation = Negotiation.Evolve(negotiation, e);
                if (PartyOf(step.Command) is { } partyId)
                {
                    partyStates[partyId] = Party.Evolve(partyStates.GetValueOrDefault(partyId), e);
                }
            }
        }

        return errors;
    }

    /// <summary>The parties whose streams a step reads or writes.</summary>
    public static IEnumerable<string> PartiesNamed(SeedFile file) => file.Steps().Select(s => PartyNamed(s.Command)).OfType<string>().Distinct();

    /// <summary>
    /// The ids an import uses as keys before it decides anything (the negotiation's and each party's: grain keys, stream
    /// keys, query parameters), each of which must be a slug. Checked first, because Orleans throws on a blank grain key
    /// and PostgreSQL on a NUL, and a seed file could hold either: the file is refused with their lines instead (found by
    /// the fuzz tests: `id: " "` was a 500). The deciders check every id again with the rest.
    /// </summary>
    public static IReadOnlyList<SeedError> CheckKeys(SeedFile file)
    {
        var errors = new List<SeedError>();
        foreach (var step in file.Steps())
        {
            var rejection = (step.Command is OpenNegotiation ? Validate.Slug("negotiation id", file.NegotiationId) : null)
                ?? (PartyNamed(step.Command) is { } partyId ? Validate.Slug("party id", partyId) : null);
            if (rejection is not null)
            {
                errors.Add(new SeedError(file.Name, step.Line, $"{step.What}: {rejection.Message}"));
            }
        }

        // A party listed with a role is two steps on one line (registered, joined): one error for it.
        return errors.Distinct().ToList();
    }

    private static string? PartyNamed(object command) => command switch
    {
        JoinNegotiation c => c.PartyId,
        SignAgreement c => c.PartyId,
        _ => PartyOf(command),
    };

    /// <summary>The party stream a command is written to, or null for the negotiation stream.</summary>
    public static string? PartyOf(object command) => command switch
    {
        RegisterParty c => c.PartyId,
        AffiliatePerson c => c.PartyId,
        MakeStatement c => c.PartyId,
        AnswerProposal c => c.PartyId,
        RetractStatement c => c.PartyId,
        DenyStatement c => c.PartyId,
        ClarifyStatement c => c.PartyId,
        ReportStatement c => c.PartyId,
        CorrectReport c => c.PartyId,
        AmendRecord c => c.PartyId,
        VoidRecord c => c.PartyId,
        LinkDuplicate c => c.PartyId,
        UnlinkDuplicate c => c.PartyId,
        GradeStatement c => c.PartyId,
        _ => null,
    };

    private static Decision Decide(object command, Negotiation? negotiation, Dictionary<string, Party?> parties, DateTimeOffset now) => command switch
    {
        RegisterParty c => PartyDecider.Decide(c, parties.GetValueOrDefault(c.PartyId)),
        AffiliatePerson c => PartyDecider.Decide(c, parties.GetValueOrDefault(c.PartyId)),
        MakeStatement c => PartyDecider.Decide(c, parties.GetValueOrDefault(c.PartyId), negotiation, now),
        AnswerProposal c => PartyDecider.Decide(c, parties.GetValueOrDefault(c.PartyId), negotiation, now),
        OpenNegotiation c => NegotiationDecider.Decide(c, negotiation, now),
        AddIssue c => NegotiationDecider.Decide(c, negotiation),
        RegisterSource c => NegotiationDecider.Decide(c, negotiation, now),
        JoinNegotiation c => NegotiationDecider.Decide(c, negotiation, parties.GetValueOrDefault(c.PartyId), now),
        ChangeStatus c => NegotiationDecider.Decide(c, negotiation, now),
        TableProposal c => NegotiationDecider.Decide(c, negotiation, now),
        WithdrawProposal c => NegotiationDecider.Decide(c, negotiation, now),
        ReachAgreement c => NegotiationDecider.Decide(c, negotiation, now),
        SignAgreement c => NegotiationDecider.Decide(c, negotiation, parties.GetValueOrDefault(c.PartyId), now),
        GradeSource c => NegotiationDecider.Decide(c, negotiation),
        RetractStatement c => PartyDecider.Decide(c, parties.GetValueOrDefault(c.PartyId), now),
        DenyStatement c => PartyDecider.Decide(c, parties.GetValueOrDefault(c.PartyId), now),
        ClarifyStatement c => PartyDecider.Decide(c, parties.GetValueOrDefault(c.PartyId), now),
        ReportStatement c => PartyDecider.Decide(c, parties.GetValueOrDefault(c.PartyId), negotiation, now),
        CorrectReport c => PartyDecider.Decide(c, parties.GetValueOrDefault(c.PartyId), now),
        AmendRecord c => PartyDecider.Decide(c, parties.GetValueOrDefault(c.PartyId), negotiation, now),
        VoidRecord c => PartyDecider.Decide(c, parties.GetValueOrDefault(c.PartyId)),
        LinkDuplicate c => PartyDecider.Decide(c, parties.GetValueOrDefault(c.PartyId)),
        UnlinkDuplicate c => PartyDecider.Decide(c, parties.GetValueOrDefault(c.PartyId)),
        GradeStatement c => PartyDecider.Decide(c, parties.GetValueOrDefault(c.PartyId)),
        _ => throw new ArgumentException($"no decider for {command.GetType().Name}", nameof(command)),
    };
}
