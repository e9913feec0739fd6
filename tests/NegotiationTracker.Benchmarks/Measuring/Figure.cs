namespace NegotiationTracker.Benchmarks.Measuring;

/// <summary>One quantity measured once per repetition; a reader compares the median, and min and max show the noise.</summary>
public sealed record Figure(string Name, string Unit, IReadOnlyList<double> Runs)
{
    public double Median => Percentiles.Median(Runs);

    public double Min => Runs.Count == 0 ? double.NaN : Runs.Min();

    public double Max => Runs.Count == 0 ? double.NaN : Runs.Max();
}

public static class Percentiles
{
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Nearest rank: the smallest sample that at least <paramref name="quantile"/> of the samples do not exceed.</summary>
    public static double Of(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
