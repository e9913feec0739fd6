using System.Globalization;

namespace NegotiationTracker.SeedFiles;

/// <summary>
/// A seed file's bytes from whatever the path names: a regular file, a FIFO (a shell's <c>&lt;(...)</c>), a character
/// device or /dev/stdin. At most the limit and one byte more are read, so /dev/zero or an endless pipe is refused at the
/// limit instead of read until memory runs out; the size a file reports is not trusted, as a FIFO or a device reports 0.
/// Opening a FIFO waits for a writer and reading one waits for data, so the reader gives up when nothing arrives for
/// <see cref="Patience"/>.
/// </summary>
internal static class SeedFileBytes
{
    /// <summary>How long to wait for a writer or for more bytes before giving up: long enough for a slow generator behind a pipe.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Seconds to wait instead of <see cref="Patience"/>, so a test of a FIFO nobody writes to finishes quickly.</summary>
    public const string PatienceVariable = "NEGOTIATION_TRACKER_INPUT_WAIT_SECONDS";

    public static byte[] Read(string path, int limit)
    {
        var patience = PatienceFromEnvironment() ?? Patience;
        var progress = new SemaphoreSlim(0);

        // On a thread of its own: open(2) on a FIFO without a writer and read(2) on an idle pipe block and cannot be
        // cancelled. When we give up, the thread is left blocked; it is a background thread, so the process still exits.
        var reading = Task.Factory.StartNew(() => ReadUpTo(path, limit + 1, progress), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        while (!reading.IsCompleted)
        {
            if (!progress.Wait(patience) && !reading.IsCompleted)
            {
                throw Rejected(path, $"no data arrived for {patience.TotalSeconds:0.#} seconds (is anything writing to it?); nothing was imported");
            }
        }

        byte[] bytes;
        try
        {
            bytes = reading.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Rejected(path, "file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Rejected(path, $"cannot be read: {e.Message}");
        }

        if (bytes.Length > limit)
        {
            throw Rejected(path, $"the file is larger than the limit of {Limit(limit)}; reading stopped there and nothing was imported");
        }

        return bytes;
    }

    public static string Limit(int limit) => $"{limit / (1024 * 1024)} MiB ({limit:N0} bytes)";

    private static byte[] ReadUpTo(string path, int count, SemaphoreSlim progress)
    {
        try
        {
            // FileShare.ReadWrite: a device or a FIFO may be open elsewhere; FileOptions.None keeps reads synchronous on this thread.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            progress.Release();
            var buffer = new byte[count];
            var total = 0;
            int read;
            while (total < count && (read = stream.Read(buffer, total, Math.Min(81920, count - total))) > 0)
            {
                total += read;
                progress.Release();
            }

            return total == count ? buffer : buffer[..total];
        }
        finally
        {
            progress.Release();
        }
    }

    private static SeedFileRejected Rejected(string path, string message) => new([new SeedError(path, 0, message)]);

    private static TimeSpan? PatienceFromEnvironment() =>
        double.TryParse(Environment.GetEnvironmentVariable(PatienceVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
