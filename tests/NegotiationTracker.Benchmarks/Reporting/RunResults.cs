using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using NegotiationTracker.Benchmarks.Measuring;

namespace NegotiationTracker.Benchmarks.Reporting;

/// <summary>Everything a run measured, as written to --out: the same figures as the tables, each repetition's value kept.</summary>
public sealed record RunResults(
    IReadOnlyList<string> Arguments,
    string? Commit,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    Machine Machine,
    string Database,
    IReadOnlyDictionary<string, string> DatabaseSettings,
    double Scale,
    int Repeat,
    IReadOnlyList<CaseReport> Cases,
    IReadOnlyList<TargetCheck> Targets,
    IReadOnlyList<CaseFailure> Failures)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // A figure with no runs (a case cut short) has a NaN median; written as "NaN" rather than failing the whole file.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async Task WriteAsync(string path)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, Json);
    }
}

/// <summary>The machine a run was taken on: figures from a shared two-core box are not a dedicated server's.</summary>
public sealed record Machine(int ProcessorCount, string Os, string Runtime, long MemoryBytes, bool ServerGc)
{
    public static Machine This() => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        System.Runtime.GCSettings.IsServerGC);
}

/// <summary>A case that could not finish: reported with what went wrong, and the run goes on with the next case.</summary>
public sealed record CaseFailure(int Case, string Error);
