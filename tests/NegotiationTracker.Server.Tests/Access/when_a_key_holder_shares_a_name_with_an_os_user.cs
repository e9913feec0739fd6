using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using NegotiationTracker.Hosting.Access;
using NegotiationTracker.Server.Endpoints.Keys;
using NegotiationTracker.Server.Tests.Fixtures;
using NegotiationTracker.Server.Tests.Queries;
using static NegotiationTracker.Server.Tests.Access.SharedNameLedgerFixture;

namespace NegotiationTracker.Server.Tests.Access;

/// <summary>
/// An admin has issued a key to a holder named as the OS user who runs the CLI (<c>root</c> here). One statement is recorded
/// through the API with that key, another by the CLI on the database, in the same negotiation.
/// </summary>
public sealed class SharedNameLedgerFixture : IAsyncLifetime
{
    public const string Negotiation = "river-talks";
    public const string ThroughApi = "recorded-through-the-api";
    public const string ThroughCli = "recorded-by-the-cli";

    /// <summary>The OS user the CLI runs as, and so the name the key holder is given.</summary>
    public static string Name => Environment.UserName;

    public static string KeyHolder => $"key:{Name}";

    public static string OsUser => $"os:{Name}@{Environment.MachineName}";

    private const string Seed = """
        negotiation: {id: river-talks, title: "River talks", opened: "2024", issues: [{id: dam, title: "The dam's filling schedule"}]}
        sources: [{id: wire, title: "Wire report", published: "2024-02"}]
        parties:
          - {id: upriver, name: "Upriver State", kind: state, role: principal, people: []}
        events:
          - statement: {id: recorded-through-the-api, by: upriver, "on": [dam], kind: position, stance: supports, text: "We will fill the dam over seven years.", attribution: quote, said: "2024-02", source: wire}
        """;

    private const string Later = """
        negotiation: {id: river-talks, title: "River talks", opened: "2024", issues: []}
        sources: []
        parties: []
        events:
          - statement: {id: recorded-by-the-cli, by: upriver, "on": [dam], kind: position, stance: supports, text: "Seven years, not five.", attribution: quote, said: "2024-03", source: wire}
        """;

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"negotiation-recorders-{Guid.NewGuid():N}");

    public ServerFixture Server { get; } = new();

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        Directory.CreateDirectory(folder);

        var created = await Server.Client.PostJsonAsync("/api/keys", new CreateKey(Name, ApiRole.Recorder));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var holder = Server.Anonymous();
        holder.DefaultRequestHeaders.Add("X-Api-Key", (await created.JsonAsync())["key"]!.GetValue<string>());
        await holder.PostRawAsync($"/api/imports?name=seed.yaml", Seed, "text/yaml").ShouldBeOk();

        // The CLI on the server's database appends after the server has, and the server appends nothing after it.
        var later = Path.Combine(folder, "later.yaml");
        await File.WriteAllTextAsync(later, Later);
        var imported = await NegotiationProgram.RunAsync(["import", later, "--db", Server.ConnectionString]);
        imported.ExitCode.ShouldBe(0, imported.ToString());
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Each statement id the audit lists, with its recordedBy.</summary>
    public async Task<Dictionary<string, string>> AuditAsync(string query = "")
    {
        var response = await Server.Client.GetAsync($"/api/negotiations/{Negotiation}/audit{query}");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("recordedBy").GetString()!);
    }

    public Task<CliOutput> CliAsync(params string[] args) => NegotiationProgram.RunAsync([.. args, "--db", Server.ConnectionString]);

    /// <summary>The CLI's output on one line: Spectre wraps long lines at word breaks.</summary>
    public static string Joined(string output) => Regex.Replace(output, @"\s+", " ");

    /// <summary>
    /// The cells of one column of a table the CLI printed, header first, each row's wrapped lines joined: a row's first line
    /// has a value in the first column, the lines Spectre wraps it onto have none there.
    /// </summary>
    public static List<string> Column(string table, int index)
    {
        var rows = new List<string>();
        foreach (var cells in table.Split('\n').Select(line => line.Split('│')).Where(cells => cells.Length > index + 2))
        {
            var text = cells[index + 1].Trim();
            if (cells[1].Trim().Length > 0 || rows.Count == 0)
            {
                rows.Add(text);
            }
            else if (text.Length > 0)
            {
                rows[^1] += " " + text;
            }
        }

        return rows;
    }
}

public sealed class when_a_key_holder_shares_a_name_with_an_os_user(SharedNameLedgerFixture ledger) : IClassFixture<SharedNameLedgerFixture>
{
    [Fact]
    public async Task the_audit_shows_two_recorders_of_different_kinds()
    {
        var audit = await ledger.AuditAsync();

        audit.ShouldBe(new Dictionary<string, string> { [ThroughApi] = KeyHolder, [ThroughCli] = OsUser }, ignoreOrder: true);
    }

    [Fact]
    public async Task a_filter_by_key_holder_lists_what_the_key_holder_recorded_only()
    {
        (await ledger.AuditAsync($"?recordedBy={Uri.EscapeDataString(KeyHolder)}")).Keys.ShouldBe([ThroughApi]);
    }

    [Fact]
    public async Task a_filter_by_os_user_on_any_host_lists_what_the_os_user_recorded_only()
    {
        (await ledger.AuditAsync($"?recordedBy={Uri.EscapeDataString($"os:{Name}")}")).Keys.ShouldBe([ThroughCli]);
    }

    [Fact]
    public async Task a_filter_by_os_user_on_a_host_lists_what_the_os_user_recorded_there_only()
    {
        (await ledger.AuditAsync($"?recordedBy={Uri.EscapeDataString(OsUser)}")).Keys.ShouldBe([ThroughCli]);
        (await ledger.AuditAsync($"?recordedBy={Uri.EscapeDataString($"os:{Name}@elsewhere")}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_filter_by_the_bare_name_lists_both_each_with_its_kind()
    {
        var audit = await ledger.AuditAsync($"?recordedBy={Uri.EscapeDataString(Name)}");

        audit.ShouldBe(new Dictionary<string, string> { [ThroughApi] = KeyHolder, [ThroughCli] = OsUser }, ignoreOrder: true);
    }

    [Fact]
    public async Task a_filter_that_names_no_one_is_refused_naming_the_field()
    {
        var response = await ledger.Server.Client.GetAsync($"/api/negotiations/{Negotiation}/audit?recordedBy=key:");

        await response.ShouldBeAProblemNamingAsync("recordedBy");
    }

    [Theory]
    [InlineData("audit")]
    [InlineData("timeline")]
    public async Task the_cli_audit_and_timeline_name_each_recorder_by_kind(string command)
    {
        var output = await ledger.CliAsync(command, Negotiation);

        output.ExitCode.ShouldBe(0, output.ToString());
        var text = Joined(output.Out);
        text.ShouldContain($"by key holder \"{Name}\"");
        text.ShouldContain($"by OS user {Name} on host {Environment.MachineName}");
    }

    [Fact]
    public async Task the_cli_audit_as_csv_keeps_the_kind_in_recorded_by()
    {
        var audit = await ledger.CliAsync("audit", Negotiation, "--recorded-by", KeyHolder, "--format", "csv");

        audit.ExitCode.ShouldBe(0, audit.ToString());
        audit.Out.ShouldContain($",{KeyHolder},");
        audit.Out.ShouldNotContain(OsUser);
    }

    [Fact]
    public async Task the_history_names_each_recorder_by_kind()
    {
        var history = await ledger.CliAsync("history", Negotiation);

        history.ExitCode.ShouldBe(0, history.ToString());
        var by = Column(history.Out, 6);
        by[0].ShouldBe("By");
        by.Skip(1).Distinct().ShouldBe([$"key holder \"{Name}\"", $"OS user {Name} on host {Environment.MachineName}"], ignoreOrder: true);
    }

    [Fact]
    public async Task the_html_brief_names_each_recorder_by_kind()
    {
        var report = await ledger.CliAsync("report", Negotiation, "--format", "html");

        report.ExitCode.ShouldBe(0, report.ToString());
        report.Out.ShouldContain($"by key holder &quot;{Name}&quot;");
        report.Out.ShouldContain($"by OS user {Name} on host {Environment.MachineName}");
    }

    [Fact]
    public async Task the_chain_still_verifies()
    {
        var verified = await ledger.CliAsync("verify");

        verified.ExitCode.ShouldBe(0, verified.ToString());
    }
}

public sealed class when_a_key_holder_is_named_like_an_os_user(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("os:root@ledger-host")]
    [InlineData("key:root")]
    public async Task the_api_refuses_the_key_naming_the_field(string name)
    {
        var response = await server.Client.PostJsonAsync("/api/keys", new CreateKey(name, ApiRole.Reader));

        await response.ShouldBeAProblemNamingAsync("name");
        (await server.Client.GetStringAsync("/api/keys")).ShouldNotContain(name);
    }

    [Fact]
    public async Task the_cli_refuses_the_key_naming_the_option()
    {
        var created = await NegotiationProgram.RunAsync(["keys", "create", "--role", "reader", "--name", "os:root@ledger-host", "--db", server.ConnectionString]);

        created.ExitCode.ShouldBe(2, created.ToString());
        created.Error.ShouldContain("--name: name may not start with 'os:' or 'key:'");
        created.Out.ShouldBeEmpty();
    }
}
