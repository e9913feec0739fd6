using System.Runtime.Versioning;
using Npgsql;

namespace NegotiationTracker.Hosting.Tests.Postgres;

// Unix file modes are part of what is checked; the cluster only runs on Linux.
[UnsupportedOSPlatform("windows")]
public sealed class when_no_cluster_exists_in_the_data_folder : IAsyncLifetime
{
    private readonly ScratchClusters scratch = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => scratch.DisposeAsync().AsTask();

    [Fact]
    public async Task it_initialises_starts_and_accepts_connections()
    {
        var cluster = await scratch.StartAsync();
        await cluster.EnsureDatabaseAsync("negotiation_tracker");

        cluster.DataDirectory.ShouldBe(scratch.DataDirectory);
        File.Exists(Path.Combine(cluster.DataDirectory, "PG_VERSION")).ShouldBeTrue();
        cluster.Port.ShouldBeGreaterThan(0);
        (await ScratchClusters.ScalarAsync(cluster.ConnectionString(), "select 1")).ShouldBe(1);
    }

    [Fact]
    public async Task it_keeps_a_random_password_in_a_private_file_beside_the_data_folder()
    {
        var cluster = await scratch.StartAsync();

        var home = Path.GetDirectoryName(cluster.DataDirectory)!;
        var passwordFile = Path.Combine(home, "password");
        var password = await File.ReadAllTextAsync(passwordFile);
        password.ShouldMatch("^[0-9a-f]{32}$");
        File.GetUnixFileMode(passwordFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        new NpgsqlConnectionStringBuilder(cluster.ConnectionString()).Password.ShouldBe(password);
        Directory.GetFiles(home, ".initdb-password-*").ShouldBeEmpty();
    }

    [Fact]
    public async Task it_listens_on_loopback_only_and_keeps_fsync_on()
    {
        var cluster = await scratch.StartAsync();
        var connectionString = cluster.ConnectionString("postgres");

        (await ScratchClusters.ScalarAsync(connectionString, "show listen_addresses")).ShouldBe("127.0.0.1");
        (await ScratchClusters.ScalarAsync(connectionString, "show unix_socket_directories")).ShouldBe(cluster.DataDirectory);
        (await ScratchClusters.ScalarAsync(connectionString, "show fsync")).ShouldBe("on");
        (await ScratchClusters.ScalarAsync(connectionString, "show max_connections")).ShouldBe("200");
        (await ScratchClusters.ScalarAsync(connectionString, "show shared_buffers")).ShouldBe("128MB");
        (await ScratchClusters.ScalarAsync(connectionString, "show server_encoding")).ShouldBe("UTF8");
    }

    [Fact]
    public async Task the_connection_string_names_the_role_database_and_pool_size()
    {
        var cluster = await scratch.StartAsync();

        var builder = new NpgsqlConnectionStringBuilder(cluster.ConnectionString("ledger"));
        builder.Host.ShouldBe("127.0.0.1");
        builder.Port.ShouldBe(cluster.Port);
        builder.Username.ShouldBe("negotiation");
        builder.Database.ShouldBe("ledger");
        builder.MaxPoolSize.ShouldBe(50);
        new NpgsqlConnectionStringBuilder(cluster.ConnectionString()).Database.ShouldBe("negotiation_tracker");
    }
}

public sealed class when_a_database_is_ensured_twice : IAsyncLifetime
{
    private readonly ScratchClusters scratch = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => scratch.DisposeAsync().AsTask();

    [Fact]
    public async Task the_second_call_is_harmless_and_the_database_is_there()
    {
        var cluster = await scratch.StartAsync();

        await cluster.EnsureDatabaseAsync("ledger_two");
        await cluster.EnsureDatabaseAsync("ledger_two");

        (await ScratchClusters.ScalarAsync(cluster.ConnectionString("ledger_two"), "select current_database()")).ShouldBe("ledger_two");
    }
}

public sealed class when_the_cluster_is_already_running : IAsyncLifetime
{
    private readonly ScratchClusters scratch = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => scratch.DisposeAsync().AsTask();

    [Fact]
    public async Task starting_again_reuses_it_on_the_same_port()
    {
        var first = await scratch.StartAsync();
        var postmasterPid = await File.ReadAllTextAsync(Path.Combine(first.DataDirectory, "postmaster.pid"));

        var second = await scratch.StartAsync();

        second.Port.ShouldBe(first.Port);
        second.DataDirectory.ShouldBe(first.DataDirectory);
        (await File.ReadAllTextAsync(Path.Combine(first.DataDirectory, "postmaster.pid"))).ShouldBe(postmasterPid);
        (await ScratchClusters.ScalarAsync(second.ConnectionString("postgres"), "select 1")).ShouldBe(1);
    }
}

public sealed class when_two_callers_start_the_same_empty_data_folder_at_once : IAsyncLifetime
{
    private readonly ScratchClusters scratch = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => scratch.DisposeAsync().AsTask();

    [Fact]
    public async Task the_folder_lock_lets_one_initialise_and_both_share_the_cluster()
    {
        var both = await Task.WhenAll(scratch.StartAsync(), scratch.StartAsync());

        both[1].Port.ShouldBe(both[0].Port);
        await both[0].EnsureDatabaseAsync("negotiation_tracker");
        await both[1].EnsureDatabaseAsync("negotiation_tracker");
        (await ScratchClusters.ScalarAsync(both[1].ConnectionString(), "select 1")).ShouldBe(1);
    }
}

public sealed class when_the_cluster_was_stopped : IAsyncLifetime
{
    private readonly ScratchClusters scratch = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => scratch.DisposeAsync().AsTask();

    [Fact]
    public async Task starting_again_works_and_keeps_the_data()
    {
        var before = await scratch.StartAsync();
        await before.EnsureDatabaseAsync("negotiation_tracker");
        await ScratchClusters.ScalarAsync(
            before.ConnectionString(),
            "create table offers (id int primary key, amount numeric); insert into offers values (1, 250000)");

        await before.StopAsync();
        File.Exists(Path.Combine(before.DataDirectory, "postmaster.pid")).ShouldBeFalse();

        var after = await scratch.StartAsync();
        (await ScratchClusters.ScalarAsync(after.ConnectionString(), "select amount from offers where id = 1")).ShouldBe(250000m);
    }

    [Fact]
    public async Task stopping_an_already_stopped_cluster_is_harmless()
    {
        var cluster = await scratch.StartAsync();

        await cluster.StopAsync();
        await cluster.StopAsync();
    }
}

public sealed class when_a_database_name_is_not_a_plain_identifier : IAsyncLifetime
{
    private readonly ScratchClusters scratch = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => scratch.DisposeAsync().AsTask();

    [Fact]
    public async Task it_is_refused_before_reaching_the_server()
    {
        var cluster = await scratch.StartAsync();
        string[] badNames = ["", "Ledger", "1ledger", "led-ger", "led ger", "ledger\"; drop database postgres; --", "ledger\n", new string('a', 64)];

        foreach (var name in badNames)
        {
            var refusal = await Should.ThrowAsync<ArgumentException>(() => cluster.EnsureDatabaseAsync(name));
            refusal.ParamName.ShouldBe("database");
        }

        (await ScratchClusters.ScalarAsync(cluster.ConnectionString("postgres"), "select count(*) from pg_database where datname like 'led%'"))
            .ShouldBe(0L);
        await cluster.EnsureDatabaseAsync(new string('a', 63));
    }
}

// Unix file modes are part of what is checked; the cluster only runs on Linux.
[UnsupportedOSPlatform("windows")]
public sealed class when_root_cannot_let_postgres_reach_the_data_folder : IAsyncLifetime
{
    private readonly ScratchClusters scratch = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => scratch.DisposeAsync().AsTask();

    [Fact]
    public async Task it_falls_back_to_var_tmp_and_says_so_once()
    {
        // Only root hands the cluster to the postgres user; any other user runs it as themselves.
        if (!ScratchClusters.RunningAsRoot)
        {
            return;
        }

        var privateFolder = Path.Combine(scratch.Folder, "root-only");
        Directory.CreateDirectory(privateFolder);
        File.SetUnixFileMode(privateFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var requested = Path.Combine(privateFolder, "clone", ".negotiation-tracker", "pg");
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(requested)))[..12];
        var expectedHome = $"/var/tmp/negotiation-tracker-{hash}";
        scratch.RemoveAfterwards(expectedHome);
        var notes = new List<string>();

        var cluster = await scratch.StartAsync(requested, notes.Add);

        cluster.DataDirectory.ShouldBe(Path.Combine(expectedHome, "pg"));
        notes.ShouldHaveSingleItem().ShouldContain(expectedHome);
        (await ScratchClusters.ScalarAsync(cluster.ConnectionString("postgres"), "select 1")).ShouldBe(1);
        File.GetUnixFileMode(privateFolder).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
