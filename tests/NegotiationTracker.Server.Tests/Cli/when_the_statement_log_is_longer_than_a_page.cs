using System.Text;
using System.Text.Json;
using NegotiationTracker.Server.Tests.Fixtures;

namespace NegotiationTracker.Server.Tests.Cli;

/// <summary>A negotiation with more statements than the server serves in one page (1,000), posted over HTTP.</summary>
public sealed class LongLogFixture : IAsyncLifetime
{
    public const string Id = "long-talks";
    public const int Statements = 1_050;

    public ServerFixture Server { get; } = new();

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        await Server.ImportOkAsync(Seed(), "long-talks.yaml");
        await Server.ViewsCaughtUpAsync();
    }

    public Task DisposeAsync() => Server.DisposeAsync();

    /// <summary>Statements on successive days, so the log's order is the said order across page boundaries.</summary>
    private static string Seed()
    {
        var yaml = new StringBuilder($$"""
            negotiation: {id: {{Id}}, title: "Long talks", opened: "2020", issues: [{id: water, title: "Water"}]}
            sources: [{id: minutes, title: "The minutes"}]
            parties:
              - {id: north, name: "North", kind: state, role: principal, people: [{id: envoy, name: "The envoy"}]}
            events:

            """);
        var day = new DateOnly(2020, 1, 1);
        for (var i = 1; i <= Statements; i++)
        {
            yaml.AppendLine($$"""
                  - statement: {id: s{{i}}, by: north, speaker: envoy, "on": [water], kind: position, stance: {{(i % 2 == 0 ? "supports" : "opposes")}}, text: "Statement {{i}}.", attribution: paraphrase, said: "{{day.AddDays(i):yyyy-MM-dd}}", source: minutes}
                """);
        }

        return yaml.ToString();
    }
}

public sealed class when_the_statement_log_is_longer_than_a_page(LongLogFixture log) : IClassFixture<LongLogFixture>
{
    [Theory]
    [InlineData("statements")]
    [InlineData("audit")]
    public async Task every_page_is_read_and_the_output_is_the_databases(string command)
    {
        var reader = await log.Server.CreateKeyAsync("Reader R", Hosting.Access.ApiRole.Reader);
        var served = NegotiationProgram.RunAsync([command, LongLogFixture.Id, "--format", "json", "--server", log.Server.Address, "--api-key", reader]);
        var read = NegotiationProgram.RunAsync([command, LongLogFixture.Id, "--format", "json", "--db", log.Server.ConnectionString]);

        JsonDocument.Parse((await read).Out).RootElement.GetArrayLength().ShouldBe(LongLogFixture.Statements);
        (await served).ShouldBeTheSameAs(await read);
    }
}
