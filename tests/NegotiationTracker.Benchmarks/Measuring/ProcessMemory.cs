namespace NegotiationTracker.Benchmarks.Measuring;

/// <summary>The process's resident memory as the kernel counts it: what a container limit or an operator sees, GC heap and native alike.</summary>
public static class ProcessMemory
{
    /// <summary>Resident set size now (VmRSS), in bytes.</summary>
    public static long Resident() => Read("VmRSS:");

    /// <summary>The highest resident set size since the process started (VmHWM), in bytes.</summary>
    public static long Peak() => Read("VmHWM:");

    /// <summary>
    /// A full, compacting collection first, so a reading counts what is still referenced rather than when the GC last ran;
    /// both readings of a difference are taken the same way.
    /// </summary>
    public static long ResidentAfterCollecting()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return Resident();
    }

    private static long Read(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                // "VmRSS:	  123456 kB"
                var kilobytes = long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                return kilobytes * 1024;
            }
        }

        throw new PlatformNotSupportedException($"/proc/self/status has no {field} line: memory is measured on Linux only");
    }
}
