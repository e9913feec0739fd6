using System.Diagnostics;
using System.Text.Json;
using NegotiationTracker.Server.Tests.Fixtures;

namespace NegotiationTracker.Server.Tests.OpenApi;

/// <summary>
/// The served /openapi/v1.json passes Redocly's recommended rules and Spectral's <c>spectral:oas</c> with no error and no
/// warning. Both linters run as processes from the pinned install in tools/openapi-lint (<c>.ci/ensure-openapi-lint</c>),
/// with the configuration files kept there.
/// </summary>
public sealed class when_the_api_document_is_linted(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private static readonly string Tools = Path.Combine(Paths.RepositoryRoot, "tools", "openapi-lint");
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private readonly string folder = Directory.CreateTempSubdirectory("openapi-lint-").FullName;
    private bool keep;

    [Fact]
    public async Task redocly_finds_nothing_to_report()
    {
        var document = await ServedDocumentAsync();

        var run = await LintAsync("redocly", "lint", document, "--config", Path.Combine(Tools, "redocly.yaml"), "--format", "json");

        var problems = RedoclyProblems(run);
        Report(problems, "Redocly (recommended)", document);
    }

    [Fact]
    public async Task spectral_finds_nothing_to_report()
    {
        var document = await ServedDocumentAsync();

        var run = await LintAsync("spectral", "lint", document, "--ruleset", Path.Combine(Tools, ".spectral.yaml"), "--format", "json", "--quiet");

        var problems = SpectralProblems(run);
        Report(problems, "Spectral (spectral:oas)", document);
    }

    private async Task<string> ServedDocumentAsync()
    {
        var path = Path.Combine(folder, "openapi.json");
        await File.WriteAllTextAsync(path, await server.Anonymous().GetStringAsync("/openapi/v1.json"));
        return path;
    }

    /// <summary>Every error and warning (hints and information are not findings).</summary>
    private void Report(IReadOnlyList<string> problems, string linter, string document)
    {
        // The document stays behind when a linter objects, so its findings can be read against it.
        keep = problems.Count > 0;
        problems.ShouldBeEmpty($"{linter} finds {problems.Count} errors or warnings in {document}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    private static List<string> RedoclyProblems(CliOutput run)
    {
        using var json = Parse(run);
        return json.RootElement.GetProperty("problems").EnumerateArray()
            .Where(p => p.GetProperty("severity").GetString() is "error" or "warn")
            .Select(p =>
            {
                var where = p.GetProperty("location").EnumerateArray().Select(l => l.GetProperty("pointer").GetString()).FirstOrDefault();
                return $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()} at {where}: {p.GetProperty("message").GetString()}";
            })
            .ToList();
    }

    private static List<string> SpectralProblems(CliOutput run)
    {
        using var json = Parse(run);
        // Spectral's severities: 0 error, 1 warning, 2 information, 3 hint.
        return json.RootElement.EnumerateArray()
            .Where(p => p.GetProperty("severity").GetInt32() <= 1)
            .Select(p =>
            {
                var where = "#/" + string.Join('/', p.GetProperty("path").EnumerateArray().Select(s => s.ToString().Replace("~", "~0").Replace("/", "~1")));
                var severity = p.GetProperty("severity").GetInt32() == 0 ? "error" : "warn";
                return $"{severity} {p.GetProperty("code")} at {where}: {p.GetProperty("message").GetString()}";
            })
            .ToList();
    }

    private static JsonDocument Parse(CliOutput run)
    {
        try
        {
            return JsonDocument.Parse(run.Out);
        }
        catch (JsonException)
        {
            // Not a report at all: the linter itself failed (a bad configuration, a document it could not read).
            Assert.Fail($"the linter did not report in JSON: {run}");
            throw;
        }
    }

    private static async Task<CliOutput> LintAsync(string tool, params string[] args)
    {
        var program = Path.Combine(Tools, "node_modules", ".bin", tool);
        // A missing linter fails the test rather than skipping it: a skipped lint would read as a clean document.
        if (!File.Exists(program))
        {
            Assert.Fail($"{program} is missing: run .ci/ensure-openapi-lint (npm ci in tools/openapi-lint, the versions pinned there), then run the tests again.");
        }

        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Tools,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Nothing leaves the machine: no usage reports, no update checks.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            // The launcher is a node script: without node on PATH it cannot start.
            Assert.Fail($"{program} could not start ({e.Message}): it needs Node.js 20.19 or later on PATH; see .ci/ensure-openapi-lint.");
            throw;
        }

        using (process)
        {
            return await NegotiationProgram.RunToEndAsync(process, Timeout);
        }
    }

    public void Dispose()
    {
        if (!keep)
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
