using System.Globalization;
using System.Text.Json;
using CsvHelper;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.IntegrationTests.Fixtures;
using NegotiationTracker.SeedFiles;

namespace NegotiationTracker.IntegrationTests.Cli;

public sealed class DemoFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public CliOutput FirstRun { get; private set; } = null!;

    public SeedFile Seed { get; } = SeedFileReader.Read(Paths.Seed);

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync();
        FirstRun = await CliProcess.RunAsync(ConnectionString, "demo");
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class when_the_demo_runs(DemoFixture demo) : IClassFixture<DemoFixture>
{
    private Task<CliOutput> RunAsync(params string[] args) => CliProcess.RunAsync(demo.ConnectionString, args);

    private int StatementsInFile => demo.Seed.Events.Count(e => e.Command is MakeStatement);

    /// <summary>What the command printed as JSON; the test fails with its stderr unless it exits 0.</summary>
    private async Task<JsonDocument> JsonOfAsync(params string[] args)
    {
        var result = await RunAsync(args);
        result.ExitCode.ShouldBe(0, result.Error);
        return JsonDocument.Parse(result.Out);
    }

    [Fact]
    public void it_prints_the_parties_every_statement_and_the_state()
    {
        demo.FirstRun.ExitCode.ShouldBe(0, demo.FirstRun.Error);
        var output = demo.FirstRun.Out;
        output.ShouldContain("Republic of Iraq");
        output.ShouldContain("Mohammed Shia al-Sudani");
        output.ShouldContain("Adam Weinstein");
        output.ShouldContain("2,500");
        output.ShouldContain($"Statements ({StatementsInFile})");
        output.ShouldContain("status active");
    }

    [Fact]
    public async Task running_it_again_appends_nothing()
    {
        var again = await RunAsync("demo");

        again.ExitCode.ShouldBe(0, again.Error);
        again.Out.ShouldContain("0 events appended");
    }

    [Fact]
    public async Task state_as_json_has_the_documented_shape_and_the_seed_parties()
    {
        using var json = await JsonOfAsync("state", "us-iraq-withdrawal", "--format", "json");

        var root = json.RootElement;
        root.GetProperty("id").GetString().ShouldBe("us-iraq-withdrawal");
        root.GetProperty("status").GetString().ShouldBe("active");
        root.GetProperty("version").GetInt64().ShouldBeGreaterThan(0);
        var iraq = root.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "iraq");
        iraq.GetProperty("name").GetString().ShouldBe("Republic of Iraq");
        iraq.GetProperty("kind").GetString().ShouldBe("state");
        iraq.GetProperty("role").GetString().ShouldBe("principal");
        root.GetProperty("issues").GetArrayLength().ShouldBe(demo.Seed.Negotiation.Issues.Count);
        var position = root.GetProperty("positions")[0];
        foreach (var field in new[] { "party", "issue", "stance", "statementId", "said" })
        {
            position.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        var proposal = root.GetProperty("proposals")[0];
        proposal.GetProperty("status").GetString().ShouldBe("accepted");
        proposal.GetProperty("answers")[0].GetProperty("answer").GetString().ShouldBe("accept");
        root.GetProperty("agreements").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task statements_as_json_filtered_by_party_carry_every_documented_field()
    {
        using var json = await JsonOfAsync("statements", "us-iraq-withdrawal", "--party", "iraq", "--format", "json");

        var statements = json.RootElement.EnumerateArray().ToList();
        statements.Count.ShouldBe(demo.Seed.Events.Select(e => e.Command).OfType<MakeStatement>().Count(s => s.PartyId == "iraq"));
        foreach (var statement in statements)
        {
            statement.GetProperty("party").GetString().ShouldBe("iraq");
            foreach (var field in new[] { "id", "negotiation", "speaker", "kind", "stance", "issues", "text", "attribution", "said", "source", "recordedAt", "recordedBy", "sequence" })
            {
                statement.TryGetProperty(field, out _).ShouldBeTrue(field);
            }

            var source = statement.GetProperty("source");
            foreach (var field in new[] { "id", "title", "outlet", "url", "published" })
            {
                source.TryGetProperty(field, out _).ShouldBeTrue(field);
            }

            statement.GetProperty("recordedBy").GetString().ShouldBe($"os:{Environment.UserName}@{Environment.MachineName}");
        }
    }

    [Fact]
    public async Task statements_as_csv_have_a_header_and_one_row_per_statement()
    {
        var result = await RunAsync("statements", "us-iraq-withdrawal", "--format", "csv");

        result.ExitCode.ShouldBe(0, result.Error);
        using var csv = new CsvReader(new StringReader(result.Out), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().ToList();
        rows.Count.ShouldBe(StatementsInFile);
        ((IDictionary<string, object>)rows[0]).Keys.ShouldContain("recordedBy");
    }

    [Fact]
    public async Task state_known_at_now_replayed_from_the_event_store_equals_the_live_state()
    {
        var live = await RunAsync("state", "us-iraq-withdrawal", "--format", "json");
        var replayed = await RunAsync("state", "us-iraq-withdrawal", "--format", "json", "--known-at", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"));

        replayed.ExitCode.ShouldBe(0, replayed.Error);
        replayed.Out.ShouldBe(live.Out);
    }

    [Fact]
    public async Task history_as_json_lists_every_event_with_its_stream_version_and_recorder()
    {
        using var json = await JsonOfAsync("history", "us-iraq-withdrawal", "--format", "json");

        var events = json.RootElement.EnumerateArray().ToList();
        events.Count.ShouldBeGreaterThan(StatementsInFile);
        events.Select(e => e.GetProperty("sequence").GetInt64()).ShouldBeInOrder();
        foreach (var field in new[] { "stream", "version", "type", "said", "recordedAt", "recordedBy", "correlationId" })
        {
            events[0].TryGetProperty(field, out _).ShouldBeTrue(field);
        }
    }

    [Fact]
    public async Task diff_between_the_opening_year_and_the_article_month_lists_the_statements_said_in_between()
    {
        using var json = await JsonOfAsync("diff", "us-iraq-withdrawal", "--as-of", "2024-08", "--as-of", "2024-09", "--format", "json");

        json.RootElement.GetProperty("statementsAdded").GetArrayLength().ShouldBe(StatementsInFile);
        json.RootElement.GetProperty("proposalsAnswered").GetArrayLength().ShouldBe(1);
    }

    /// <summary>Exit 3 where the ledger has no such negotiation at that moment; null where the parser refuses the command line.</summary>
    [Theory]
    [InlineData(3, "negotiation no-such-talks is not in the ledger", "state", "no-such-talks")]
    [InlineData(3, "had not been opened by 2023-12-31", "state", "us-iraq-withdrawal", "--as-of", "2023-12-31")]
    [InlineData(null, "give two moments to compare", "diff", "us-iraq-withdrawal", "--as-of", "2024-09")]
    [InlineData(null, "--from '2024-13' is not a date", "statements", "us-iraq-withdrawal", "--from", "2024-13")]
    public async Task what_it_cannot_answer_is_refused_with_a_message_on_stderr(int? exitCode, string message, params string[] args) =>
        (await RunAsync(args)).ShouldBeARefusal(message, exitCode);

    [Fact]
    public async Task a_file_with_an_error_is_rejected_with_its_line_and_nothing_is_appended()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(bad, """
            negotiation: {id: other-talks, title: "Other talks", opened: "2024-09", issues: [{id: ceasefire, title: "Ceasefire"}]}
            parties:
              - {id: north, name: "North", kind: state, role: principal}
            events:
              - statement: {id: s1, by: north, "on": [ceasefire], kind: position, stance: supports, text: "Yes.", attribution: paraphrase, said: "2024-09"}
              - statement: {id: s2, by: south, "on": [ceasefire], kind: position, stance: opposes, text: "No.", attribution: paraphrase, said: "2024-09"}
            """);
        try
        {
            var result = await RunAsync("import", bad);

            result.ExitCode.ShouldBe(2);
            result.Error.ShouldContain($"{bad}:6: statement s2: party south is not registered");
            var state = await RunAsync("state", "other-talks");
            state.ExitCode.ShouldBe(3);
        }
        finally
        {
            File.Delete(bad);
        }
    }
}
