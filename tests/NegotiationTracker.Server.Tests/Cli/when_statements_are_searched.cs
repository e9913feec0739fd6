using System.Net;
using System.Text.Json;
using NegotiationTracker.Projections.Statements;
using Npgsql;
using NegotiationTracker.Server.Tests.Queries;
using static NegotiationTracker.Server.Tests.Cli.ServedLedgerFixture;

namespace NegotiationTracker.Server.Tests.Cli;

/// <summary>
/// Full-text search over the imported seeds (U.S.–Iraq with its corrections, and Iran), through <c>GET /api/search</c>
/// (every answer checked against the API document) and the CLI's <c>search</c>, both ways.
/// </summary>
public sealed class when_statements_are_searched(ServedLedgerFixture ledger) : IClassFixture<ServedLedgerFixture>
{
    private async Task<IReadOnlyList<JsonElement>> HitsAsync(string query)
    {
        using var response = await ledger.Server.Client.GetAsync($"/api/search?{query}");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return Answers.Array(body);
    }

    private static List<string> Ids(IEnumerable<JsonElement> hits) => hits.Select(h => h.GetProperty("statement").GetProperty("id").GetString()!).ToList();

    [Fact]
    public async Task a_word_finds_the_statements_that_contain_it_best_first()
    {
        var hits = await HitsAsync($"q=resurgence&negotiation={Iraq}");

        Ids(hits).ShouldBe(["rubin-isis-iran-risk", "us-regional-allies"], ignoreOrder: true);
        var ranks = hits.Select(h => h.GetProperty("rank").GetDouble()).ToList();
        ranks.ShouldAllBe(r => r > 0);
        ranks.ShouldBe(ranks.OrderDescending().ToList());
    }

    [Fact]
    public async Task retracted_statements_are_found_only_when_asked_for()
    {
        Ids(await HitsAsync($"q=resurgence&negotiation={Iraq}&includeRetracted=true")).ShouldContain("rubin-against-withdrawal");
    }

    [Fact]
    public async Task the_highlight_marks_the_words_that_matched()
    {
        var hits = await HitsAsync($"q=resurgence&negotiation={Iraq}");

        hits.ShouldAllBe(h => h.GetProperty("highlight").GetString()!.Contains("«resurgence»"));
    }

    [Fact]
    public async Task a_phrase_in_quotes_matches_only_the_words_side_by_side()
    {
        var phrase = Ids(await HitsAsync($"q={Uri.EscapeDataString("\"security forces\"")}&negotiation={Iraq}"));
        var words = Ids(await HitsAsync($"q={Uri.EscapeDataString("forces security")}&negotiation={Iraq}"));
        var reversed = Ids(await HitsAsync($"q={Uri.EscapeDataString("\"forces security\"")}&negotiation={Iraq}"));

        phrase.ShouldBe(["us-iraqi-forces-capable"]);
        words.ShouldContain("us-iraqi-forces-capable");
        reversed.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_prefix_matches_every_word_it_starts()
    {
        var hits = Ids(await HitsAsync($"q=withdr*&negotiation={Iraq}"));

        hits.ShouldContain("factions-press-for-withdrawal");
        hits.ShouldContain("rubin-isis-iran-risk");
    }

    [Fact]
    public async Task words_of_another_outlets_report_or_a_clarification_find_the_statement()
    {
        Ids(await HitsAsync($"q=needed&negotiation={Iraq}")).ShouldBe(["sudani-us-forces-unnecessary"]);
        Ids(await HitsAsync($"q=advisers&negotiation={Iraq}")).ShouldBe(["sudani-us-forces-unnecessary"]);
    }

    [Fact]
    public async Task without_a_negotiation_every_negotiation_is_searched()
    {
        var negotiations = (await HitsAsync("q=iran")).Select(h => h.GetProperty("statement").GetProperty("negotiation").GetString()).Distinct().ToList();

        negotiations.ShouldBe([Iraq, Iran], ignoreOrder: true);
    }

    [Fact]
    public async Task the_filters_combine_with_the_search()
    {
        var all = await HitsAsync($"q=withdr*&negotiation={Iraq}");
        var rubin = await HitsAsync($"q=withdr*&negotiation={Iraq}&party=rubin&from=2024-09&to=2024-09");

        Ids(rubin).ShouldBe(["rubin-isis-iran-risk"]);
        all.Count.ShouldBeGreaterThan(rubin.Count);
        (await HitsAsync($"q=withdr*&negotiation={Iraq}&to=2023")).ShouldBeEmpty();
    }

    [Fact]
    public async Task the_hits_come_a_page_at_a_time_with_the_total()
    {
        var all = Ids(await HitsAsync($"q=withdr*&negotiation={Iraq}"));
        using var response = await ledger.Server.Client.GetAsync($"/api/search?q=withdr*&negotiation={Iraq}&offset=1&limit=2");

        Ids(Answers.Array(await response.Content.ReadAsStringAsync())).ShouldBe(all.Skip(1).Take(2).ToList());
        response.Headers.GetValues("X-Total-Count").Single().ShouldBe(all.Count.ToString());
        response.Headers.GetValues("Link").Single().ShouldContain("offset=3");
    }

    [Fact]
    public async Task the_search_reads_the_full_text_index()
    {
        await using var connection = new NpgsqlConnection(ledger.Server.ConnectionString);
        await connection.OpenAsync();
        string table;
        await using (var find = new NpgsqlCommand("select schemaname || '.' || tablename from pg_indexes where indexname = @name", connection))
        {
            find.Parameters.AddWithValue("name", StatementSearch.IndexName);
            table = (string)(await find.ExecuteScalarAsync()).ShouldNotBeNull();
        }

        await using (var off = new NpgsqlCommand("set enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand(
            $"explain select d.id from {table} d where to_tsvector('english'::regconfig, d.data ->> 'searchText') @@ websearch_to_tsquery('english', 'iran')", connection);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        string.Join(Environment.NewLine, plan).ShouldContain(StatementSearch.IndexName);
    }

    [Fact]
    public async Task an_unknown_negotiation_is_not_found()
    {
        using var response = await ledger.Server.Client.GetAsync("/api/search?q=withdrawal&negotiation=nowhere-talks");

        await response.ShouldBeANotFoundProblemAsync("nowhere-talks");
    }

    [Theory]
    [InlineData("/api/search")]
    [InlineData("/api/search?q=")]
    [InlineData("/api/search?q=%22%22")]
    public async Task an_empty_search_is_refused_naming_q(string path)
    {
        using var response = await ledger.Server.Client.GetAsync(path);

        await response.ShouldBeAProblemNamingAsync("q");
    }

    [Theory]
    [InlineData("search resurgence")]
    [InlineData("search withdr* --negotiation us-iraq-withdrawal --format json")]
    [InlineData("search iran --format csv")]
    [InlineData("search needed --negotiation us-iraq-withdrawal --party iraq --include-retracted --from 2024 --to 2024-12 --format json")]
    public async Task the_cli_prints_the_same_through_the_server_as_from_the_database(string command)
    {
        var (served, read) = await ledger.BothAsync(command.Split(' '));

        read.ExitCode.ShouldBe(0, read.ToString());
        read.Out.ShouldNotBeEmpty();
        served.ShouldBeTheSameAs(read);
    }

    [Fact]
    public async Task the_cli_searches_a_phrase_given_as_one_argument()
    {
        var (served, read) = await ledger.BothAsync("search", "\"security forces\"", "--negotiation", Iraq, "--format", "json");

        read.ExitCode.ShouldBe(0, read.ToString());
        Ids(Answers.Array(read.Out)).ShouldBe(["us-iraqi-forces-capable"]);
        served.ShouldBeTheSameAs(read);
    }

    [Fact]
    public async Task the_cli_says_an_unknown_negotiation_is_not_found()
    {
        var (served, read) = await ledger.BothAsync("search", "withdrawal", "--negotiation", "nowhere-talks");

        read.ExitCode.ShouldBe(3, read.ToString());
        read.Error.ShouldContain("nowhere-talks");
        served.ShouldBeTheSameAs(read);
    }

    [Fact]
    public async Task the_cli_refuses_an_empty_search_as_a_usage_error()
    {
        var output = await ledger.FromDatabaseAsync("search", " ");

        output.ExitCode.ShouldBe(2, output.ToString());
        output.Error.ShouldContain("say what to search for");
    }
}
