namespace NegotiationTracker.Hosting;

public static class LocalSilo
{
    /// <summary>
    /// A silo of its own on this machine, on free loopback ports, so two CLI processes (or a CLI beside a server) can run at
    /// once.
    /// </summary>
    public static ISiloBuilder UseLocalSilo(this ISiloBuilder silo) =>
        silo.UseLocalhostClustering(siloPort: LoopbackPorts.Free(), gatewayPort: LoopbackPorts.Free());
}
