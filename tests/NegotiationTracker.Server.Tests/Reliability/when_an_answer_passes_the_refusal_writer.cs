using System.IO.Pipelines;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace NegotiationTracker.Server.Tests.Reliability;

/// <summary>
/// The connection output's writer (KestrelRefusals) byte by byte, without a socket: whatever it is not told is Kestrel's
/// refusal goes on exactly as written, however it is split and flushed; Kestrel's refusal, once expected, becomes a problem.
/// </summary>
public sealed class when_an_answer_passes_the_refusal_writer
{
    /// <summary>Kestrel's answer to <c>GET /api/negotiations/%00</c>, as it writes it.</summary>
    private const string KestrelRefusal = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\nDate: Sun, 06 Dec 2026 01:56:33 GMT\r\nServer: Kestrel\r\n\r\n";

    private static BadHttpRequestException TargetRefused => new("Invalid request target: ''", StatusCodes.Status400BadRequest);

    /// <summary>A response whose body is, byte for byte, Kestrel's refusal: only the writer's state may tell them apart.</summary>
    private static readonly string Lookalike = $"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {KestrelRefusal.Length}\r\n\r\n{KestrelRefusal}";

    [Fact]
    public async Task an_answer_is_forwarded_byte_for_byte_however_it_is_split_and_flushed()
    {
        var answers = Enumerable.Repeat(Lookalike, 2).Aggregate(string.Concat);
        foreach (var at in Enumerable.Range(1, answers.Length - 1))
        {
            var passed = await PassAsync(async writer =>
            {
                await Write(writer, answers[..at], flush: true);
                await Write(writer, answers[at..], flush: true);
            });

            passed.ShouldBe(answers, $"split at {at}");
        }
    }

    [Fact]
    public async Task kestrels_refusal_written_in_pieces_becomes_a_problem()
    {
        foreach (var at in Enumerable.Range(1, KestrelRefusal.Length - 1))
        {
            var passed = await PassAsync(async writer =>
            {
                writer.Expect(TargetRefused);
                await Write(writer, KestrelRefusal[..at], flush: false);
                await Write(writer, KestrelRefusal[at..], flush: true);
            });

            passed.ShouldStartWith("HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\n", Case.Sensitive, $"split at {at}");
        }
    }

    [Fact]
    public async Task the_problem_is_framed_by_its_length_and_keeps_kestrels_date_and_server()
    {
        var passed = await PassAsync(async writer =>
        {
            writer.Expect(TargetRefused);
            await Write(writer, KestrelRefusal, flush: true);
        });

        var (head, body) = (passed[..passed.IndexOf("\r\n\r\n", StringComparison.Ordinal)], passed[(passed.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
        head.ShouldContain($"\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n");
        head.ShouldContain("\r\nConnection: close\r\n");
        head.ShouldContain("\r\nDate: Sun, 06 Dec 2026 01:56:33 GMT\r\nServer: Kestrel\r\n");
        JsonNode.Parse(body)!["detail"]!.GetValue<string>().ShouldContain("NUL");
    }

    [Theory]
    [InlineData("an answer with a body", "HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")]
    [InlineData("a header Kestrel's refusals never have", "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n\r\n")]
    [InlineData("a connection kept alive", "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nDate: Sun, 06 Dec 2026 01:56:33 GMT\r\n\r\n")]
    [InlineData("another status than the refusal's", "HTTP/1.1 413 Payload Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")]
    [InlineData("bytes that begin no status line", "\0\0\u0008\u0007\0\0\0\0\0HTTP/1.1 400 Bad Request\r\n\r\n")]
    public async Task when_expecting_a_refusal_anything_else_is_forwarded_unchanged(string what, string answer)
    {
        var passed = await PassAsync(async writer =>
        {
            writer.Expect(TargetRefused);
            await Write(writer, answer, flush: true);
        });

        passed.ShouldBe(answer, what);
    }

    [Fact]
    public async Task bytes_that_begin_no_status_line_are_not_held_until_a_flush()
    {
        var pipe = new Pipe();
        var writer = new RefusalWriter(pipe.Writer);
        writer.Expect(TargetRefused);

        await Write(writer, "\0\0\u0008\u0007", flush: false);

        pipe.Writer.UnflushedBytes.ShouldBe(4);
    }

    [Fact]
    public async Task a_refusal_flushed_before_its_head_ends_goes_on_as_written()
    {
        // Kestrel writes its refusal's head whole before flushing; a flush inside a head is not its refusal, so nothing is held across it.
        var passed = await PassAsync(async writer =>
        {
            writer.Expect(TargetRefused);
            await Write(writer, KestrelRefusal[..20], flush: true);
            await Write(writer, KestrelRefusal[20..], flush: true);
        });

        passed.ShouldBe(KestrelRefusal);
    }

    [Fact]
    public async Task after_the_refusal_the_writer_only_forwards()
    {
        var passed = await PassAsync(async writer =>
        {
            writer.Expect(TargetRefused);
            await Write(writer, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", flush: true);
            await Write(writer, KestrelRefusal, flush: true);
        });

        passed.ShouldBe("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n" + KestrelRefusal);
    }

    /// <summary>Writes as Kestrel does, a span at a time, each byte advanced separately so partial heads are held.</summary>
    private static ValueTask<FlushResult> Write(PipeWriter writer, string text, bool flush)
    {
        foreach (var b in Encoding.Latin1.GetBytes(text))
        {
            writer.GetSpan(1)[0] = b;
            writer.Advance(1);
        }

        return flush ? writer.FlushAsync() : ValueTask.FromResult(new FlushResult(isCanceled: false, isCompleted: false));
    }

    private static async Task<string> PassAsync(Func<RefusalWriter, Task> write)
    {
        var pipe = new Pipe();
        var writer = new RefusalWriter(pipe.Writer);
        await write(writer);
        await writer.CompleteAsync();
        using var passed = new MemoryStream();
        await pipe.Reader.CopyToAsync(passed);
        return Encoding.Latin1.GetString(passed.ToArray());
    }
}
