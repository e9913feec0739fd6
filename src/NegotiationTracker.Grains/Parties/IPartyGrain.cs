using NegotiationTracker.Domain.Parties;
using Orleans.Concurrency;

namespace NegotiationTracker.Grains.Parties;

/// <summary>The single writer of a party's stream: who it is, its people, its statements and its answers in every negotiation. Keyed by party id.</summary>
[Alias("NegotiationTracker.IPartyGrain")]
public interface IPartyGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task<CommandResult> Register(RegisterParty command, Recording recording);

    [Alias("Affiliate")]
    Task<CommandResult> Affiliate(AffiliatePerson command, Recording recording);

    [Alias("MakeStatement")]
    Task<CommandResult> MakeStatement(MakeStatement command, Recording recording);

    [Alias("AnswerProposal")]
    Task<CommandResult> AnswerProposal(AnswerProposal command, Recording recording);

    /// <summary>The write model, for rules decided by other grains. Interleaves with commands: negotiations ask while this grain asks them.</summary>
    [AlwaysInterleave, Alias("GetState")]
    Task<Party?> GetState();
}
