using System.Runtime.Versioning;
using NegotiationTracker.Hosting.Postgres;

namespace NegotiationTracker.Hosting.Tests.Postgres;

public sealed class when_the_server_binaries_are_missing
{
    [Fact]
    public void it_explains_in_one_line_how_to_install_them()
    {
        var missing = Should.Throw<PostgresUnavailableException>(
            () => PostgresBinaries.Find("/nonexistent/bin", "/nonexistent/postgresql"));

        missing.Message.ShouldNotContain('\n');
        missing.Message.ShouldContain("initdb");
        missing.Message.ShouldContain("sudo apt-get install -y postgresql");
        missing.Message.ShouldContain("NEGOTIATION_TRACKER_DB");
    }
}

public sealed class when_the_path_holds_symlinks_to_the_server_binaries : IDisposable
{
    private readonly string linkFolder = Path.Combine("/tmp", $"negotiation-tracker-test-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(linkFolder, recursive: true);

    [Fact]
    public void it_uses_the_folder_holding_the_real_files()
    {
        var installed = PostgresBinaries.Find();
        Directory.CreateDirectory(linkFolder);
        foreach (var program in new[] { "initdb", "pg_ctl", "postgres" })
        {
            File.CreateSymbolicLink(Path.Combine(linkFolder, program), Path.Combine(installed.Folder, program));
        }

        var found = PostgresBinaries.Find($"/nonexistent/bin:{linkFolder}", "/nonexistent/postgresql");

        found.Folder.ShouldBe(installed.Folder);
        found.PgCtl.ShouldBe(Path.Combine(installed.Folder, "pg_ctl"));
    }
}

// Unix file modes are part of what is checked; the cluster only runs on Linux.
[UnsupportedOSPlatform("windows")]
public sealed class when_several_versions_are_installed : IDisposable
{
    private readonly string installRoot = Path.Combine("/tmp", $"negotiation-tracker-test-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(installRoot, recursive: true);

    [Fact]
    public void it_takes_the_highest_version_that_has_all_three_programs()
    {
        Install("9.6", "initdb", "pg_ctl", "postgres");
        Install("15", "initdb", "pg_ctl", "postgres");
        Install("16", "initdb", "pg_ctl");

        var found = PostgresBinaries.Find(searchPath: null, installRoot);

        found.Folder.ShouldBe(Path.Combine(installRoot, "15", "bin"));
    }

    private void Install(string version, params string[] programs)
    {
        var bin = Directory.CreateDirectory(Path.Combine(installRoot, version, "bin")).FullName;
        foreach (var program in programs)
        {
            var path = Path.Combine(bin, program);
            File.WriteAllText(path, string.Empty);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
