using NegotiationTracker.Hosting;
using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace NegotiationTracker.Server;

/// <summary>
/// Kestrel refuses a request it cannot take (a request target that decodes to a NUL, a request line or header block it
/// cannot read or that is too long, a body without a length) while parsing it, before any middleware, and answers with a
/// 4xx of its own: no body, no content type. ASP.NET Core 10 has no hook to shape that answer (dotnet/aspnetcore#4726);
/// what it offers is the documented DiagnosticSource event <see cref="BadRequestEvent"/>, raised synchronously when Kestrel
/// rejects a request, before it writes its answer. So every connection's output passes through a
/// <see cref="RefusalWriter"/> that only forwards, until that event names its connection; then it holds the next bytes
/// and, if they are exactly Kestrel's bodiless refusal, writes a problem in their place. The event, not the bytes, says
/// a refusal is coming, so no body can be mistaken for one; and should the event come while the application is still to
/// answer (a body Kestrel refuses as the application reads it), the application's answer has a body and headers
/// Kestrel's refusals never have, and goes on unchanged. HTTP/1.x only: HTTP/2 frames, and TLS records were the
/// middleware ever put outside TLS, begin no HTTP/1.1 status line and pass as they are.
/// </summary>
internal sealed class KestrelRefusals : IObserver<KeyValuePair<string, object?>>, IDisposable
{
    public const string BadRequestEvent = "Microsoft.AspNetCore.Server.Kestrel.BadRequest";

    private readonly IDisposable subscription;

    /// <param name="listener">The host's listener, the one Kestrel writes to; one subscription serves every endpoint.</param>
    public KestrelRefusals(DiagnosticListener listener) =>
        // Named, so the hosting layer's per-request events stay disabled and cost nothing but this check.
        subscription = listener.Subscribe(this, static name => name == BadRequestEvent);

    /// <summary>Connection middleware: the connection's output through a <see cref="RefusalWriter"/>, found again by the event through the connection's features.</summary>
    public ConnectionDelegate Watch(ConnectionDelegate next) => async connection =>
    {
        var transport = connection.Transport;
        var writer = new RefusalWriter(transport.Output);
        connection.Features.Set(writer);
        connection.Transport = new Duplex(transport.Input, writer);
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = transport;
        }
    };

    public void OnNext(KeyValuePair<string, object?> value)
    {
        // Kestrel passes the request's features, which fall back to its connection's. An answer already started is the
        // application's; Kestrel then only closes the connection and writes nothing of its own.
        if (value.Value is IFeatureCollection features
            && features.Get<RefusalWriter>() is { } writer
            && features.Get<IBadRequestExceptionFeature>()?.Error is BadHttpRequestException refusal
            && features.Get<IHttpResponseFeature>() is { HasStarted: false })
        {
            writer.Expect(refusal);
        }
    }

    public void OnError(Exception error)
    {
    }

    public void OnCompleted()
    {
    }

    public void Dispose() => subscription.Dispose();

    private sealed record Duplex(PipeReader Input, PipeWriter Output) : IDuplexPipe;
}

/// <summary>
/// A connection's output, forwarded as it is; after <see cref="Expect"/>, the next answer is held until it is flushed and,
/// if it is Kestrel's bodiless refusal of that request, replaced by <see cref="Problem"/>. Anything else goes on unchanged:
/// bytes that do not begin a status line at once, an answer with a body or with headers Kestrel's refusals never have when
/// it is flushed. Either way the writer only forwards from then on: Kestrel closes the connection after its refusal.
/// </summary>
internal sealed class RefusalWriter(PipeWriter inner) : PipeWriter
{
    private static readonly byte[] StatusLineStart = "HTTP/1.1 "u8.ToArray();

    /// <summary>Set on the connection's own flow, by the event Kestrel raises just before it writes its answer.</summary>
    private volatile BadHttpRequestException? refusal;

    private ArrayBufferWriter<byte>? held;

    /// <summary>Whether the memory last handed out is <see cref="held"/>'s, so an Advance goes where its bytes are.</summary>
    private bool leasedHeld;

    public void Expect(BadHttpRequestException rejected) => refusal = rejected;

    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        leasedHeld = refusal is not null;
        return leasedHeld ? (held ??= new ArrayBufferWriter<byte>(512)).GetMemory(sizeHint) : inner.GetMemory(sizeHint);
    }

    public override Span<byte> GetSpan(int sizeHint = 0)
    {
        leasedHeld = refusal is not null;
        return leasedHeld ? (held ??= new ArrayBufferWriter<byte>(512)).GetSpan(sizeHint) : inner.GetSpan(sizeHint);
    }

    public override void Advance(int bytes)
    {
        if (!leasedHeld)
        {
            inner.Advance(bytes);
            return;
        }

        held!.Advance(bytes);
        // Only the beginning of a status line is worth holding; anything else goes on now.
        var written = held.WrittenSpan;
        var prefix = Math.Min(written.Length, StatusLineStart.Length);
        if (!written[..prefix].SequenceEqual(StatusLineStart.AsSpan(0, prefix)))
        {
            Settle(verbatim: true);
        }
    }

    /// <summary>Kestrel writes its refusal's head whole, then flushes: a flush is where a held answer is judged and sent on.</summary>
    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        if (held is not null)
        {
            Settle(verbatim: false);
        }

        return inner.FlushAsync(cancellationToken);
    }

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes + (held?.WrittenCount ?? 0);

    public override void Complete(Exception? exception = null)
    {
        if (held is not null)
        {
            Settle(verbatim: exception is not null);
        }

        inner.Complete(exception);
    }

    public override ValueTask CompleteAsync(Exception? exception = null)
    {
        if (held is not null)
        {
            Settle(verbatim: exception is not null);
        }

        return inner.CompleteAsync(exception);
    }

    /// <summary>Sends on what is held, as a problem if it is Kestrel's refusal, and from then on only forwards.</summary>
    private void Settle(bool verbatim)
    {
        var expected = refusal;
        var written = held!.WrittenSpan;
        (refusal, held, leasedHeld) = (null, null, false);
        if (!written.IsEmpty)
        {
            inner.Write(!verbatim && expected is not null && Problem(written, expected) is { } problem ? problem : written);
        }
    }

    /// <summary>
    /// The problem for <paramref name="answer"/> if it is Kestrel's refusal of the request: a head and nothing else, with
    /// the refusal's status, <c>Content-Length: 0</c>, <c>Connection: close</c> and no other header but Date, Server,
    /// Allow and Alt-Svc, which the problem keeps. Null for anything else.
    /// </summary>
    internal static byte[]? Problem(ReadOnlySpan<byte> answer, BadHttpRequestException refusal)
    {
        // Latin-1 maps every byte to one char and back, so kept header lines go out as they came.
        var text = Encoding.Latin1.GetString(answer);
        if (!text.EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            return null;
        }

        var lines = text[..^4].Split("\r\n");
        var statusLine = lines[0];
        if (statusLine.Length < 12 || !int.TryParse(statusLine.AsSpan(9, 3), out var status) || status != refusal.StatusCode || status < 400
            || (statusLine.Length > 12 && statusLine[12] != ' '))
        {
            return null;
        }

        var (emptyBody, closes, kept) = (false, false, new StringBuilder());
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (name, value) = colon > 0 ? (line[..colon], line[(colon + 1)..].Trim()) : ("", "");
            switch (name.ToLowerInvariant())
            {
                case "content-length" when value == "0":
                    emptyBody = true;
                    break;
                case "connection" when value.Equals("close", StringComparison.OrdinalIgnoreCase):
                    closes = true;
                    break;
                case "date" or "server" or "allow" or "alt-svc":
                    kept.Append(line).Append("\r\n");
                    break;
                default:
                    return null;
            }
        }

        if (!emptyBody || !closes)
        {
            return null;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(new ProblemDetails
        {
            Type = TypeOf(status),
            Title = statusLine.Length > 13 ? statusLine[13..] : null,
            Status = status,
            Detail = Detail(status, refusal),
        }, Json);
        var head = $"{statusLine}\r\nContent-Type: application/problem+json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n{kept}{SecurityHeaders.ForData}\r\n";
        return [.. Encoding.Latin1.GetBytes(head), .. body];
    }

    private static readonly JsonSerializerOptions Json = JsonOptions();

    private static JsonSerializerOptions JsonOptions()
    {
        var options = new JsonSerializerOptions();
        Wire.Json(options);
        return options;
    }

    /// <summary>The statuses Kestrel refuses with, linked as ASP.NET Core links the problems it writes.</summary>
    private static string? TypeOf(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        408 => "https://tools.ietf.org/html/rfc9110#section-15.5.9",
        411 => "https://tools.ietf.org/html/rfc9110#section-15.5.12",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        414 => "https://tools.ietf.org/html/rfc9110#section-15.5.15",
        431 => "https://tools.ietf.org/html/rfc6585#section-5",
        505 => "https://tools.ietf.org/html/rfc9110#section-15.6.6",
        _ => null,
    };

    /// <summary>
    /// In the server's words, not Kestrel's message, which echoes the request's bytes when Kestrel logs at Information and
    /// is empty-quoted otherwise. Its opening words only tell a refused request target from the other 400s.
    /// </summary>
    private static string Detail(int status, BadHttpRequestException refusal) => status switch
    {
        400 when refusal.Message.StartsWith("Invalid request target", StringComparison.Ordinal) =>
            "the request target (path and query) cannot be read: it is malformed or, once decoded, its path holds a NUL character (%00, U+0000), which no id, name or date has",
        400 => "the request line or its headers cannot be read as HTTP/1.1",
        405 => "the method is not allowed for this request target",
        408 => "the request did not arrive in time",
        411 => "a request with a body must give its length (Content-Length or Transfer-Encoding: chunked)",
        413 => "the request body is larger than the server accepts",
        414 => "the request line (method, path and query) is longer than the server accepts",
        431 => "the request headers are larger, or more, than the server accepts",
        505 => "the request names an HTTP version the server does not speak",
        _ => "the server could not take the request",
    };
}
