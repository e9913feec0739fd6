using System.Diagnostics;

namespace NegotiationTracker.IntegrationTests.Reports;

/// <summary>Debian's Chromium, headless, with a fresh profile for every run and nothing that phones home.</summary>
public static class Chromium
{
    public const string Program = "/usr/bin/chromium";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<CliOutput> RunAsync(params string[] args)
    {
        if (!File.Exists(Program))
        {
            Assert.Fail($"{Program} is missing: run .ci/ensure-chromium (it installs Debian's chromium package), then run the tests again.");
        }

        var profile = Directory.CreateTempSubdirectory("report-chromium-");
        try
        {
            var start = new ProcessStartInfo(Program);
            string[] quiet =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", $"--user-data-dir={profile.FullName}",
            ];
            foreach (var arg in quiet.Concat(args))
            {
                start.ArgumentList.Add(arg);
            }

            try
            {
                return await ChildProcess.RunAsync(start, Timeout);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"{Program} did not finish within {Timeout.TotalSeconds:0} s: {string.Join(' ', args)}");
                throw;
            }
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A helper process may still be closing its files; the temp folder is cleaned up by the system.
            }
        }
    }
}
