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
            // The one entry per stream the grains use too: a party command on the party's state, a negotiation command on the
            // negotiation's, each reading the other stream's state the same way its grain would.
            var decision = step.Command switch
            {
                IPartyCommand c => c.Decide(partyStates.GetValueOrDefault(c.PartyId), c.Reads is null ? null : negotiation, now),
                INegotiationCommand c => c.Decide(negotiation, c.Reads is { } partyId ? partyStates.GetValueOrDefault(partyId) : null, now),
                _ => throw new ArgumentException($"{step.Command.GetType().Name} is not a command of a party or a negotiation", nameof(file)),
            };
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

            if (step.Command is IPartyCommand party)
            {
                partyStates[party.PartyId] = decision.Events.Aggregate(partyStates.GetValueOrDefault(party.PartyId), Party.Evolve);
            }
            else
            {
                negotiation = decision.Events.Aggregate(negotiation, Negotiation.Evolve);
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

    /// <summary>The party whose stream a step writes or reads, if any.</summary>
    private static string? PartyNamed(object command) => command switch
    {
        IPartyCommand c => c.PartyId,
        INegotiationCommand c => c.Reads,
        _ => null,
    };
}
