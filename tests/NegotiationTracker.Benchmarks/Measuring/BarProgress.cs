namespace NegotiationTracker.Benchmarks.Measuring;

/// <summary>Reports on the caller's thread: Progress&lt;T&gt; posts to the thread pool, and a late report could move a finished bar back.</summary>
public sealed class BarProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
