namespace NegotiationTracker.Infrastructure.Integrity;

/// <summary>
/// What a verification read and found. <see cref="Head"/> is the whole log as a checkpoint would fix it (when the whole log
/// was read).
/// </summary>
public sealed record VerificationReport(
    long EventsChecked,
    int StreamsChecked,
    int CheckpointsChecked,
    IReadOnlyList<Finding> Findings,
    LogCheckpointed? Head)
{
    public bool Clean => Findings.Count == 0;
}
