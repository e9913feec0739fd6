using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace NegotiationTracker.Server.Tests.Fixtures;

/// <summary>
/// HTTP/1.1 over a bare socket: requests written exactly as given, which no client library would send (a <c>%00</c> in
/// the path), and answers read as the server framed them, several on one kept-alive connection.
/// </summary>
public sealed class RawHttp : IAsyncDisposable
{
    private readonly TcpClient tcp = new();
    private readonly byte[] buffer = new byte[16 * 1024];
    private readonly string host;
    private NetworkStream stream = null!;
    private int start;
    private int end;

    private RawHttp(string host) => this.host = host;

    public static async Task<RawHttp> OpenAsync(string address)
    {
        var uri = new Uri(address);
        var connection = new RawHttp(uri.Authority);
        await connection.tcp.ConnectAsync(uri.Host, uri.Port);
        connection.stream = connection.tcp.GetStream();
        return connection;
    }

    /// <summary>Sends <c>GET target</c> with a Host and <paramref name="headers"/>, and reads the answer.</summary>
    public async Task<RawAnswer> GetAsync(string target, params string[] headers)
    {
        var request = new StringBuilder($"GET {target} HTTP/1.1\r\nHost: {host}\r\n");
        foreach (var header in headers)
        {
            request.Append(header).Append("\r\n");
        }

        await SendAsync(request.Append("\r\n").ToString());
        return await ReadAnswerAsync();
    }

    public async Task SendAsync(string request) => await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

    /// <summary>One answer: its head, then a body framed by Content-Length, by chunks, or by the end of the connection.</summary>
    public async Task<RawAnswer> ReadAnswerAsync()
    {
        var statusLine = await ReadLineAsync() ?? throw new EndOfStreamException("the server closed the connection without answering");
        var headers = new List<KeyValuePair<string, string>>();
        while (await ReadLineAsync() is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }

        var answer = new RawAnswer(int.Parse(statusLine.AsSpan(9, 3)), headers, []);
        using var body = new MemoryStream();
        if (answer.Header("Transfer-Encoding") == "chunked")
        {
            while (Convert.ToInt32((await ReadLineAsync())!.Split(';')[0], 16) is var size and > 0)
            {
                await ReadAsync(body, size);
                (await ReadLineAsync()).ShouldBe("");
            }

            (await ReadLineAsync()).ShouldBe("", "no trailers are sent");
        }
        else if (answer.Header("Content-Length") is { } length)
        {
            await ReadAsync(body, int.Parse(length));
        }
        else
        {
            while (await FillAsync())
            {
                body.Write(buffer, start, end - start);
                start = end;
            }
        }

        return answer with { Body = body.ToArray() };
    }

    /// <summary>Whether the server has closed its side: nothing more to read.</summary>
    public async Task<bool> IsClosedAsync() => start == end && !await FillAsync();

    private async Task ReadAsync(Stream into, int count)
    {
        while (count > 0)
        {
            if (start == end && !await FillAsync())
            {
                throw new EndOfStreamException($"{count} bytes of the body never came");
            }

            var taken = Math.Min(count, end - start);
            into.Write(buffer, start, taken);
            (start, count) = (start + taken, count - taken);
        }
    }

    private async Task<string?> ReadLineAsync()
    {
        var line = new List<byte>();
        while (true)
        {
            if (start == end && !await FillAsync())
            {
                return line.Count == 0 ? null : throw new EndOfStreamException("the connection ended inside a line");
            }

            var b = buffer[start++];
            if (b == '\n' && line.Count > 0 && line[^1] == '\r')
            {
                return Encoding.Latin1.GetString(line.ToArray(), 0, line.Count - 1);
            }

            line.Add(b);
        }
    }

    private async Task<bool> FillAsync()
    {
        // A server that neither answers nor closes fails the test instead of hanging it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        (start, end) = (0, await stream.ReadAsync(buffer, timeout.Token));
        return end > 0;
    }

    public ValueTask DisposeAsync()
    {
        tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed record RawAnswer(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).SingleOrDefault();

    public string Text => Encoding.UTF8.GetString(Body);

    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("empty body");
}
