using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Server.Tests.Fixtures;
using NegotiationTracker.Server.Tests.Fixtures.Contract;
using Xunit.Abstractions;

namespace NegotiationTracker.Server.Tests.Reliability;

/// <summary>
/// Fuzzing the HTTP API through the real server: command bodies, seed-file imports and query strings, valid ones spoiled
/// and junk. Every request ends in an acceptance that appended what it says, or a 4xx problem that appended nothing
/// (mt_events counted before and after each case); never a 5xx, a stack trace or a request still running after
/// <see cref="Bound"/>. Outcome counts are printed for the README; <see cref="HostileInput"/> says how to run more cases.
/// </summary>
public sealed class when_hostile_requests_are_sent(HostileServerFixture server, ITestOutputHelper output) : IClassFixture<HostileServerFixture>
{
    /// <summary>Far longer than any request here takes on a loaded machine; a request still running then is a hang.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private const string FreshId = "fuzzid";
    private static int fresh;

    [Fact]
    public async Task every_command_is_accepted_or_refused_with_a_problem_and_a_refused_one_appends_nothing()
    {
        var cases = HostileInput.Cases(2_000);
        var tally = new ConcurrentDictionary<string, int>();

        await Task.Run(() => Prop.ForAll(Arb.From(Commands), c => Send(c, tally).GetAwaiter().GetResult()).Check(HostileInput.Run(cases)));

        Print("command fuzz", cases, tally);
        tally.Keys.ShouldContain(k => k.EndsWith(" 200"));
        tally.Keys.ShouldContain(k => k.EndsWith(" 400"));
        // Whatever text was accepted, the web view shows it as text: no element came from a statement.
        var page = await server.Client.GetStringAsync($"/negotiations/{Talks.Id}?includeRetracted=true");
        page.ShouldNotContain("<script", Case.Insensitive);
        page.ShouldNotContain("<img", Case.Insensitive);
        page.ShouldNotContain("<svg onload", Case.Insensitive);
    }

    [Fact]
    public async Task every_seed_file_is_imported_or_refused_with_a_problem_and_a_refused_one_appends_nothing()
    {
        var cases = HostileInput.Cases(600);
        var tally = new ConcurrentDictionary<string, int>();

        await Task.Run(() => Prop.ForAll(Arb.From(Imports), c => Send(c, tally).GetAwaiter().GetResult()).Check(HostileInput.Run(cases)));

        Print("import fuzz", cases, tally);
        tally.Keys.ShouldContain(k => k.EndsWith(" 200"));
        tally.Keys.ShouldContain(k => k.EndsWith(" 422"));
    }

    [Fact]
    public async Task every_query_is_answered_or_refused_with_a_problem_and_no_page_is_longer_than_the_limit()
    {
        var cases = HostileInput.Cases(2_000);
        var tally = new ConcurrentDictionary<string, int>();
        var before = await StoredEvents.CountAsync(server.ConnectionString);

        await Task.Run(() => Prop.ForAll(Arb.From(Queries), c => Send(c, tally).GetAwaiter().GetResult()).Check(HostileInput.Run(cases)));

        Print("query fuzz", cases, tally);
        tally.Keys.ShouldContain(k => k.EndsWith(" 200"));
        tally.Keys.ShouldContain(k => k.EndsWith(" 400"));
        (await StoredEvents.CountAsync(server.ConnectionString)).ShouldBe(before);
    }

    [Fact]
    public async Task a_statement_holding_script_and_sql_is_accepted_and_shown_as_text()
    {
        const string text = "<script>alert('fuzz')</script> & \"quotes\" '; DROP TABLE mt_events; --";
        var response = await server.Client.PostJsonAsync($"/api/negotiations/{Talks.Id}/statements", Talks.Statement("fuzz-markup", text));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        var page = await server.Client.GetStringAsync($"/negotiations/{Talks.Id}");
        var report = new HttpRequestMessage(HttpMethod.Get, $"/api/negotiations/{Talks.Id}/report");
        report.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var brief = await (await server.Client.SendAsync(report)).Content.ReadAsStringAsync();
        var stored = await server.Client.GetStringAsync($"/api/negotiations/{Talks.Id}/statements?limit=1000");

        const string escaped = "&lt;script&gt;alert(&#39;fuzz&#39;)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;; DROP TABLE mt_events; --";
        page.ShouldContain(escaped);
        page.ShouldNotContain("<script", Case.Insensitive);
        brief.ShouldContain(escaped);
        brief.ShouldNotContain("<script", Case.Insensitive);
        // Stored as it was said: the SQL is text, and the table it names is still there to hold it.
        JsonNode.Parse(stored)!.AsArray().Single(s => s!["id"]!.GetValue<string>() == "fuzz-markup")!["text"]!.GetValue<string>().ShouldBe(text);
    }

    /// <summary>One request, and what must hold of its answer and of the store.</summary>
    private async Task Send(Request c, ConcurrentDictionary<string, int> tally)
    {
        var id = $"fz-{Interlocked.Increment(ref fresh)}";
        var request = new HttpRequestMessage(c.Method, c.Path.Replace(FreshId, id, StringComparison.Ordinal));
        if (c.OutsideTheContract is { } why)
        {
            request.OutsideTheContract(why);
        }

        if (c.Body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(c.Body.Replace(FreshId, id, StringComparison.Ordinal));
            if (c.Corruption is { } corruption && bytes.Length > 0)
            {
                var at = corruption.At % bytes.Length;
                bytes = [.. bytes[..at], .. corruption.Bytes, .. bytes[at..]];
            }

            request.Content = new ByteArrayContent(bytes);

            // A body over the server's limit is refused from its length alone; asking first (100-continue) lets the 413 arrive
            // before the upload, as a careful client would, instead of racing the server's close of the connection.
            request.Headers.ExpectContinue = bytes.Length > NegotiationServer.MaxRequestBytes ? true : null;
            if (c.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
            }
        }

        foreach (var (name, value) in c.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var before = await StoredEvents.CountAsync(server.ConnectionString);
        using var bound = new CancellationTokenSource(Bound);
        HttpResponseMessage response;
        try
        {
            response = await server.Client.SendAsync(request, bound.Token);
        }
        catch (OperationCanceledException)
        {
            throw new ShouldAssertException($"{c}: no answer within {Bound}");
        }
        catch (HttpRequestException e) when (e.InnerException is IOException && c.Kind == "oversized")
        {
            // The server may close the connection on an oversized upload once it has answered 413 (RFC 9110 allows it); what
            // matters is that nothing was appended.
            (await StoredEvents.CountAsync(server.ConnectionString) - before).ShouldBe(0, $"{c}: the connection closed, yet something was appended");
            tally.AddOrUpdate($"{c.Kind} closed", 1, (_, n) => n + 1);
            return;
        }

        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var appended = await StoredEvents.CountAsync(server.ConnectionString) - before;
        var what = $"{c} → {status}: {Shorten(body)}";
        status.ShouldBeLessThan(500, what);
        body.ShouldNotContain("   at ", customMessage: $"a stack trace leaked: {what}");
        if (status >= 400)
        {
            appended.ShouldBe(0, $"refused, yet appended: {what}");
            if (c.Path.StartsWith("/api/", StringComparison.Ordinal))
            {
                response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", what);
            }
        }
        else if (c.Method == HttpMethod.Post)
        {
            var answer = JsonNode.Parse(body)!;
            appended.ShouldBe(answer["appended"]?.GetValue<int>() ?? answer["eventsAppended"]!.GetValue<int>(), $"appended other than it says: {what}");
        }
        else if (response.Headers.Contains("X-Total-Count"))
        {
            // A page: never more rows than asked for, nor than the limit of 1,000.
            JsonNode.Parse(body)!.AsArray().Count.ShouldBeLessThanOrEqualTo(1_000, what);
        }

        tally.AddOrUpdate($"{c.Kind} {status}", 1, (_, n) => n + 1);
    }

    private void Print(string target, int cases, ConcurrentDictionary<string, int> tally)
    {
        output.WriteLine($"{target}: {cases:N0} cases, seed {HostileInput.Seed}");
        foreach (var group in tally.GroupBy(t => t.Key[(t.Key.LastIndexOf(' ') + 1)..]).OrderBy(g => g.Key))
        {
            output.WriteLine($"  {group.Key}: {group.Sum(t => t.Value):N0}");
        }

        foreach (var (kind, count) in tally.OrderBy(t => t.Key))
        {
            output.WriteLine($"    {kind}: {count:N0}");
        }

        tally.Values.Sum().ShouldBe(cases);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    /// <summary>A request to make. <see cref="FreshId"/> in the path or body becomes a new id when it is sent, so a valid command creates something new.</summary>
    public sealed record Request(string Kind, HttpMethod Method, string Path, string? ContentType, string? Body, (int At, byte[] Bytes)? Corruption, (string Name, string Value)[] Headers)
    {
        /// <summary>
        /// Why the request itself breaks the OpenAPI document (a path id that is no slug, a query string that is not one),
        /// so its answer is not checked against it; every other hostile request's answer must still keep the contract.
        /// </summary>
        public string? OutsideTheContract { get; init; }

        public override string ToString() =>
            $"[{Kind}] {Method} {Path} ({ContentType}) {string.Join(" ", Headers.Select(h => $"{h.Name}: {h.Value}"))} {(Body is null ? "" : Shorten(Body))}"
            + (Corruption is { } c ? $" with bytes {Convert.ToHexString(c.Bytes)} at {c.At}" : "");
    }

    private static readonly PartialDate Said = PartialDate.Parse("2024-03-01");

    /// <summary>Valid commands, one per kind of endpoint and stream, each creating something new or repeating a known fact.</summary>
    private static readonly (string Path, string Json)[] ValidCommands =
    [
        ($"/api/negotiations/{Talks.Id}/statements", Json(new MakeStatement(FreshId, Talks.Id, "upstream", "envoy-a", StatementKind.Position, Stance.Supports, ["dam"],
            "We will fill the dam.", Attribution.Quote, Said, "wire-1"))),
        ($"/api/negotiations/{Talks.Id}/proposals", Json(new TableProposal(Talks.Id, FreshId, "upstream", "Fill it slowly", [new Term("dam", "Over ten years.")], Said, "wire-1"))),
        ($"/api/negotiations/{Talks.Id}/proposals/{HostileServerFixture.Proposal}/answers", Json(new AnswerProposal(Talks.Id, HostileServerFixture.Proposal, "downstream",
            Answer.Accept, null, Said, "wire-1"))),
        ("/api/parties", Json(new RegisterParty(FreshId, "A fuzzed party", PartyKind.Faction))),
        ($"/api/negotiations/{Talks.Id}/sources", Json(new RegisterSource(Talks.Id, FreshId, "A wire report", "Wire", "https://example.org/2", Said))),
        ($"/api/negotiations/{Talks.Id}/statements/{HostileServerFixture.Statement}/retractions", Json(new RetractStatement(Talks.Id, HostileServerFixture.Statement,
            "upstream", "The envoy spoke too soon.", Said))),
    ];

    private static string Json(object command) => JsonSerializer.Serialize(command, command.GetType(), Http.Json);

    private static readonly string[] WrongTypes = ["42", "-1.5", "true", "null", "[]", "{}", "[1,\"a\"]", "{\"a\":{\"b\":1}}", "99999999999999999999999", "\"\""];

    private static Gen<Request> Commands =>
        from command in Gen.Elements(ValidCommands)
        from c in Gen.Frequency(
            (3, Gen.Constant(Command("valid", command.Path, command.Json))),
            (5, from key in Fields(command.Json) from value in HostileInput.Value
                select Command("hostile value", command.Path, Set(command.Json, key, null, raw: HostileInput.Quoted(value)))),
            (3, from key in Fields(command.Json) from value in Gen.Elements(WrongTypes)
                select Command("wrong type", command.Path, Set(command.Json, key, JsonNode.Parse(value)))),
            (2, Fields(command.Json).Select(key => Command("field missing", command.Path, Set(command.Json, key, null, remove: true)))),
            (1, HostileInput.Value.Select(v => Command("unknown field", command.Path, command.Json.TrimEnd('}') + $",{HostileInput.Quoted(v.Length > 0 ? v : "x")}:1}}"))),
            (1, Fields(command.Json).Select(key => Command("field twice", command.Path, command.Json.TrimEnd('}') + $",\"{field}\":\"again\"}}"))),
            (2, HostileInput.Truncated(command.Json).Select(json => Command("truncated", command.Path, json))),
            (2, HostileInput.WithCharacter(command.Json).Select(json => Command("character inserted", command.Path, json))),
            (2, from at in Gen.Choose(0, 1_000)
                from bad in Gen.Elements<byte[]>([0x80], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF], [0x00])
                select Command("broken bytes", command.Path, command.Json) with { Corruption = (at, bad) }),
            (1, from depth in Gen.Choose(1, 5_000) from key in Fields(command.Json)
                select Command("deeply nested", command.Path, Set(command.Json, key, null, raw: new string('[', depth) + new string(']', depth)))),
            (1, HostileInput.Junk(300).Select(junk => Command("junk", command.Path, junk))),
            (1, Gen.Elements(1_048_577, 2_000_000).Select(n => Command("oversized", command.Path, Set(command.Json, "text", JsonValue.Create(new string('a', n)))))),
            (1, Gen.Elements<string?>("text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=utf-16", "", null)
                .Select(type => Command("media type", command.Path, command.Json) with { ContentType = type })),
            (2, from header in Gen.Elements("If-Match", "Idempotency-Key")
                from value in Gen.OneOf(Gen.Elements("\"-1\"", "\"abc\"", "*", "W/\"1\"", "\"99999999999999999999\"", "\"0\"", "", new string('k', 201)),
                    HostileInput.Junk(40).Select(j => new string(j.Where(ch => ch is >= ' ' and <= '~').ToArray())))
                select Command("hostile header", command.Path, command.Json) with { Headers = [(header, value)] }),
            (1, HostileInput.Value.Where(v => v.Length > 0).Select(v => Command("hostile path id", command.Path.Replace(Talks.Id, Escape(v), StringComparison.Ordinal), command.Json)
                with { OutsideTheContract = "the path id is not a slug" })))
        select c;

    private static Request Command(string kind, string path, string json) => new Request(kind, HttpMethod.Post, path, "application/json", json, null, []);

    private static Gen<string> Fields(string json) => Gen.Elements(JsonNode.Parse(json)!.AsObject().Select(p => p.Key).ToArray());

    /// <summary>The JSON with one field set to a value (or removed, or set to raw text no serializer would write).</summary>
    private static string Set(string json, string field, JsonNode? value, bool remove = false, string? raw = null)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        if (remove)
        {
            node.Remove(field);
            return node.ToJsonString();
        }

        if (raw is not null)
        {
            node[field] = "RAW";
            return node.ToJsonString().Replace("\"RAW\"", raw, StringComparison.Ordinal);
        }

        node[field] = value;
        return node.ToJsonString();
    }

    /// <summary>Percent-encoded as UTF-8, where a lone surrogate becomes U+FFFD (as a browser would send it).</summary>
    private static string Escape(string value) =>
        string.Concat(Encoding.UTF8.GetBytes(value).Select(b => b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' ? ((char)b).ToString() : $"%{b:X2}"));

    private const string Seed = """
        negotiation: {id: fuzzid, title: "Fuzzed talks", opened: "2024", issues: [{id: dam, title: "The dam"}]}
        sources: [{id: wire, title: "A wire report"}]
        parties:
          - id: fuzz-north
            name: "North"
            kind: state
            role: principal
            people: [{id: envoy, name: "An envoy"}]
          - {id: fuzz-south, name: "South", kind: state, role: principal}
        events:
          - status: {to: active, reason: "talks begin", said: "2024-09"}
          - statement:
              id: s1
              by: fuzz-north
              speaker: envoy
              "on": [dam]
              kind: position
              stance: supports
              text: "We will fill the dam."
              attribution: quote
              said: "2024-09"
              source: wire
          - proposal: {id: p1, by: fuzz-north, title: "Fill slowly", terms: [{issue: dam, text: "Over ten years."}], said: "2024-09", source: wire}
          - answer: {proposal: p1, by: fuzz-south, answer: accept, said: "2024-09"}
        """;

    private static Gen<Request> Imports
    {
        get
        {
            var lines = Seed.Split('\n');
            var line = Gen.Choose(0, lines.Length - 1);
            return Gen.Frequency(
                (3, Gen.Constant(Import("valid", Seed))),
                (2, HostileInput.Truncated(Seed).Select(yaml => Import("truncated", yaml))),
                (2, HostileInput.WithCharacter(Seed).Select(yaml => Import("character inserted", yaml))),
                (2, line.Select(i => Import("line missing", string.Join('\n', lines.Where((_, j) => j != i))))),
                (1, line.Select(i => Import("line twice", string.Join('\n', lines.Take(i + 1).Concat(lines.Skip(i)))))),
                (4, from i in line from value in HostileInput.Value from quoted in Gen.Elements(true, false)
                    select Import("hostile value", string.Join('\n', lines.Select((l, k) => k == i && l.IndexOf(": ", StringComparison.Ordinal) is var at and > 0
                        ? l[..(at + 2)] + (quoted ? HostileInput.Quoted(value) : value)
                        : l)))),
                (2, HostileInput.Value.Select(value => Import("hostile statement text", Seed.Replace("\"We will fill the dam.\"", HostileInput.Quoted(value), StringComparison.Ordinal)))),
                (2, from at in Gen.Choose(0, 1_000) from bad in Gen.Elements<byte[]>([0x80], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xFF], [0x00])
                    select Import("broken bytes", Seed) with { Corruption = (at, bad) }),
                (1, HostileInput.Nested("negotiation: ").Select(yaml => Import("deeply nested", yaml))),
                (1, HostileInput.Junk(300).Select(junk => Import("junk", junk))),
                (1, Gen.Elements<string?>("application/json", "application/octet-stream", "text/html", "", null)
                    .Select(type => Import("media type", Seed) with { ContentType = type })),
                (1, HostileInput.Value.Select(v => Import("hostile name", Seed) with { Path = $"/api/imports?name={Escape(v)}" })));
        }
    }

    private static Request Import(string kind, string yaml) => new Request(kind, HttpMethod.Post, "/api/imports?name=fuzz.yaml", "text/yaml", yaml, null, []);

    private static readonly (string Path, string[] Parameters)[] Readers =
    [
        ("/api/negotiations", ["offset", "limit"]),
        ($"/api/negotiations/{Talks.Id}", ["asOf", "knownAt"]),
        ($"/api/negotiations/{HostileServerFixture.Paged}/statements", ["party", "speaker", "issue", "from", "to", "includeRetracted", "offset", "limit"]),
        ($"/api/negotiations/{Talks.Id}/statements", ["party", "speaker", "issue", "from", "to", "includeRetracted", "offset", "limit"]),
        ($"/api/negotiations/{HostileServerFixture.Paged}/audit", ["party", "speaker", "recordedBy", "from", "to", "offset", "limit"]),
        ($"/api/negotiations/{Talks.Id}/diff", ["knownAt", "knownAt", "asOf", "asOf"]),
        ($"/api/negotiations/{Talks.Id}/positions", ["party", "issue"]),
        ($"/api/negotiations/{Talks.Id}/report", ["latest", "table"]),
        ("/api/parties/upstream", ["limit"]),
        ($"/api/statements/{HostileServerFixture.Statement}/audit", ["negotiation"]),
        ("/api/verification", ["negotiation"]),
        ($"/negotiations/{Talks.Id}", ["party", "speaker", "issue", "from", "to", "includeRetracted"]),
    ];

    private static readonly string[] Numbers = ["-1", "0", "1", "999", "1000", "1001", "2147483647", "2147483648", "99999999999999999999", "1e3", "0x10", " 5", "５", "1.5"];

    private static readonly string[] RawQueries = ["%00", "%C3%28", "%", "%ZZ", "&&&", "=", "a=%FF%FE", "limit=1&limit=2", "offset=-0", "%E2%80%AE"];

    private static Gen<Request> Queries =>
        from reader in Gen.Elements(Readers)
        from count in Gen.Choose(0, 4)
        from parameters in Gen.ArrayOf(
            from name in Gen.Elements(reader.Parameters)
            from value in Gen.Frequency((3, HostileInput.Value), (3, Gen.Elements(Numbers)), (1, HostileInput.Junk(30)),
                (2, Gen.Elements("2024", "2024-09", "2024-09-27", "2024-02-30", "2024-09-27T10:00:00Z", "upstream", "dam", "true", "statements", "csv")))
            select $"{name}={Escape(value)}", count)
        from raw in Gen.Frequency((4, Gen.Constant("")), (1, Gen.Elements(RawQueries)))
        from accept in Gen.Elements<string?>(null, "text/html", "text/markdown", "text/csv", "application/json", "image/png", "*/*;q=0", "text/html;q=abc")
        from id in Gen.Frequency((4, Gen.Constant<string?>(null)), (1, HostileInput.Value.Where(v => v.Length > 0).Select(v => (string?)Escape(v))))
        let path = id is null ? reader.Path : reader.Path.Replace(Talks.Id, id, StringComparison.Ordinal).Replace("upstream", id, StringComparison.Ordinal)
        let query = string.Join('&', parameters.Append(raw).Where(p => p.Length > 0))
        select new Request(id is null ? "query" : "query, hostile id", HttpMethod.Get, path + (query.Length > 0 ? "?" + query : ""), null, null, null,
            accept is null ? [] : [("Accept", accept)])
        {
            OutsideTheContract = id is not null ? "the path id is not a slug" : raw.Length > 0 ? "a raw query string (broken escapes, a NUL, a name given twice)" : null,
        };
}
