using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;

namespace NegotiationTracker.SeedFiles;

/// <summary>A command read from a seed file, with the line it came from and how to name it in an error.</summary>
public sealed record Located(object Command, int Line, string What);

/// <summary>
/// A seed file, read and checked for form: the negotiation, its sources, its parties with their people, and its events
/// in the order they happened. Whether the commands are allowed is for the deciders (see <see cref="ImportPlan"/>).
/// </summary>
public sealed record SeedFile(
    string Name,
    OpenNegotiation Negotiation,
    int NegotiationLine,
    IReadOnlyList<Located> Sources,
    IReadOnlyList<Located> Parties,
    IReadOnlyList<Located> Events)
{
    public string NegotiationId => Negotiation.NegotiationId;

    /// <summary>
    /// Every command the file stands for, in the order they must be decided: who the parties are, the negotiation and its
    /// sources, who takes part from the start, then what happened.
    /// </summary>
    public IReadOnlyList<Located> Steps()
    {
        var steps = new List<Located>();
        steps.AddRange(Parties.Where(p => p.Command is RegisterParty or AffiliatePerson));
        steps.Add(new Located(Negotiation, NegotiationLine, $"negotiation {NegotiationId}"));
        steps.AddRange(Sources);
        steps.AddRange(Parties.Where(p => p.Command is JoinNegotiation));
        steps.AddRange(Events);
        return steps;
    }
}

public sealed record SeedError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

public sealed class SeedFileRejected(IReadOnlyList<SeedError> errors)
    : Exception(errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} errors:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
{
    public IReadOnlyList<SeedError> Errors { get; } = errors;
}
