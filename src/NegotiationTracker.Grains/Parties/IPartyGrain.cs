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

    /// <summary>Several statements at once, all or none (see <see cref="PartyDecider"/>); one append, so an import costs a transaction per batch, not per statement.</summary>
    [Alias("MakeStatements")]
    Task<CommandResult> MakeStatements(MakeStatement[] commands, Recording recording);

    [Alias("AnswerProposal")]
    Task<CommandResult> AnswerProposal(AnswerProposal command, Recording recording);

    [Alias("Retract")]
    Task<CommandResult> Retract(RetractStatement command, Recording recording);

    [Alias("Deny")]
    Task<CommandResult> Deny(DenyStatement command, Recording recording);

    [Alias("Clarify")]
    Task<CommandResult> Clarify(ClarifyStatement command, Recording recording);

    [Alias("Report")]
    Task<CommandResult> Report(ReportStatement command, Recording recording);

    [Alias("CorrectReport")]
    Task<CommandResult> CorrectReport(CorrectReport command, Recording recording);

    [Alias("Amend")]
    Task<CommandResult> Amend(AmendRecord command, Recording recording);

    [Alias("Void")]
    Task<CommandResult> Void(VoidRecord command, Recording recording);

    [Alias("LinkDuplicate")]
    Task<CommandResult> LinkDuplicate(LinkDuplicate command, Recording recording);

    [Alias("UnlinkDuplicate")]
    Task<CommandResult> UnlinkDuplicate(UnlinkDuplicate command, Recording recording);

    [Alias("Grade")]
    Task<CommandResult> Grade(GradeStatement command, Recording recording);

    /// <summary>The write model, for rules decided by other grains. Interleaves with commands: negotiations ask while this grain asks them.</summary>
    [AlwaysInterleave, Alias("GetState")]
    Task<Party?> GetState();
}
