using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Grains;

/// <summary>A statement id taken in a negotiation, and by whom.</summary>
public sealed class StatementIdClaim
{
    public string Id { get; set; } = "";
    public string PartyId { get; set; } = "";
}

/// <summary>
/// Keeps statement ids unique across party streams. Inline, and written with Insert: a second party using an id already
/// taken in the negotiation fails the insert, which rolls back its append in the same transaction. The database keeps
/// the rule without a second writer.
/// </summary>
public sealed partial class StatementIdClaimProjection : EventProjection
{
    public const string ProjectionName = "statement-ids";

    public StatementIdClaimProjection()
    {
        Name = ProjectionName;

        // Rows are written by Insert, which Marten cannot see from the method signatures: declare them, so a rebuild clears them first.
        Options.DeleteViewTypeOnTeardown<StatementIdClaim>();
    }

    public void Project(IEvent<StatementMade> e, IDocumentOperations operations) =>
        operations.Insert(new StatementIdClaim { Id = Party.StatementKey(e.Data.NegotiationId, e.Data.StatementId), PartyId = e.Data.PartyId });
}
