using System.Diagnostics;

namespace NegotiationTracker.Benchmarks.Measuring;

/// <summary>Every operation's latency in one run, kept whole (not bucketed) so p99 is exact; one list per writer, no locking.</summary>
public sealed class Latencies
{
    private readonly List<double>[] perWriter;

    public Latencies(int writers) => perWriter = Enumerable.Range(0, writers).Select(_ => new List<double>(1024)).ToArray();

    public void Add(int writer, long startedAt) => perWriter[writer].Add(Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds);

    public int Count => perWriter.Sum(w => w.Count);

    public double[] Sorted() => perWriter.SelectMany(w => w).Order().ToArray();
}
