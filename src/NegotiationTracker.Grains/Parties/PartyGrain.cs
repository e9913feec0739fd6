using Marten;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Grains.Negotiations;

namespace NegotiationTracker.Grains.Parties;

public sealed class PartyGrain(IDocumentStore store, GroupCommit commits, TimeProvider clock) : Grain, IPartyGrain
{
    private StreamWriter<Party> stream = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        stream = new StreamWriter<Party>(store, commits, clock, Streams.Party(Id), Party.Evolve);
        await stream.LoadAsync(cancellationToken);
    }

    public Task<CommandResult> Execute(IPartyCommand command, Recording recording) => ExecuteAll([command], recording);

    public async Task<CommandResult> ExecuteAll(IPartyCommand[] commands, Recording recording)
    {
        if (Array.FindIndex(commands, c => c.PartyId != Id) is var foreign and >= 0)
        {
            // Commands find their writer from their own party id (Commands.ExecuteAsync): one sent elsewhere is a caller's bug.
            return new CommandResult(0, stream.Version, Rejection.Invalid("partyId", $"a command of party {commands[foreign].PartyId} was sent to the writer of party {Id}"), foreign);
        }

        var negotiations = new Dictionary<string, Negotiation?>();
        foreach (var negotiationId in commands.Select(c => c.Reads).OfType<string>().Distinct())
        {
            negotiations[negotiationId] = await GrainFactory.GetGrain<INegotiationGrain>(negotiationId).GetState();
        }

        return await stream.ExecuteAsync(state => PartyDecider.Decide(commands, state, negotiations, clock.GetUtcNow()), recording);
    }

    public Task<Party?> GetState() => Task.FromResult(stream.State);

    private string Id => this.GetPrimaryKeyString();
}
