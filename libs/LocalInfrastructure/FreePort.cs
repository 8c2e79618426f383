using System.Net;
using System.Net.Sockets;

namespace ComplaintsPlatform.LocalInfrastructure;

/// <summary>
/// A port free now, for a server that is told its port and binds it later. Chosen below the system's
/// ephemeral range (32768 and up on Linux), where the operating system hands out ports to every
/// process that binds port 0 or connects out: a port taken from that range could be given to another
/// process (a replica, an orchestrator proxy) before this server binds it.
/// </summary>
public static class FreePort
{
    private const int First = 20000;
    private const int Last = 32000;

    public static int Next()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(First, Last);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // In use: try another.
            }
        }
        using var any = new TcpListener(IPAddress.Loopback, 0);
        any.Start();
        return ((IPEndPoint)any.LocalEndpoint).Port;
    }
}
