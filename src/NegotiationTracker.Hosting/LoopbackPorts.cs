using System.Net;
using System.Net.Sockets;

namespace NegotiationTracker.Hosting;

public static class LoopbackPorts
{
    /// <summary>
    /// A loopback port nothing listens on: taken from the system, then let go. Another process may take it in between; the
    /// callers either retry on a clash (PostgreSQL) or bind at once (a silo).
    /// </summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
