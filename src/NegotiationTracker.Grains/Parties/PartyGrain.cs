using Marten;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Grains.Negotiations;
using NegotiationTracker.Infrastructure.EventStore;

namespace NegotiationTracker.Grains.Parties;

public sealed class PartyGrain(IDocumentStore store, GroupCommit commits, TimeProvider clock) : Grain, IPartyGrain
{
    private StreamWriter<Party> stream = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        stream = new StreamWriter<Party>(store, commits, clock, Streams.Party(Id), Party.Evolve);
        await stream.LoadAsync(cancellationToken);
    }

    public Task<CommandResult> Register(RegisterParty command, Recording recording) =>
        stream.ExecuteAsync(state => PartyDecider.Decide(command with { PartyId = Id }, state), recording);

    public Task<CommandResult> Affiliate(AffiliatePerson command, Recording recording) =>
        stream.ExecuteAsync(state => PartyDecider.Decide(command with { PartyId = Id }, state), recording);

    public async Task<CommandResult> MakeStatement(MakeStatement command, Recording recording)
    {
        var negotiation = await GrainFactory.GetGrain<INegotiationGrain>(command.NegotiationId).GetState();
        return await stream.ExecuteAsync(state => PartyDecider.Decide(command with { PartyId = Id }, state, negotiation, clock.GetUtcNow()), recording);
    }

    public async Task<CommandResult> MakeStatements(MakeStatement[] commands, Recording recording)
    {
        var negotiations = new Dictionary<string, Negotiation?>();
        foreach (var negotiationId in commands.Select(c => c.NegotiationId).Distinct())
        {
            negotiations[negotiationId] = await GrainFactory.GetGrain<INegotiationGrain>(negotiationId).GetState();
        }

        var own = commands.Select(c => c with { PartyId = Id }).ToList();
        return await stream.ExecuteAsync(state => PartyDecider.Decide(own, state, negotiations, clock.GetUtcNow()), recording);
    }

    public async Task<CommandResult> AnswerProposal(AnswerProposal command, Recording recording)
    {
        var negotiation = await GrainFactory.GetGrain<INegotiationGrain>(command.NegotiationId).GetState();
        return await stream.ExecuteAsync(state => PartyDecider.Decide(command with { PartyId = Id }, state, negotiation, clock.GetUtcNow()), recording);
    }

    public Task<CommandResult> Retract(RetractStatement command, Recording recording) =>
        stream.ExecuteAsync(state => PartyDecider.Decide(command with { PartyId = Id }, state, clock.GetUtcNow()), recording);

    public Task<CommandResult> Deny(DenyStatement command, Recording recording) =>
        stream.ExecuteAsync(state => PartyDecider.Decide(command with { PartyId = Id }, state, clock.GetUtcNow()), recording);

    public Task<CommandResult> Clarify(ClarifyStatement command, Recording recording) =>
        stream.ExecuteAsync(state => PartyDecider.Decide(command with { PartyId = Id }, state, clock.GetUtcNow()), recording);

    public async Task<CommandResult> Report(ReportStatement command, Recording recording)
    {
        var negotiation = await GrainFactory.GetGrain<INegotiationGrain>(command.NegotiationId).GetState();
        return await stream.ExecuteAsync(state => PartyDecider.Decide(command with { PartyId = Id }, state, negotiation, clock.GetUtcNow()), recording);
    }

    public Task<CommandResult> CorrectReport(CorrectReport command, Recording recording) =>
        stream.ExecuteAsync(state => PartyDecider.Decide(command with { PartyId = Id }, state, clock.GetUtcNow()), recording);

    public async Task<CommandResult> Amend(AmendRecord command, Recording recording)
    {
        var negotiation = await GrainFactory.GetGrain<INegotiationGrain>(command.NegotiationId).GetState();
        return await stream.ExecuteAsync(state => PartyDecider.Decide(command with { PartyId = Id }, state, negotiation, clock.GetUtcNow()), recording);
    }

    public Task<CommandResult> Void(VoidRecord command, Recording recording) =>
        stream.ExecuteAsync(state => PartyDecider.Decide(command with { PartyId = Id }, state), recording);

    public Task<CommandResult> LinkDuplicate(LinkDuplicate command, Recording recording) =>
        stream.ExecuteAsync(state => PartyDecider.Decide(command with { PartyId = Id }, state), recording);

    public Task<CommandResult> UnlinkDuplicate(UnlinkDuplicate command, Recording recording) =>
        stream.ExecuteAsync(state => PartyDecider.Decide(command with { PartyId = Id }, state), recording);

    public Task<CommandResult> Grade(GradeStatement command, Recording recording) =>
        stream.ExecuteAsync(state => PartyDecider.Decide(command with { PartyId = Id }, state), recording);

    public Task<Party?> GetState() => Task.FromResult(stream.State);

    private string Id => this.GetPrimaryKeyString();
}
