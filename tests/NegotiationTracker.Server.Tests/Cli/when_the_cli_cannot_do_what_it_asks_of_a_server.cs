using Marten;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Hosting;
using NegotiationTracker.Hosting.Access;
using NegotiationTracker.Server.Tests.Fixtures;

namespace NegotiationTracker.Server.Tests.Cli;

/// <summary>Refused keys and roles, no server, rejected files and usage mistakes: a plain line on stderr and the CLI's exit code, never a stack trace.</summary>
public sealed class when_the_cli_cannot_do_what_it_asks_of_a_server(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("negotiation-cli-").FullName;

    private static string Seed => Paths.Seed("us-iraq-withdrawal.yaml");

    /// <summary>Reads the seed file; its one statement names a party nobody registered, which only the import plan, against the store, can tell.</summary>
    private const string UnknownSpeaker = """
        negotiation: {id: ghost-talks, title: "Talks with a ghost", opened: "2024", issues: [{id: calm, title: "Calm"}]}
        sources: [{id: note, title: "A note"}]
        parties:
          - {id: real-party, name: "A real party", kind: state, role: principal}
        events:
          - statement: {id: s1, by: ghost, "on": [calm], kind: position, stance: supports, text: "Boo.", attribution: quote, said: "2024", source: note}
        """;

    [Fact]
    public async Task a_reader_key_may_not_import()
    {
        var output = await ImportAsync(Seed, await server.CreateKeyAsync("Reader R", ApiRole.Reader));

        output.ExitCode.ShouldBe(1, output.ToString());
        output.Error.ShouldBe("the key's role may not import seed files (that takes a recorder key): the key of Reader R does not have the role this needs" + Environment.NewLine);
        output.Out.ShouldBeEmpty();
        await ShouldHaveAppendedNothingAsync();
    }

    [Fact]
    public async Task an_unknown_key_is_refused()
    {
        var output = await NegotiationProgram.RunAsync(["state", "us-iraq-withdrawal", "--server", server.Address, "--api-key", "ntk_not-a-key"]);

        output.ExitCode.ShouldBe(1, output.ToString());
        output.Error.ShouldBe("the server refused the API key: the API key is unknown or revoked" + Environment.NewLine);
    }

    [Fact]
    public async Task without_a_key_it_says_how_to_give_one()
    {
        var output = await NegotiationProgram.RunAsync(["state", "us-iraq-withdrawal", "--server", server.Address]);

        output.ExitCode.ShouldBe(1, output.ToString());
        output.Error.ShouldBe($"the server at {server.Address} wants an API key: give --api-key KEY or set $NEGOTIATION_TRACKER_API_KEY" + Environment.NewLine);
    }

    [Fact]
    public async Task a_server_that_is_not_there_cannot_be_reached()
    {
        var nowhere = $"http://127.0.0.1:{LoopbackPorts.Free()}";

        var output = await NegotiationProgram.RunAsync(["state", "us-iraq-withdrawal", "--server", nowhere, "--api-key", "ntk_any"]);

        output.ExitCode.ShouldBe(4, output.ToString());
        output.Error.ShouldStartWith($"the server at {nowhere} could not be reached: ");
        output.Error.ShouldNotContain(" at NegotiationTracker");
    }

    [Fact]
    public async Task a_server_and_a_database_at_once_are_a_usage_mistake()
    {
        var output = await NegotiationProgram.RunAsync(["state", "us-iraq-withdrawal", "--server", server.Address, "--db", server.ConnectionString]);

        output.ExitCode.ShouldBe(2, output.ToString());
        output.Error.ShouldBe("--server cannot be combined with --db or --data-dir: a server reads and writes its own database; give one or the other" + Environment.NewLine);
        output.Out.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("projections status")]
    [InlineData("projections rebuild")]
    [InlineData("checkpoint create")]
    [InlineData("checkpoint export")]
    [InlineData("keys list")]
    [InlineData("serve")]
    [InlineData("demo")]
    public async Task a_command_on_the_database_itself_refuses_a_server(string command)
    {
        var output = await NegotiationProgram.RunAsync([.. command.Split(' '), "--server", server.Address, "--api-key", server.AdminKey]);

        output.ExitCode.ShouldBe(2, output.ToString());
        output.Error.ShouldBe($"{command} works on the database itself, not through a server: drop --server (or unset $NEGOTIATION_TRACKER_SERVER) and give --db or --data-dir" + Environment.NewLine);
    }

    [Fact]
    public async Task an_unknown_negotiation_is_not_found()
    {
        var output = await NegotiationProgram.RunAsync(["state", "nowhere-talks", "--server", server.Address, "--api-key", server.AdminKey]);

        output.ExitCode.ShouldBe(3, output.ToString());
        output.Error.ShouldBe("negotiation nowhere-talks is not in the ledger" + Environment.NewLine);
    }

    [Fact]
    public async Task a_rejected_file_is_listed_by_line_as_the_database_path_lists_it_and_nothing_is_appended()
    {
        var file = Path.Combine(folder, "ghost-talks.yaml");
        await File.WriteAllTextAsync(file, UnknownSpeaker);

        var served = await ImportAsync(file, await server.CreateKeyAsync("Analyst A", ApiRole.Recorder));
        // Into a database of its own: nothing may write beside the server's grains.
        var read = await NegotiationProgram.RunAsync(["import", file, "--db", await TestDatabase.CreateAsync()]);

        served.ExitCode.ShouldBe(2, served.ToString());
        served.Error.ShouldBe($"The file was rejected; nothing was appended.{Environment.NewLine}{file}:6: statement s1: party ghost is not registered{Environment.NewLine}");
        served.Out.ShouldBeEmpty();
        served.ShouldBeTheSameAs(read with { Out = "" });
        await ShouldHaveAppendedNothingAsync();
    }

    [Fact]
    public async Task the_variables_stand_in_for_the_options()
    {
        var output = await NegotiationProgram.RunAsync(["import", Seed], new Dictionary<string, string>
        {
            ["NEGOTIATION_TRACKER_SERVER"] = server.Address,
            ["NEGOTIATION_TRACKER_API_KEY"] = await server.CreateKeyAsync("Reader V", ApiRole.Reader),
        });

        // Only the server knows the key's holder and role.
        output.Error.ShouldContain("the key of Reader V does not have the role this needs");
        output.ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task a_database_on_the_command_line_beats_a_server_in_the_variables()
    {
        var output = await NegotiationProgram.RunAsync(["state", "nowhere-talks", "--db", server.ConnectionString], new Dictionary<string, string>
        {
            ["NEGOTIATION_TRACKER_SERVER"] = $"http://127.0.0.1:{LoopbackPorts.Free()}",
        });

        output.ExitCode.ShouldBe(3, output.ToString());
        output.Error.ShouldBe("negotiation nowhere-talks is not in the ledger" + Environment.NewLine);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Task<CliOutput> ImportAsync(string file, string key) => NegotiationProgram.RunAsync(["import", file, "--server", server.Address, "--api-key", key]);

    private async Task ShouldHaveAppendedNothingAsync()
    {
        var statistics = await server.Services.GetRequiredService<IDocumentStore>().Advanced.FetchEventStoreStatistics();
        statistics.EventCount.ShouldBe(0);
    }
}
