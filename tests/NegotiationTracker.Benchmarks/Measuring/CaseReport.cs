namespace NegotiationTracker.Benchmarks.Measuring;

/// <summary>What one case measured: a row per variant (and setting), the ratios between variants, and the targets it checks.</summary>
public sealed class CaseReport(int number, string name, string measures)
{
    public int Number { get; } = number;

    public string Name { get; } = name;

    public string Measures { get; } = measures;

    /// <summary>The sizes this run used (after --scale), by name.</summary>
    public Dictionary<string, double> Sizes { get; } = [];

    public List<VariantRow> Rows { get; } = [];

    /// <summary>Ratios between variants, taken within each repetition (the variants ran side by side), then summarised.</summary>
    public List<Figure> Ratios { get; } = [];

    public List<TargetCheck> Targets { get; } = [];

    public List<string> Notes { get; } = [];

    /// <summary>What the case found about the product's correctness on the way (not timings), by name.</summary>
    public Dictionary<string, double> Checks { get; } = [];

    public VariantRow Row(string variant, string? setting = null) =>
        Rows.Single(r => r.Variant == variant && r.Setting == setting);
}

/// <summary>One variant of a case at one setting (e.g. "c" at 64 parties), with its figures and any failures it met.</summary>
public sealed class VariantRow(string variant, string label, string? setting = null)
{
    public string Variant { get; } = variant;

    public string Label { get; } = label;

    public string? Setting { get; } = setting;

    public List<Figure> Figures { get; } = [];

    /// <summary>Operations that failed, by kind of failure, summed over the repetitions: recorded, never thrown.</summary>
    public SortedDictionary<string, long> Failures { get; } = new(StringComparer.Ordinal);

    public Figure Figure(string name) => Figures.Single(f => f.Name == name);

    public void CountFailure(string kind, long count = 1) => Failures[kind] = Failures.GetValueOrDefault(kind) + count;
}

public enum Comparison
{
    AtLeast,
    Below,
    AtMost,
}

/// <summary>One of the targets next to what this run measured. The threshold is the issue's, never adjusted.</summary>
public sealed record TargetCheck(string Case, string Target, double Measured, string Unit, Comparison Comparison, double Threshold, string? Note = null)
{
    public bool Met => Comparison switch
    {
        Comparison.AtLeast => Measured >= Threshold,
        Comparison.Below => Measured < Threshold,
        Comparison.AtMost => Measured <= Threshold,
        _ => false,
    };
}
