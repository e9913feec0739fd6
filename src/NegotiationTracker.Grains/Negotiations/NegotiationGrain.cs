using Marten;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Grains.Parties;

namespace NegotiationTracker.Grains.Negotiations;

public sealed class NegotiationGrain(IDocumentStore store, GroupCommit commits, TimeProvider clock) : Grain, INegotiationGrain
{
    private StreamWriter<Negotiation> stream = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        stream = new StreamWriter<Negotiation>(store, commits, clock, Streams.Negotiation(Id), Negotiation.Evolve);
        await stream.LoadAsync(cancellationToken);
    }

    public async Task<CommandResult> Execute(INegotiationCommand command, Recording recording)
    {
        if (command.NegotiationId != Id)
        {
            // Commands find their writer from their own negotiation id (Commands.ExecuteAsync): one sent elsewhere is a caller's bug.
            return new CommandResult(0, stream.Version, Rejection.Invalid("negotiationId", $"a command of negotiation {command.NegotiationId} was sent to the writer of negotiation {Id}"));
        }

        var party = command.Reads is { } partyId ? await GrainFactory.GetGrain<IPartyGrain>(partyId).GetState() : null;
        return await stream.ExecuteAsync(state => command.Decide(state, party, clock.GetUtcNow()), recording);
    }

    public Task<Negotiation?> GetState() => Task.FromResult(stream.State);

    private string Id => this.GetPrimaryKeyString();
}
