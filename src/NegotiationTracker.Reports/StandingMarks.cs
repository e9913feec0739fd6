using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Projections.Timeline;

namespace NegotiationTracker.Reports;

/// <summary>How a statement's standing is written beside it, the same in the brief, the chart's tooltips and the CLI.</summary>
public static class StandingMarks
{
    /// <summary>A statement's standing as read now, in brackets, or nothing when it stands unchallenged and ungraded.</summary>
    public static string Of(TimelineEntry entry)
    {
        var marks = new List<string>();
        switch (entry.Status)
        {
            case RecordStatuses.Void: marks.Add("void: entered in error"); break;
            case RecordStatuses.Retracted: marks.Add("retracted"); break;
            case RecordStatuses.Duplicate: marks.Add($"duplicate of {entry.DuplicateOf}"); break;
        }

        if (entry.Contested)
        {
            marks.Add("contested: the speaker denies it");
        }

        if (entry.Credibility is { } grade)
        {
            marks.Add($"credibility {grade}");
        }

        return marks.Count == 0 ? "" : $" [{string.Join("; ", marks)}]";
    }

}
