using System.CommandLine;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.Cli.Commands;

/// <summary>The options of the stance views that choose which statements count as evidence of a position.</summary>
public sealed class EvidenceOptions
{
    public Option<bool> ExcludeContested { get; } = new("--exclude-contested") { Description = "Positions leave out statements their speaker denied" };

    public Option<int?> MinCredibility { get; } = new("--min-credibility")
    {
        Description = "Positions leave out statements graded less credible than this (Admiralty 1–6; ungraded ones count)",
    };

    public EvidenceOptions()
    {
        MinCredibility.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is { } grade and (< 1 or > 6))
            {
                r.AddError($"--min-credibility {grade} is not between 1 and 6");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(ExcludeContested);
        command.Options.Add(MinCredibility);
    }

    public EvidenceFilter From(ParseResult result) => new(result.GetValue(ExcludeContested), result.GetValue(MinCredibility));
}
