using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;

namespace NegotiationTracker.Domain.Parties;

/// <summary>
/// A command written to one party's stream (<see cref="Streams.Party"/>), by that party's single writer. It names its party,
/// so where it goes is derived from the command itself; the grain, the import plan and the tests all decide it through
/// <see cref="Decide"/>, the one entry into <see cref="PartyDecider"/>.
/// </summary>
public interface IPartyCommand
{
    string PartyId { get; }

    /// <summary>The negotiation whose state the rule reads besides the party's own stream, or null when it reads none.</summary>
    string? Reads => null;

    /// <param name="party">The party as its own stream knows it (null before it is registered).</param>
    /// <param name="negotiation">The negotiation named by <see cref="Reads"/>, as its own stream knows it; null when none is read or it was never opened.</param>
    /// <param name="now">When the command is decided: nothing may be said later than this.</param>
    Decision Decide(Party? party, Negotiation? negotiation, DateTimeOffset now);
}

public static partial class PartyDecider
{
    /// <summary>
    /// Several commands of one party, decided in order, each on the state the ones before it leave (so a repeated statement
    /// id is caught as it would be one by one): all of them are appended, or none. An import sends a party's statements
    /// this way. A refusal says which command failed (<see cref="Decision.FailedAt"/>).
    /// </summary>
    /// <param name="negotiations">Each negotiation a command reads, as its own stream knows it.</param>
    public static Decision Decide(IReadOnlyList<IPartyCommand> commands, Party? state, IReadOnlyDictionary<string, Negotiation?> negotiations, DateTimeOffset now) =>
        Decision.InTurn(commands, state, (command, party) => command.Decide(party, command.Reads is { } id ? negotiations.GetValueOrDefault(id) : null, now), Party.Evolve);
}
