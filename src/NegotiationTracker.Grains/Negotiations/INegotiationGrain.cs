using NegotiationTracker.Domain.Negotiations;
using Orleans.Concurrency;

namespace NegotiationTracker.Grains.Negotiations;

/// <summary>
/// The single writer of a negotiation's own stream: opening, issues, sources, membership, status, proposals and agreements.
/// Keyed by negotiation id.
/// </summary>
[Alias("NegotiationTracker.INegotiationGrain")]
public interface INegotiationGrain : IGrainWithStringKey
{
    [Alias("Open")]
    Task<CommandResult> Open(OpenNegotiation command, Recording recording);

    [Alias("AddIssue")]
    Task<CommandResult> AddIssue(AddIssue command, Recording recording);

    [Alias("RegisterSource")]
    Task<CommandResult> RegisterSource(RegisterSource command, Recording recording);

    [Alias("Join")]
    Task<CommandResult> Join(JoinNegotiation command, Recording recording);

    [Alias("ChangeStatus")]
    Task<CommandResult> ChangeStatus(ChangeStatus command, Recording recording);

    [Alias("TableProposal")]
    Task<CommandResult> TableProposal(TableProposal command, Recording recording);

    [Alias("WithdrawProposal")]
    Task<CommandResult> WithdrawProposal(WithdrawProposal command, Recording recording);

    [Alias("ReachAgreement")]
    Task<CommandResult> ReachAgreement(ReachAgreement command, Recording recording);

    [Alias("SignAgreement")]
    Task<CommandResult> SignAgreement(SignAgreement command, Recording recording);

    [Alias("GradeSource")]
    Task<CommandResult> GradeSource(GradeSource command, Recording recording);

    /// <summary>The write model, for rules decided by other grains. Interleaves with commands: parties ask while this grain asks them.</summary>
    [AlwaysInterleave, Alias("GetState")]
    Task<Negotiation?> GetState();
}
