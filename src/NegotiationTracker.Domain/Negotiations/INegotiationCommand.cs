using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Domain.Negotiations;

/// <summary>
/// A command written to one negotiation's own stream (<see cref="Streams.Negotiation"/>), by that negotiation's single
/// writer. It names its negotiation, so where it goes is derived from the command itself; the grain, the import plan and the
/// tests all decide it through <see cref="Decide"/>, the one entry into <see cref="NegotiationDecider"/>.
/// </summary>
public interface INegotiationCommand
{
    string NegotiationId { get; }

    /// <summary>The party whose state the rule reads besides the negotiation's own stream, or null when it reads none.</summary>
    string? Reads => null;

    /// <param name="negotiation">The negotiation as its own stream knows it (null before it is opened).</param>
    /// <param name="party">The party named by <see cref="Reads"/>, as its own stream knows it; null when none is read or it is not registered.</param>
    /// <param name="now">When the command is decided: nothing may be said later than this.</param>
    Decision Decide(Negotiation? negotiation, Party? party, DateTimeOffset now);
}
