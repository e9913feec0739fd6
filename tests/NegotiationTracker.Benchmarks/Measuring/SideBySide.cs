namespace NegotiationTracker.Benchmarks.Measuring;

public static class SideBySide
{
    /// <summary>
    /// Runs every variant once per repetition, each repetition starting one variant later, so no variant always runs first
    /// (cold caches) or last (a machine warmed up, or tired, by the others).
    /// </summary>
    public static async Task RunAsync<T>(int repeat, IReadOnlyList<T> variants, Func<T, int, Task> run)
    {
        for (var repetition = 0; repetition < repeat; repetition++)
        {
            for (var i = 0; i < variants.Count; i++)
            {
                await run(variants[(repetition + i) % variants.Count], repetition);
            }
        }
    }

    /// <summary>Ratios of paired runs (same repetition), so machine noise common to both cancels out as far as it can.</summary>
    public static Figure Ratio(string name, IReadOnlyList<double> numerators, IReadOnlyList<double> denominators) =>
        new(name, "×", numerators.Zip(denominators, (n, d) => d == 0 ? double.NaN : n / d).ToList());
}
