using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace NegotiationTracker.Hosting.Postgres;

// A private PostgreSQL cluster kept in a folder of our own, so the program works without a configured server.
// The cluster is left running between CLI invocations because starting it is the slow part of a command.
public sealed partial class EmbeddedPostgres
{
    private const string RoleName = "negotiation";
    private const string ServiceUser = "postgres";
    private const string PasswordFileName = "password";
    private const string LogFileName = "postgres.log";
    private const string LockFileName = ".lock";

    // sun_path holds 108 bytes including the terminating NUL; postgres refuses longer socket paths.
    private const int MaxSocketPathBytes = 107;

    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan LockRetryInterval = TimeSpan.FromMilliseconds(100);

    private readonly PostgresBinaries binaries;
    private readonly bool runAsServiceUser;
    private readonly string password;

    // Remembered so StopAsync can drop pooled connections that would otherwise point at a dead server.
    private readonly ConcurrentDictionary<string, byte> issuedConnectionStrings = new(StringComparer.Ordinal);

    private EmbeddedPostgres(PostgresBinaries binaries, bool runAsServiceUser, string dataDirectory, int port, string password)
    {
        this.binaries = binaries;
        this.runAsServiceUser = runAsServiceUser;
        DataDirectory = dataDirectory;
        Port = port;
        this.password = password;
    }

    public int Port { get; }

    public string DataDirectory { get; }

    private string Home => HomeOf(DataDirectory);

    public static async Task<EmbeddedPostgres> StartAsync(string dataDirectory, Action<string>? note = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);

        var binaries = PostgresBinaries.Find();
        // initdb, pg_ctl and postgres refuse to run as root, so root hands the cluster to the postgres user.
        var runAsServiceUser = Environment.IsPrivilegedProcess || Environment.UserName == "root";
        var requested = Path.GetFullPath(dataDirectory);
        var dataFolder = runAsServiceUser
            ? await ChooseFolderTheServiceUserCanReachAsync(requested, note, ct).ConfigureAwait(false)
            : requested;
        var home = HomeOf(dataFolder);
        Directory.CreateDirectory(home);

        // Two commands started together must not both run initdb or start the server on one folder.
        var folderLock = await LockAsync(home, ct).ConfigureAwait(false);
        await using (folderLock.ConfigureAwait(false))
        {
            var initialised = File.Exists(Path.Combine(dataFolder, "PG_VERSION"));
            if (initialised && await IsRunningAsync(binaries, runAsServiceUser, dataFolder, ct).ConfigureAwait(false))
            {
                return new EmbeddedPostgres(binaries, runAsServiceUser, dataFolder, ReadRunningPort(dataFolder), ReadPassword(home));
            }

            if (!initialised)
            {
                await InitialiseAsync(binaries, runAsServiceUser, dataFolder, note, ct).ConfigureAwait(false);
            }

            var password = ReadPassword(home);
            var port = await StartServerAsync(binaries, runAsServiceUser, dataFolder, ct).ConfigureAwait(false);
            return new EmbeddedPostgres(binaries, runAsServiceUser, dataFolder, port, password);
        }
    }

    public string ConnectionString(string database = "negotiation_tracker")
    {
        var connectionString = Builder(database).ConnectionString;
        issuedConnectionStrings.TryAdd(connectionString, 0);
        return connectionString;
    }

    public async Task EnsureDatabaseAsync(string database, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!DatabaseName().IsMatch(database))
        {
            throw new ArgumentException(
                $"Database name '{database}' is not allowed: use 1-63 characters of a-z, 0-9 and _, not starting with a digit.",
                nameof(database));
        }

        // An unpooled connection: this runs once per command and must not leave idle sessions on "postgres".
        var admin = Builder("postgres");
        admin.Pooling = false;
        var connection = new NpgsqlConnection(admin.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);

            var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection)
            {
                Parameters = { new NpgsqlParameter { Value = database } },
            };
            await using (exists.ConfigureAwait(false))
            {
                if (await exists.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null)
                {
                    return;
                }
            }

            // The name was validated above; CREATE DATABASE takes no parameters.
            var create = new NpgsqlCommand($"create database \"{database}\"", connection);
            await using (create.ConfigureAwait(false))
            {
                try
                {
                    await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
                {
                    // Another process created it between our check and our create; that is the outcome we wanted.
                }
            }
        }
    }

    public async Task StopAsync()
    {
        foreach (var connectionString in issuedConnectionStrings.Keys)
        {
            using var pooled = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(pooled);
        }

        var folderLock = await LockAsync(Home, CancellationToken.None).ConfigureAwait(false);
        await using (folderLock.ConfigureAwait(false))
        {
            var stop = await RunServerProgramAsync(
                runAsServiceUser, binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w"], CancellationToken.None).ConfigureAwait(false);
            if (stop.ExitCode != 0 && await IsRunningAsync(binaries, runAsServiceUser, DataDirectory, CancellationToken.None).ConfigureAwait(false))
            {
                throw new PostgresUnavailableException(
                    $"PostgreSQL in {DataDirectory} did not stop (pg_ctl exit {stop.ExitCode}): {OneLine(stop.Output)}");
            }
        }
    }

    /// <summary>
    /// Stops the server as a crash would (<c>pg_ctl stop -m immediate</c>: no shutdown checkpoint, sessions cut off), for
    /// fault tests; <see cref="StartAgainAsync"/> brings it back on the same port, so connection strings stay valid.
    /// </summary>
    public async Task StopImmediatelyAsync()
    {
        var folderLock = await LockAsync(Home, CancellationToken.None).ConfigureAwait(false);
        await using (folderLock.ConfigureAwait(false))
        {
            var stop = await RunServerProgramAsync(
                runAsServiceUser, binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "immediate", "-w"], CancellationToken.None).ConfigureAwait(false);
            if (stop.ExitCode != 0)
            {
                throw new PostgresUnavailableException(
                    $"PostgreSQL in {DataDirectory} did not stop (pg_ctl exit {stop.ExitCode}): {OneLine(stop.Output)}");
            }
        }
    }

    /// <summary>Starts a stopped cluster again on the port it had (crash recovery runs first after an immediate stop).</summary>
    public async Task StartAgainAsync(CancellationToken ct = default)
    {
        var folderLock = await LockAsync(Home, ct).ConfigureAwait(false);
        await using (folderLock.ConfigureAwait(false))
        {
            await StartServerAsync(binaries, runAsServiceUser, DataDirectory, ct, Port).ConfigureAwait(false);
        }
    }

    private NpgsqlConnectionStringBuilder Builder(string database) => new()
    {
        Host = IPAddress.Loopback.ToString(),
        Port = Port,
        Username = RoleName,
        Password = password,
        Database = database,
        MaxPoolSize = 50,
        // Fail fast when the server is not there (Npgsql waits 15 s by default): on loopback a healthy server answers in
        // milliseconds, so 5 s only ever runs out when it is stopped, starting or swamped.
        Timeout = 5,
    };

    [GeneratedRegex(@"^[a-z_][a-z0-9_]{0,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex DatabaseName();

    // The password file and log sit beside the data folder, not in it, so initdb sees an empty folder.
    private static string HomeOf(string dataFolder) =>
        Path.GetDirectoryName(dataFolder) ?? throw new ArgumentException($"{dataFolder} has no parent folder.", nameof(dataFolder));

    // Root runs the server as the postgres user, which needs to traverse every parent of the data folder.
    // A clone under /root (mode 700) fails that, and chmod-ing someone's home folder is not ours to do.
    private static async Task<string> ChooseFolderTheServiceUserCanReachAsync(string requested, Action<string>? note, CancellationToken ct)
    {
        var home = HomeOf(requested);
        Directory.CreateDirectory(home);

        // test -x on the folder fails when any parent denies search permission, so one probe covers the chain.
        var probe = await RunAsync("runuser", ["-u", ServiceUser, "--", "test", "-x", home], ct).ConfigureAwait(false);
        if (probe.ExitCode == 0)
        {
            return requested;
        }

        var canSwitch = await RunAsync("runuser", ["-u", ServiceUser, "--", "true"], ct).ConfigureAwait(false);
        if (canSwitch.ExitCode != 0)
        {
            throw new PostgresUnavailableException(
                $"Running as root, PostgreSQL must run as the '{ServiceUser}' user, but 'runuser -u {ServiceUser}' failed: {OneLine(canSwitch.Output)}. "
                + "Create the user with: sudo apt-get install -y postgresql   (or run as a non-root user, or pass --db / set NEGOTIATION_TRACKER_DB)");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(requested)))[..12];
        var fallbackHome = Path.Combine("/var/tmp", $"negotiation-tracker-{hash}");
        Directory.CreateDirectory(fallbackHome);

        // /var/tmp is writable by everyone, so refuse a folder someone else planted under our predictable name.
        var ownedByUs = await RunAsync("test", ["-O", fallbackHome], ct).ConfigureAwait(false);
        if (new DirectoryInfo(fallbackHome).LinkTarget is not null || ownedByUs.ExitCode != 0)
        {
            throw new PostgresUnavailableException(
                $"{fallbackHome} exists but is a symlink or not owned by {Environment.UserName}; remove it, or keep the data folder somewhere the postgres user can reach.");
        }

        if (!OperatingSystem.IsWindows())
        {
            // Our own folder: the postgres user must be able to enter it regardless of the umask.
            File.SetUnixFileMode(
                fallbackHome,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        var fallback = Path.Combine(fallbackHome, Path.GetFileName(requested));
        note?.Invoke(
            $"The postgres user cannot reach {home} (a parent folder is not traversable), so the embedded PostgreSQL cluster is kept in {fallback} instead.");
        return fallback;
    }

    private static async Task<FileStream> LockAsync(string home, CancellationToken ct)
    {
        var path = Path.Combine(home, LockFileName);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive flock on Unix, which other processes honour too.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < LockTimeout)
            {
                await Task.Delay(LockRetryInterval, ct).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new PostgresUnavailableException(
                    $"Another process has held {path} for {LockTimeout.TotalSeconds:0} s while starting PostgreSQL; wait for it to finish, or delete the lock file if no such process exists.",
                    e);
            }
        }
    }

    private static async Task InitialiseAsync(
        PostgresBinaries binaries, bool asServiceUser, string dataFolder, Action<string>? note, CancellationToken ct)
    {
        var home = HomeOf(dataFolder);
        Directory.CreateDirectory(dataFolder);

        var password = RandomNumberGenerator.GetHexString(32, lowercase: true);
        WritePrivateFile(Path.Combine(home, PasswordFileName), password);

        // initdb reads the superuser password from a file so it never appears in a process listing.
        var passwordForInitDb = Path.Combine(home, $".initdb-password-{RandomNumberGenerator.GetHexString(8, lowercase: true)}");
        try
        {
            WritePrivateFile(passwordForInitDb, password);
            if (asServiceUser)
            {
                await HandToServiceUserAsync(dataFolder, ct).ConfigureAwait(false);
                await HandToServiceUserAsync(passwordForInitDb, ct).ConfigureAwait(false);
            }

            var initDb = await InitDbAsync(binaries, asServiceUser, dataFolder, "C.UTF-8", passwordForInitDb, ct).ConfigureAwait(false);
            if (initDb.ExitCode != 0 && initDb.Output.Contains("locale", StringComparison.OrdinalIgnoreCase))
            {
                note?.Invoke($"The C.UTF-8 locale is not available ({OneLine(initDb.Output)}); initialising the cluster with locale C instead.");
                initDb = await InitDbAsync(binaries, asServiceUser, dataFolder, "C", passwordForInitDb, ct).ConfigureAwait(false);
            }

            if (initDb.ExitCode != 0)
            {
                throw new PostgresUnavailableException(
                    $"initdb could not create a PostgreSQL cluster in {dataFolder} (exit {initDb.ExitCode}): {OneLine(initDb.Output)}");
            }
        }
        finally
        {
            File.Delete(passwordForInitDb);
        }

        File.AppendAllText(Path.Combine(dataFolder, "postgresql.conf"), Settings(dataFolder, note));
    }

    private static string Settings(string dataFolder, Action<string>? note)
    {
        // The socket lives in the data folder so no write access to /var/run/postgresql is needed.
        // PostgreSQL 15's pg_ctl -w watches postmaster.pid rather than connecting, so TCP alone also works
        // when the path is too long for a socket.
        var socketFolder = dataFolder;
        if (Encoding.UTF8.GetByteCount(Path.Combine(dataFolder, ".s.PGSQL.65535")) > MaxSocketPathBytes)
        {
            socketFolder = string.Empty;
            note?.Invoke($"{dataFolder} is too long for a Unix socket path; the embedded PostgreSQL listens on TCP 127.0.0.1 only.");
        }

        return $"""

            # Added by NegotiationTracker for its private cluster.
            # Loopback only: the cluster serves this program, never the network.
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{socketFolder.Replace("'", "''", StringComparison.Ordinal)}'
            max_connections = 200
            shared_buffers = 128MB
            # The negotiation ledger is an audit trail; a crash must not lose committed events.
            fsync = on

            """;
    }

    /// <param name="fixedPort">The port to start on (a restart keeps its port); null picks a free one.</param>
    private static async Task<int> StartServerAsync(PostgresBinaries binaries, bool asServiceUser, string dataFolder, CancellationToken ct, int? fixedPort = null)
    {
        var logFile = Path.Combine(HomeOf(dataFolder), LogFileName);
        if (!File.Exists(logFile))
        {
            await File.WriteAllTextAsync(logFile, string.Empty, ct).ConfigureAwait(false);
        }

        if (asServiceUser)
        {
            // pg_ctl appends to the log as the postgres user, and postgres insists on owning its data folder.
            await HandToServiceUserAsync(dataFolder, ct).ConfigureAwait(false);
            await HandToServiceUserAsync(logFile, ct).ConfigureAwait(false);
        }

        // A free port can be taken by someone else before postgres binds it, so a lost race is retried.
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var port = fixedPort ?? LoopbackPorts.Free();
            var logLengthBefore = new FileInfo(logFile).Length;
            var start = await RunServerProgramAsync(
                asServiceUser,
                binaries.PgCtl,
                ["start", "-D", dataFolder, "-w", "-t", "60", "-l", logFile, "-o", $"-p {port}"],
                ct).ConfigureAwait(false);
            if (start.ExitCode == 0)
            {
                return port;
            }

            var logTail = NewLogLines(logFile, logLengthBefore);
            if (fixedPort is null && attempt < attempts && logTail.Contains("Address already in use", StringComparison.Ordinal))
            {
                continue;
            }

            throw new PostgresUnavailableException(
                $"PostgreSQL in {dataFolder} did not start (pg_ctl exit {start.ExitCode}): {OneLine(start.Output)} | log {logFile}: {OneLine(logTail)}");
        }
    }

    // Line 4 of postmaster.pid is the port the running server listens on.
    private static int ReadRunningPort(string dataFolder)
    {
        var pidFile = Path.Combine(dataFolder, "postmaster.pid");
        var portLine = File.ReadLines(pidFile).Skip(3).FirstOrDefault();
        return int.TryParse(portLine, out var port)
            ? port
            : throw new PostgresUnavailableException($"PostgreSQL in {dataFolder} is running but {pidFile} shows no port on line 4; stop it with pg_ctl stop -D {dataFolder}.");
    }

    private static string ReadPassword(string home)
    {
        var path = Path.Combine(home, PasswordFileName);
        return File.Exists(path)
            ? File.ReadAllText(path).Trim()
            : throw new PostgresUnavailableException(
                $"The embedded PostgreSQL cluster in {home} has no password file {path}; restore it, or delete {home} to start with an empty cluster.");
    }

    private static void WritePrivateFile(string path, string contents)
    {
        // Recreated rather than overwritten so the 600 mode applies from the first byte written.
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, Encoding.ASCII, options);
        writer.Write(contents);
    }

    private static string NewLogLines(string logFile, long from)
    {
        using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(Math.Min(from, stream.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join('\n', lines.TakeLast(5));
    }

    // Messages are shown on one line, so multi-line tool output is joined.
    private static string OneLine(string text) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static async Task HandToServiceUserAsync(string path, CancellationToken ct)
    {
        var chown = await RunAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", path], ct).ConfigureAwait(false);
        if (chown.ExitCode != 0)
        {
            throw new PostgresUnavailableException($"Could not give {path} to the {ServiceUser} user: {OneLine(chown.Output)}");
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        // "/" as working folder: the postgres user may not be allowed into ours, and initdb fails if it cannot getcwd.
        var startInfo = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new PostgresUnavailableException($"Could not start {program}.");
        }
        catch (Win32Exception e)
        {
            throw new PostgresUnavailableException($"Could not run {program}: {e.Message}", e);
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var errors = process.StandardError.ReadToEndAsync(ct);
            try
            {
                await process.WaitForExitAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var text = (await output.ConfigureAwait(false)) + (await errors.ConfigureAwait(false));
            return (process.ExitCode, text.Trim());
        }
    }

    private static Task<(int ExitCode, string Output)> InitDbAsync(
        PostgresBinaries binaries, bool asServiceUser, string dataFolder, string locale, string passwordFile, CancellationToken ct) =>
        RunServerProgramAsync(
            asServiceUser,
            binaries.InitDb,
            [
                "-D", dataFolder,
                "-U", RoleName,
                "--auth-host=scram-sha-256",
                "--auth-local=trust",
                "--encoding=UTF8",
                $"--locale={locale}",
                $"--pwfile={passwordFile}",
            ],
            ct);

    // pg_ctl status exits 0 only when a live postmaster owns the folder; a stale postmaster.pid gives 3.
    private static async Task<bool> IsRunningAsync(PostgresBinaries binaries, bool asServiceUser, string dataFolder, CancellationToken ct) =>
        (await RunServerProgramAsync(asServiceUser, binaries.PgCtl, ["status", "-D", dataFolder], ct).ConfigureAwait(false)).ExitCode == 0;

    private static Task<(int ExitCode, string Output)> RunServerProgramAsync(
        bool asServiceUser, string program, IReadOnlyList<string> arguments, CancellationToken ct) =>
        asServiceUser
            ? RunAsync("runuser", ["-u", ServiceUser, "--", program, .. arguments], ct)
            : RunAsync(program, arguments, ct);
}
