namespace NegotiationTracker.Grains.Integrity;

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

/// <summary>
/// A verification as <c>verify --format json</c> prints it and the server answers it: the counts, and each finding with
/// its kind as a word (content-changed, missing, …).
/// </summary>
public sealed record VerificationResult(bool Clean, long EventsChecked, int StreamsChecked, int CheckpointsChecked, IReadOnlyList<ReportedFinding> Findings)
{
    public static VerificationResult Of(VerificationReport report) => new(
        report.Clean,
        report.EventsChecked,
        report.StreamsChecked,
        report.CheckpointsChecked,
        report.Findings.Select(f => new ReportedFinding(f.KindWord, f.Stream, f.Version, f.Sequence, f.Detail)).ToList());
}

public sealed record ReportedFinding(string Kind, string Stream, long? Version, long? Sequence, string Detail);
