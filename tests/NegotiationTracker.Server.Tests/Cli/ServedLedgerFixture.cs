using NegotiationTracker.Hosting.Access;
using NegotiationTracker.Server.Tests.Fixtures;

namespace NegotiationTracker.Server.Tests.Cli;

/// <summary>
/// A server whose ledger the CLI filled through <c>--server</c> with a recorder key: the U.S.–Iraq seed, a file of
/// corrections to it (<see cref="Seeds.Corrections"/>), and the Iran (JCPOA) seed; the async views caught up. One per
/// test class. The CLI then reads it both ways: through the server with a reader key, and from the same database with
/// <c>--db</c>.
/// </summary>
public sealed class ServedLedgerFixture : IAsyncLifetime
{
    public const string Iraq = Seeds.Iraq;
    public const string Iran = Seeds.Iran;
    public const string Recorder = "Analyst A";

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"negotiation-cli-{Guid.NewGuid():N}");

    public ServerFixture Server { get; } = new();

    public string RecorderKey { get; private set; } = "";

    public string ReaderKey { get; private set; } = "";

    /// <summary>What `import` printed for the U.S.–Iraq seed, through the server.</summary>
    public CliOutput IraqImport { get; private set; } = null!;

    public DateTimeOffset BeforeCorrections { get; private set; }

    public DateTimeOffset AfterCorrections { get; private set; }

    /// <summary>A folder of this fixture's own, removed with it.</summary>
    public string Folder => folder;

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        Directory.CreateDirectory(folder);
        RecorderKey = await Server.CreateKeyAsync(Recorder, ApiRole.Recorder);
        ReaderKey = await Server.CreateKeyAsync("Reader R", ApiRole.Reader);

        IraqImport = await ImportAsync(Paths.Seed("us-iraq-withdrawal.yaml"));
        BeforeCorrections = DateTimeOffset.UtcNow;
        var corrections = Path.Combine(folder, "corrections.yaml");
        await File.WriteAllTextAsync(corrections, Seeds.Corrections);
        await ImportAsync(corrections);
        AfterCorrections = DateTimeOffset.UtcNow;
        await ImportAsync(Paths.Seed("iran-nuclear-jcpoa.yaml"));

        await Server.ViewsCaughtUpAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The command through the server, with the reader key.</summary>
    public Task<CliOutput> ThroughServerAsync(params string[] args) =>
        NegotiationProgram.RunAsync([.. args, "--server", Server.Address, "--api-key", ReaderKey]);

    /// <summary>The command on the server's database itself: reads only, since a CLI writing there would be a second writer.</summary>
    public Task<CliOutput> FromDatabaseAsync(params string[] args) =>
        NegotiationProgram.RunAsync([.. args, "--db", Server.ConnectionString]);

    /// <summary>Both at once: the server's answer and the database's.</summary>
    public async Task<(CliOutput Served, CliOutput Read)> BothAsync(params string[] args)
    {
        var served = ThroughServerAsync(args);
        var read = FromDatabaseAsync(args);
        return (await served, await read);
    }

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ");

    private async Task<CliOutput> ImportAsync(string path)
    {
        var output = await NegotiationProgram.RunAsync(["import", path, "--server", Server.Address, "--api-key", RecorderKey]);
        output.ExitCode.ShouldBe(0, output.ToString());
        return output;
    }
}
