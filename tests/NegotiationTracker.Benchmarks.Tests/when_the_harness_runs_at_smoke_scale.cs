using System.Text.Json;

namespace NegotiationTracker.Benchmarks.Tests;

/// <summary>
/// The CI smoke run: the harness, in-process, at tiny sizes and one repetition, against a fresh database. It proves that
/// every case runs and reports; it asserts no timing (figures from a shared CI machine are not a verdict on anything).
/// </summary>
public sealed class when_the_harness_runs_at_smoke_scale(when_the_harness_runs_at_smoke_scale.SmokeRun run) : IClassFixture<when_the_harness_runs_at_smoke_scale.SmokeRun>
{
    private static readonly int[] AllCases = [1, 2, 3, 4, 5, 6];

    [Fact]
    public void it_exits_successfully() => run.ExitCode.ShouldBe(0);

    [Fact]
    public void no_case_fails() => run.Json.GetProperty("failures").GetArrayLength().ShouldBe(0);

    [Fact]
    public void the_json_has_every_case() =>
        run.Json.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("number").GetInt32()).ShouldBe(AllCases);

    [Fact]
    public void every_case_has_figures() =>
        run.Json.GetProperty("cases").EnumerateArray()
            .Where(c => !c.GetProperty("rows").EnumerateArray().SelectMany(r => r.GetProperty("figures").EnumerateArray()).Any())
            .Select(c => c.GetProperty("number").GetInt32())
            .ShouldBeEmpty();

    [Fact]
    public void every_figure_is_positive() =>
        Figures(run.Json).Where(f => !f.Where.Contains("missing") && !(f.Value > 0)).Select(f => $"{f.Where}: {f.Value}").ShouldBeEmpty();

    // A count of what went wrong (timeline rows the async views missed) must be zero, not positive.
    [Fact]
    public void nothing_is_missing() =>
        Figures(run.Json).Where(f => f.Where.Contains("missing") && f.Value != 0).Select(f => $"{f.Where}: {f.Value}").ShouldBeEmpty();

    [Fact]
    public void every_target_is_measured() =>
        run.Json.GetProperty("targets").EnumerateArray()
            .Where(t => t.GetProperty("measured").ValueKind != JsonValueKind.Number)
            .Select(t => t.GetProperty("target").GetString())
            .ShouldBeEmpty();

    /// <summary>Every value of every figure and ratio, each repetition's and the median.</summary>
    private static IEnumerable<(string Where, double Value)> Figures(JsonElement json)
    {
        foreach (var report in json.GetProperty("cases").EnumerateArray())
        {
            var number = report.GetProperty("number").GetInt32();
            var figures = report.GetProperty("rows").EnumerateArray()
                .SelectMany(r => r.GetProperty("figures").EnumerateArray().Select(f => ($"{r.GetProperty("label").GetString()} {r.GetProperty("setting")}", f)))
                .Concat(report.GetProperty("ratios").EnumerateArray().Select(f => ("ratio", f)));
            foreach (var (row, figure) in figures)
            {
                var where = $"case {number}, {row}, {figure.GetProperty("name").GetString()}";
                yield return (where + " median", Number(figure.GetProperty("median")));
                foreach (var value in figure.GetProperty("runs").EnumerateArray())
                {
                    yield return (where, Number(value));
                }
            }
        }
    }

    // NaN is written as a string: a figure that has no value is not positive.
    private static double Number(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NaN;

    /// <summary>One run of the harness for the whole class: it takes a minute or two.</summary>
    public sealed class SmokeRun : IAsyncLifetime
    {
        private readonly string output = Path.Combine(Path.GetTempPath(), $"negotiation-bench-{Guid.NewGuid():N}.json");

        public int ExitCode { get; private set; }

        public JsonElement Json { get; private set; }

        public async Task InitializeAsync()
        {
            var database = await TestDatabase.CreateAsync();
            ExitCode = await BenchmarkRun.MainAsync(["--db", database, "--scale", "0.001", "--repeat", "1", "--round-seconds", "0.25", "--out", output]);
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(output));
            Json = document.RootElement.Clone();
        }

        public Task DisposeAsync()
        {
            File.Delete(output);
            return Task.CompletedTask;
        }
    }
}
