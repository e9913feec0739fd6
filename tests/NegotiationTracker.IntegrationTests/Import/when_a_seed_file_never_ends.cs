using System.Diagnostics;

namespace NegotiationTracker.IntegrationTests.Import;

/// <summary>
/// `import` given something that is not a regular file: a device that never ends, a FIFO that sends more than the limit,
/// a FIFO nobody writes to. The database named cannot be reached, so any attempt to append would exit 4: an exit 2 says the
/// input was refused before anything was appended.
/// </summary>
public sealed class when_a_seed_file_never_ends : IDisposable
{
    private const string Unreachable = "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("endless-seed-");

    [Fact]
    public async Task dev_zero_is_refused_at_the_limit()
    {
        // A 256 MiB heap (the value is hex): reading /dev/zero without a bound would fail here with OutOfMemoryException.
        var import = await NegotiationProgram.RunAsync(["import", "/dev/zero", "--db", Unreachable],
            new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "10000000" });

        import.ExitCode.ShouldBe(2, import.ToString());
        import.Error.ShouldContain("/dev/zero:0: the file is larger than the limit of 10 MiB", Case.Sensitive, import.ToString());
    }

    [Fact]
    public async Task a_fifo_fed_twenty_megabytes_is_refused_at_the_limit()
    {
        var fifo = await FifoAsync();
        var writing = Task.Run(() => Feed(fifo, 20 * 1024 * 1024));

        var import = await NegotiationProgram.RunAsync(["import", fifo, "--db", Unreachable]);
        // A guard, not a timing: a program that never opened the FIFO would leave the writer waiting for ever.
        await writing.WaitAsync(TimeSpan.FromMinutes(1));

        import.ExitCode.ShouldBe(2, import.ToString());
        import.Error.ShouldContain($"{fifo}:0: the file is larger than the limit of 10 MiB", Case.Sensitive, import.ToString());
    }

    [Fact]
    public async Task a_fifo_nobody_writes_to_is_refused_after_the_wait()
    {
        var fifo = await FifoAsync();

        var import = await NegotiationProgram.RunAsync(["import", fifo, "--db", Unreachable],
            new Dictionary<string, string> { ["NEGOTIATION_TRACKER_INPUT_WAIT_SECONDS"] = "1" });

        import.ExitCode.ShouldBe(2, import.ToString());
        import.Error.ShouldContain($"{fifo}:0: no data arrived for 1 seconds", Case.Sensitive, import.ToString());
    }

    private async Task<string> FifoAsync()
    {
        var path = Path.Combine(folder.FullName, "seed.yaml");
        using var mkfifo = Process.Start("mkfifo", [path]);
        await mkfifo.WaitForExitAsync();
        mkfifo.ExitCode.ShouldBe(0);
        return path;
    }

    /// <summary>Writes <paramref name="count"/> bytes of YAML comment into the FIFO; the reader closing it early ends the writing.</summary>
    private static void Feed(string fifo, int count)
    {
        var chunk = Enumerable.Repeat("# filler\n"u8.ToArray(), 8192).SelectMany(b => b).ToArray();
        try
        {
            using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            for (var written = 0; written < count; written += chunk.Length)
            {
                stream.Write(chunk);
            }
        }
        catch (IOException)
        {
            // EPIPE: the program stopped reading at the limit and closed its end, as it should.
        }
    }

    public void Dispose() => folder.Delete(recursive: true);
}
