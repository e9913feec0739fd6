using System.Text.Json;
using System.Text.RegularExpressions;
using NegotiationTracker.IntegrationTests.Corrections;
using NegotiationTracker.IntegrationTests.Fixtures;

namespace NegotiationTracker.IntegrationTests.Cli;

/// <summary>The demo, then the corrections file imported with the real program, and the replay and audit commands run on it.</summary>
public sealed class AuditedDemoFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public DateTimeOffset BeforeCorrections { get; private set; }

    public DateTimeOffset AfterCorrections { get; private set; }

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync();
        (await CliProcess.RunAsync(ConnectionString, "demo")).ExitCode.ShouldBe(0);
        BeforeCorrections = DateTimeOffset.UtcNow;
        var file = Path.Combine(Path.GetTempPath(), $"corrections-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, CorrectedSeedFixture.Corrections);
        try
        {
            var imported = await CliProcess.RunAsync(ConnectionString, "import", file);
            imported.ExitCode.ShouldBe(0, imported.Error);
        }
        finally
        {
            File.Delete(file);
        }

        AfterCorrections = DateTimeOffset.UtcNow;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class when_corrections_are_audited_on_the_command_line(AuditedDemoFixture demo) : IClassFixture<AuditedDemoFixture>
{
    private Task<CliOutput> RunAsync(params string[] args) => CliProcess.RunAsync(demo.ConnectionString, args);

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ");

    [Fact]
    public async Task the_audit_of_a_statement_as_json_lists_the_original_and_every_later_fact()
    {
        var result = await RunAsync("audit", "statement", "sudani-us-forces-unnecessary", "--format", "json");

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString())
            .ShouldBe(["source_registered", "statement_made", "source_registered", "statement_reported", "statement_clarified", "statement_graded", "source_graded"]);
    }

    [Fact]
    public async Task the_audit_of_a_statement_as_a_table_names_each_event_and_its_recorder()
    {
        var result = await RunAsync("audit", "statement", "us-iraq-withdrawal/sudani-us-forces-unnecessary");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("statement_clarified");
        // Spectre wraps long lines at word breaks.
        Regex.Replace(result.Out, @"\s+", " ").ShouldContain($"by OS user {Environment.UserName} on host {Environment.MachineName}");
    }

    [Fact]
    public async Task the_audit_of_a_statement_as_a_table_names_the_party_that_made_it()
    {
        var result = await RunAsync("audit", "statement", "us-iraq-withdrawal/sudani-us-forces-unnecessary");

        result.ExitCode.ShouldBe(0, result.Error);
        Words(result.Out).ShouldContain("made by Republic of Iraq (iraq)");
        result.Out.ShouldNotContain("made for");
    }

    [Fact]
    public async Task the_statement_log_says_who_reported_a_statement_once()
    {
        var result = await RunAsync("statements", "us-iraq-withdrawal", "--party", "iraq");

        result.ExitCode.ShouldBe(0, result.Error);
        Words(result.Out).ShouldContain("reported by later-report (NYT citing unnamed Iraqi officials)");
        Words(result.Out).ShouldNotContain("reported reported");
    }

    [Fact]
    public async Task the_statement_log_names_a_person_party_speaking_for_itself_once()
    {
        var result = await RunAsync("statements", "us-iraq-withdrawal", "--party", "weinstein");

        result.ExitCode.ShouldBe(0, result.Error);
        Words(result.Out).ShouldContain("Adam Weinstein");
        Words(result.Out).ShouldNotContain("Adam Weinstein for Adam Weinstein");
    }

    /// <summary>The output with every run of white space made one space: the terminal wraps long lines wherever it must.</summary>
    private static string Words(string output) => string.Join(' ', output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task the_audit_of_the_negotiation_shows_retracted_statements_marked()
    {
        var json = await RunAsync("audit", "us-iraq-withdrawal", "--party", "rubin", "--format", "json");
        var table = await RunAsync("audit", "us-iraq-withdrawal", "--party", "rubin");

        json.ExitCode.ShouldBe(0, json.Error);
        using var document = JsonDocument.Parse(json.Out);
        document.RootElement.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "rubin-against-withdrawal")
            .GetProperty("status").GetString().ShouldBe("retracted");
        table.Out.ShouldContain("RETRACTED");
    }

    [Fact]
    public async Task the_statement_log_hides_the_retracted_statement_unless_asked()
    {
        var standing = await RunAsync("statements", "us-iraq-withdrawal", "--party", "rubin", "--format", "json");
        var all = await RunAsync("statements", "us-iraq-withdrawal", "--party", "rubin", "--format", "json", "--include-retracted");

        using var s = JsonDocument.Parse(standing.Out);
        using var a = JsonDocument.Parse(all.Out);
        s.RootElement.EnumerateArray().ShouldNotContain(x => x.GetProperty("id").GetString() == "rubin-against-withdrawal");
        a.RootElement.EnumerateArray().ShouldContain(x => x.GetProperty("id").GetString() == "rubin-against-withdrawal");
    }

    [Fact]
    public async Task state_known_before_the_corrections_still_shows_the_retracted_stance_and_now_does_not()
    {
        var before = await RunAsync("state", "us-iraq-withdrawal", "--format", "json", "--known-at", Instant(demo.BeforeCorrections));
        var now = await RunAsync("state", "us-iraq-withdrawal", "--format", "json");

        before.ExitCode.ShouldBe(0, before.Error);
        before.Out.ShouldContain("rubin-against-withdrawal");
        now.Out.ShouldNotContain("rubin-against-withdrawal");
    }

    [Fact]
    public async Task the_diff_across_the_corrections_as_json_and_as_a_table_lists_them()
    {
        var json = await RunAsync("diff", "us-iraq-withdrawal", "--known-at", Instant(demo.BeforeCorrections), "--known-at", Instant(demo.AfterCorrections), "--format", "json");
        var table = await RunAsync("diff", "us-iraq-withdrawal", "--known-at", Instant(demo.BeforeCorrections), "--known-at", Instant(demo.AfterCorrections));

        json.ExitCode.ShouldBe(0, json.Error);
        using var document = JsonDocument.Parse(json.Out);
        document.RootElement.GetProperty("correctionsApplied").GetArrayLength().ShouldBe(6);
        table.Out.ShouldContain("Corrections applied (6)");
    }
}
