using NegotiationTracker.Benchmarks;

return await BenchmarkRun.MainAsync(args);
