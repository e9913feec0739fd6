namespace NegotiationTracker.Hosting.Postgres;

// The server programs must come from one folder: pg_ctl starts the postgres that sits next to it,
// so a PATH entry that is only a symlink is followed to the folder holding the real files.
public sealed class PostgresBinaries
{
    public const string DefaultInstallRoot = "/usr/lib/postgresql";

    private static readonly string[] RequiredPrograms = ["initdb", "pg_ctl", "postgres"];

    private PostgresBinaries(string folder)
    {
        Folder = folder;
    }

    public string Folder { get; }

    public string InitDb => Path.Combine(Folder, "initdb");

    public string PgCtl => Path.Combine(Folder, "pg_ctl");

    public string Postgres => Path.Combine(Folder, "postgres");

    public static PostgresBinaries Find() =>
        Find(Environment.GetEnvironmentVariable("PATH"), DefaultInstallRoot);

    // Takes the search path and install root as arguments so a missing installation can be tested.
    public static PostgresBinaries Find(string? searchPath, string installRoot)
    {
        var folder = FindOnSearchPath(searchPath) ?? FindHighestInstalledVersion(installRoot);
        return folder is null
            ? throw new PostgresUnavailableException(
                $"PostgreSQL server binaries ({string.Join(", ", RequiredPrograms)}) were not found on PATH or under {installRoot}/*/bin. "
                + "Install them with: sudo apt-get install -y postgresql   (or pass --db / set NEGOTIATION_TRACKER_DB to use an existing server)")
            : new PostgresBinaries(folder);
    }

    private static string? FindOnSearchPath(string? searchPath)
    {
        if (string.IsNullOrEmpty(searchPath))
        {
            return null;
        }

        foreach (var entry in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initDb = Path.Combine(entry, "initdb");
            if (!File.Exists(initDb))
            {
                continue;
            }

            var realFolder = Path.GetDirectoryName(RealPath(initDb));
            if (realFolder is not null && HoldsAllPrograms(realFolder))
            {
                return realFolder;
            }
        }

        return null;
    }

    private static string? FindHighestInstalledVersion(string installRoot)
    {
        if (!Directory.Exists(installRoot))
        {
            return null;
        }

        return Directory.EnumerateDirectories(installRoot)
            .Select(folder => (Folder: Path.Combine(folder, "bin"), Version: ParseVersion(Path.GetFileName(folder))))
            .Where(candidate => candidate.Version is not null)
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Folder)
            .FirstOrDefault(HoldsAllPrograms);
    }

    // Debian names the folders "15", "16" but older releases used "9.6"; Version needs a minor part.
    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var version) ? version : null;

    private static string RealPath(string path) =>
        File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);

    private static bool HoldsAllPrograms(string folder) =>
        RequiredPrograms.All(program => IsExecutable(Path.Combine(folder, program)));

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
