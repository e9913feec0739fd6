using Marten;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Grains.Parties;
using NegotiationTracker.Infrastructure.EventStore;

namespace NegotiationTracker.Grains.Negotiations;

public sealed class NegotiationGrain(IDocumentStore store, GroupCommit commits, TimeProvider clock) : Grain, INegotiationGrain
{
    private StreamWriter<Negotiation> stream = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        stream = new StreamWriter<Negotiation>(store, commits, clock, Streams.Negotiation(this.GetPrimaryKeyString()), Negotiation.Evolve);
        await stream.LoadAsync(cancellationToken);
    }

    public Task<CommandResult> Open(OpenNegotiation command, Recording recording) =>
        stream.ExecuteAsync(state => NegotiationDecider.Decide(Own(command), state, clock.GetUtcNow()), recording);

    public Task<CommandResult> AddIssue(AddIssue command, Recording recording) =>
        stream.ExecuteAsync(state => NegotiationDecider.Decide(command with { NegotiationId = Id }, state), recording);

    public Task<CommandResult> RegisterSource(RegisterSource command, Recording recording) =>
        stream.ExecuteAsync(state => NegotiationDecider.Decide(command with { NegotiationId = Id }, state, clock.GetUtcNow()), recording);

    public async Task<CommandResult> Join(JoinNegotiation command, Recording recording)
    {
        var party = await GrainFactory.GetGrain<IPartyGrain>(command.PartyId).GetState();
        return await stream.ExecuteAsync(state => NegotiationDecider.Decide(command with { NegotiationId = Id }, state, party, clock.GetUtcNow()), recording);
    }

    public Task<CommandResult> ChangeStatus(ChangeStatus command, Recording recording) =>
        stream.ExecuteAsync(state => NegotiationDecider.Decide(command with { NegotiationId = Id }, state, clock.GetUtcNow()), recording);

    public Task<CommandResult> TableProposal(TableProposal command, Recording recording) =>
        stream.ExecuteAsync(state => NegotiationDecider.Decide(command with { NegotiationId = Id }, state, clock.GetUtcNow()), recording);

    public Task<CommandResult> WithdrawProposal(WithdrawProposal command, Recording recording) =>
        stream.ExecuteAsync(state => NegotiationDecider.Decide(command with { NegotiationId = Id }, state, clock.GetUtcNow()), recording);

    public Task<CommandResult> ReachAgreement(ReachAgreement command, Recording recording) =>
        stream.ExecuteAsync(state => NegotiationDecider.Decide(command with { NegotiationId = Id }, state, clock.GetUtcNow()), recording);

    public async Task<CommandResult> SignAgreement(SignAgreement command, Recording recording)
    {
        var party = await GrainFactory.GetGrain<IPartyGrain>(command.PartyId).GetState();
        return await stream.ExecuteAsync(state => NegotiationDecider.Decide(command with { NegotiationId = Id }, state, party, clock.GetUtcNow()), recording);
    }

    public Task<CommandResult> GradeSource(GradeSource command, Recording recording) =>
        stream.ExecuteAsync(state => NegotiationDecider.Decide(command with { NegotiationId = Id }, state), recording);

    public Task<Negotiation?> GetState() => Task.FromResult(stream.State);

    private string Id => this.GetPrimaryKeyString();

    // The grain's key is the negotiation: a command cannot write into another negotiation's stream.
    private OpenNegotiation Own(OpenNegotiation command) => command with { NegotiationId = Id };
}
