using System.Text.Json;
using NegotiationTracker.Hosting.Access;
using static NegotiationTracker.Server.Tests.Cli.ServedLedgerFixture;

namespace NegotiationTracker.Server.Tests.Cli;

/// <summary><c>positions</c> on a served ledger: the API's answer, and the same bytes through the server as from its database.</summary>
public sealed class when_positions_are_asked_for_on_the_command_line(ServedLedgerFixture ledger) : IClassFixture<ServedLedgerFixture>
{
    [Theory]
    [InlineData("")]
    [InlineData("?party=us")]
    [InlineData("?issue=nuclear-deal")]
    [InlineData("?party=iran&issue=enrichment-limits&minCredibility=2")]
    public async Task the_json_is_the_apis_answer(string query)
    {
        using var client = await ledger.Server.ClientWith(ApiRole.Reader);
        using var api = JsonDocument.Parse(await client.GetStringAsync($"/api/negotiations/{Iran}/positions{query}"));

        var cli = await ledger.FromDatabaseAsync(["positions", Iran, .. Options(query), "--format", "json"]);

        cli.ExitCode.ShouldBe(0, cli.ToString());
        using var printed = JsonDocument.Parse(cli.Out);
        printed.RootElement.GetArrayLength().ShouldBeGreaterThan(0);
        JsonElement.DeepEquals(printed.RootElement, api.RootElement).ShouldBeTrue(cli.Out);
    }

    [Theory]
    [InlineData("positions iran-nuclear-jcpoa")]
    [InlineData("positions iran-nuclear-jcpoa --format json")]
    [InlineData("positions iran-nuclear-jcpoa --format csv")]
    [InlineData("positions iran-nuclear-jcpoa --party us --issue nuclear-deal --format json")]
    [InlineData("positions us-iraq-withdrawal --exclude-contested --format csv")]
    [InlineData("positions us-iraq-withdrawal --min-credibility 3")]
    public async Task the_output_through_the_server_is_the_databases(string command)
    {
        var (served, read) = await ledger.BothAsync(command.Split(' '));

        served.ShouldBeTheSameAs(read);
    }

    [Fact]
    public async Task the_table_shows_each_shift_of_stance()
    {
        var table = await ledger.FromDatabaseAsync("positions", Iran, "--party", "us", "--issue", "nuclear-deal");

        table.ExitCode.ShouldBe(0, table.ToString());
        table.Out.ShouldContain("nuclear-deal");
        table.Out.ShouldContain("supports since 2013-11-23");
        table.Out.ShouldContain("[shift]");
        table.Out.ShouldContain("→");
    }

    [Fact]
    public async Task an_unknown_negotiation_is_not_found_both_ways()
    {
        var (served, read) = await ledger.BothAsync("positions", "nowhere-talks", "--format", "json");

        read.ExitCode.ShouldBe(3, read.ToString());
        served.ShouldBeTheSameAs(read);
    }

    /// <summary>The API's query as the command's options.</summary>
    private static string[] Options(string query) =>
        [.. query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).SelectMany(p => p[0] switch
        {
            "minCredibility" => new[] { "--min-credibility", p[1] },
            "excludeContested" => ["--exclude-contested"],
            var name => [$"--{name}", p[1]],
        })];
}
