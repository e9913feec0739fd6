using System.Text;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace NegotiationTracker.SeedFiles;

/// <summary>
/// Reads the public seed-file format (see docs/seed-format.md) into commands. Every problem is reported with the file and line, all at
/// once where possible, so an author can fix a file in one pass. Unknown keys are errors: a typo must not drop a field silently.
/// </summary>
public static class SeedFileReader
{
    public const int MaxFileBytes = 10 * 1024 * 1024;
    public const int MaxEvents = 100_000;

    /// <summary>
    /// The deepest nesting of lists and mappings a file may have. A seed file needs seven levels (the file, events, an entry,
    /// its body, terms, a term); YamlDotNet builds its node tree recursively, so a file of a few hundred kilobytes of `[`
    /// would otherwise overflow the stack and end the whole process (the server's included), which no catch can stop.
    /// </summary>
    public const int MaxNesting = 32;

    // Strict, so a byte that is not UTF-8 is an error rather than a U+FFFD quietly stored in a statement's text.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private static readonly string[] EventKinds =
        ["statement", "proposal", "answer", "agreement", "signature", "status", "join", "report", "retraction", "denial", "clarification", "correction", "amendment", "void", "duplicate", "grade"];

    public static SeedFile Read(string path) => Parse(path, ReadBytes(path));

    /// <summary>
    /// A seed file's bytes, at most <see cref="MaxFileBytes"/>, from a regular file, a FIFO, a device or /dev/stdin alike
    /// (see <see cref="SeedFileBytes"/>); read once, so a FIFO's contents can be both checked and sent on.
    /// </summary>
    public static byte[] ReadBytes(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new SeedFileRejected([new SeedError(path, 0, "file not found")]);
        }

        // A regular file says its size: refuse a large one without reading it. Anything else is read up to the limit.
        if (info.Length > MaxFileBytes)
        {
            throw new SeedFileRejected([new SeedError(path, 0, $"the file is {info.Length:N0} bytes; the limit is {SeedFileBytes.Limit(MaxFileBytes)}")]);
        }

        return SeedFileBytes.Read(path, MaxFileBytes);
    }

    /// <summary>Reads a file's bytes, which must be UTF-8 (a byte-order mark is allowed and dropped).</summary>
    public static SeedFile Parse(string name, ReadOnlySpan<byte> utf8)
    {
        var text = utf8.StartsWith(ByteOrderMark) ? utf8[ByteOrderMark.Length..] : utf8;
        try
        {
            return Parse(name, StrictUtf8.GetString(text));
        }
        catch (DecoderFallbackException e)
        {
            var at = utf8.Length - text.Length + Math.Max(e.Index, 0);
            var line = 1 + utf8[..Math.Min(at, utf8.Length)].Count((byte)'\n');
            throw new SeedFileRejected([new SeedError(name, line, $"not UTF-8: byte {at:N0} (0x{utf8[Math.Min(at, utf8.Length - 1)]:X2}) cannot be decoded; save the file as UTF-8")]);
        }
    }

    public static SeedFile Parse(string name, string yaml)
    {
        var errors = new List<SeedError>();
        var file = new Reading(name, errors);
        YamlMappingNode? root = null;
        NestingLimit? parser = null;
        try
        {
            var stream = new YamlStream();
            parser = new NestingLimit(new Parser(new StringReader(yaml)));
            stream.Load(parser);
            if (stream.Documents.Count != 1)
            {
                errors.Add(new SeedError(name, 1, $"expected one YAML document, found {stream.Documents.Count}"));
            }
            else if (stream.Documents[0].RootNode is YamlMappingNode mapping)
            {
                root = mapping;
            }
            else
            {
                errors.Add(new SeedError(name, Line(stream.Documents[0].RootNode), "the file must be a mapping with negotiation, sources, parties and events"));
            }
        }
        catch (YamlException e)
        {
            errors.Add(new SeedError(name, (int)e.Start.Line, $"not valid YAML: {e.InnerException?.Message ?? e.Message}"));
        }
        catch (InvalidOperationException) when (parser is not null)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some broken files, e.g. an unclosed `{` before a new line.
            errors.Add(new SeedError(name, parser.Line, "not valid YAML: the file cannot be parsed past this line (is a [ or { left open?)"));
        }
        catch (ArgumentException e)
        {
            // YamlDotNet refuses a mapping that repeats a key; it does not say where.
            errors.Add(new SeedError(name, 0, $"not valid YAML: {e.Message}"));
        }

        if (root is null)
        {
            throw new SeedFileRejected(errors);
        }

        var top = file.Entry(root, "the file", required: ["negotiation", "parties"], optional: ["sources", "events"]);
        var negotiation = ReadNegotiation(file, top);
        if (negotiation is null)
        {
            throw new SeedFileRejected(errors);
        }

        var (opened, negotiationLine) = negotiation.Value;
        var sources = top.List("sources").Select(n => ReadSource(file, n, opened.NegotiationId)).OfType<Located>().ToList();
        var parties = top.List("parties").SelectMany(n => ReadParty(file, n, opened)).ToList();
        var events = top.List("events");
        if (events.Count > MaxEvents)
        {
            errors.Add(new SeedError(name, Line(top.Node), $"the file has {events.Count:N0} events; the limit per import is {MaxEvents:N0}"));
        }

        // Corrections name a statement; its party is the one that made it in this file, unless the entry says `by`.
        var speakers = new Dictionary<string, string>();
        var happenings = events.Select(n => ReadEvent(file, n, opened.NegotiationId, speakers)).OfType<Located>().ToList();
        if (errors.Count > 0)
        {
            throw new SeedFileRejected(errors);
        }

        return new SeedFile(name, opened, negotiationLine, sources, parties, happenings);
    }

    private static (OpenNegotiation, int)? ReadNegotiation(Reading file, Entry top)
    {
        if (top.Map("negotiation") is not { } node)
        {
            return null;
        }

        var n = file.Entry(node, "negotiation", required: ["id", "title", "opened", "issues"]);
        var issues = n.List("issues").Select(i =>
        {
            var issue = file.Entry(i, "issue", required: ["id", "title"]);
            return new Issue(issue.Text("id"), issue.Text("title"));
        }).ToList();
        return (new OpenNegotiation(n.Text("id"), n.Text("title"), n.Date("opened") ?? default, issues), Line(node));
    }

    private static Located? ReadSource(Reading file, YamlNode node, string negotiationId)
    {
        var s = file.Entry(node, "source", required: ["id", "title"], optional: ["outlet", "url", "published"]);
        var id = s.Text("id");
        return new Located(new RegisterSource(negotiationId, id, s.Text("title"), s.OptionalText("outlet"), s.OptionalText("url"), s.Date("published")), Line(node), $"source {id}");
    }

    private static IEnumerable<Located> ReadParty(Reading file, YamlNode node, OpenNegotiation negotiation)
    {
        var p = file.Entry(node, "party", required: ["id", "name", "kind"], optional: ["role", "people"]);
        var id = p.Text("id");
        var what = $"party {id}";
        yield return new Located(new RegisterParty(id, p.Text("name"), p.Word<PartyKind>("kind") ?? default), Line(node), what);
        foreach (var personNode in p.List("people"))
        {
            var person = file.Entry(personNode, "person", required: ["id", "name"], optional: ["title"]);
            var personId = person.Text("id");
            yield return new Located(new AffiliatePerson(id, personId, person.Text("name"), person.OptionalText("title")), Line(personNode), $"person {personId} of {id}");
        }

        // A party listed with a role takes part from the opening; one without a role joins later through a join event.
        if (p.Has("role") && p.Word<PartyRole>("role") is { } role)
        {
            yield return new Located(new JoinNegotiation(negotiation.NegotiationId, id, role, negotiation.Opened), Line(node), what);
        }
    }

    private static Located? ReadEvent(Reading file, YamlNode node, string negotiationId, Dictionary<string, string> speakers)
    {
        if (node is not YamlMappingNode { Children.Count: 1 } wrapper || wrapper.Children.First().Key is not YamlScalarNode { Value: { } kind })
        {
            file.Error(node, $"an event is a mapping with exactly one key, one of: {string.Join(", ", EventKinds)}");
            return null;
        }

        var body = wrapper.Children.First().Value;
        var line = Line(node);
        switch (kind)
        {
            case "statement":
            {
                var e = file.Entry(body, "statement", required: ["id", "by", "on", "kind", "text", "attribution", "said"], optional: ["speaker", "stance", "source"]);
                var id = e.Text("id");
                speakers.TryAdd(id, e.Text("by"));
                return new Located(
                    new MakeStatement(id, negotiationId, e.Text("by"), e.OptionalText("speaker"), e.Word<StatementKind>("kind") ?? default, e.Has("stance") ? e.Word<Stance>("stance") : null,
                        e.Texts("on"), e.Text("text"), e.Word<Attribution>("attribution") ?? default, e.Date("said") ?? default, e.OptionalText("source")),
                    line, $"statement {id}");
            }

            case "proposal":
            {
                var e = file.Entry(body, "proposal", required: ["id", "by", "title", "terms"], optional: ["said", "source"]);
                var id = e.Text("id");
                return new Located(new TableProposal(negotiationId, id, e.Text("by"), e.Text("title"), ReadTerms(file, e), e.Date("said"), e.OptionalText("source")), line, $"proposal {id}");
            }

            case "answer":
            {
                var e = file.Entry(body, "answer", required: ["proposal", "by", "answer"], optional: ["counter", "said", "source"]);
                var proposal = e.Text("proposal");
                var by = e.Text("by");
                return new Located(
                    new AnswerProposal(negotiationId, proposal, by, e.Word<Answer>("answer") ?? default, e.OptionalText("counter"), e.Date("said"), e.OptionalText("source")),
                    line, $"answer of {by} to {proposal}");
            }

            case "agreement":
            {
                var e = file.Entry(body, "agreement", required: ["id", "title", "parties"], optional: ["proposal", "terms", "said", "source"]);
                var id = e.Text("id");
                return new Located(
                    new ReachAgreement(negotiationId, id, e.OptionalText("proposal"), e.Text("title"), ReadTerms(file, e), e.Texts("parties"), e.Date("said"), e.OptionalText("source")),
                    line, $"agreement {id}");
            }

            case "signature":
            {
                var e = file.Entry(body, "signature", required: ["agreement", "by"], optional: ["signatory", "said"]);
                var agreement = e.Text("agreement");
                var by = e.Text("by");
                return new Located(new SignAgreement(negotiationId, agreement, by, e.OptionalText("signatory"), e.Date("said")), line, $"signature of {by} on {agreement}");
            }

            case "status":
            {
                var e = file.Entry(body, "status", required: ["to", "reason"], optional: ["said"]);
                var to = e.Word<NegotiationStatus>("to") ?? default;
                return new Located(new ChangeStatus(negotiationId, to, e.Text("reason"), e.Date("said")), line, $"status change to {to.Word()}");
            }

            case "join":
            {
                var e = file.Entry(body, "join", required: ["party", "role"], optional: ["said"]);
                var party = e.Text("party");
                return new Located(new JoinNegotiation(negotiationId, party, e.Word<PartyRole>("role") ?? default, e.Date("said")), line, $"join of {party}");
            }

            case "report":
            {
                var e = file.Entry(body, "report", required: ["statement", "source", "attribution", "text"], optional: ["via", "said", "by"]);
                var (statement, by) = Speaker(file, e, speakers);
                return new Located(
                    new ReportStatement(negotiationId, statement, by, e.Text("source"), e.Word<Attribution>("attribution") ?? default, e.Text("text"), e.OptionalText("via"), e.Date("said")),
                    line, $"report of {statement} by {e.Text("source")}");
            }

            case "retraction":
            {
                var e = file.Entry(body, "retraction", required: ["statement", "reason"], optional: ["said", "by"]);
                var (statement, by) = Speaker(file, e, speakers);
                return new Located(new RetractStatement(negotiationId, statement, by, e.Text("reason"), e.Date("said")), line, $"retraction of {statement}");
            }

            case "denial":
            {
                var e = file.Entry(body, "denial", required: ["statement", "reason"], optional: ["said", "by"]);
                var (statement, by) = Speaker(file, e, speakers);
                return new Located(new DenyStatement(negotiationId, statement, by, e.Text("reason"), e.Date("said")), line, $"denial of {statement}");
            }

            case "clarification":
            {
                var e = file.Entry(body, "clarification", required: ["statement", "text"], optional: ["said", "by"]);
                var (statement, by) = Speaker(file, e, speakers);
                return new Located(new ClarifyStatement(negotiationId, statement, by, e.Text("text"), e.Date("said")), line, $"clarification of {statement}");
            }

            case "correction":
            {
                var e = file.Entry(body, "correction", required: ["statement", "source", "text"], optional: ["said", "by"]);
                var (statement, by) = Speaker(file, e, speakers);
                return new Located(new CorrectReport(negotiationId, statement, by, e.Text("source"), e.Text("text"), e.Date("said")), line, $"correction of {statement} by {e.Text("source")}");
            }

            case "amendment":
            {
                var e = file.Entry(body, "amendment", required: ["statement", "field", "from", "to", "reason"], optional: ["by"]);
                var (statement, by) = Speaker(file, e, speakers);
                return new Located(new AmendRecord(negotiationId, statement, by, e.Text("field"), e.Text("from"), e.Text("to"), e.Text("reason")), line, $"amendment of {statement}");
            }

            case "void":
            {
                var e = file.Entry(body, "void", required: ["statement", "reason"], optional: ["by"]);
                var (statement, by) = Speaker(file, e, speakers);
                return new Located(new VoidRecord(negotiationId, statement, by, e.Text("reason")), line, $"void of {statement}");
            }

            case "duplicate":
            {
                var e = file.Entry(body, "duplicate", required: ["statement", "of", "reason"], optional: ["linked", "by"]);
                var (statement, by) = Speaker(file, e, speakers);
                var flag = e.OptionalText("linked");
                if (flag is not (null or "true" or "false"))
                {
                    file.Error(body, $"duplicate: linked '{flag}' must be true or false");
                    return null;
                }

                var linked = flag != "false";
                return linked
                    ? new Located(new LinkDuplicate(negotiationId, statement, by, e.Text("of"), e.Text("reason")), line, $"duplicate link of {statement}")
                    : new Located(new UnlinkDuplicate(negotiationId, statement, by, e.Text("of"), e.Text("reason")), line, $"duplicate unlink of {statement}");
            }

            case "grade":
            {
                var e = file.Entry(body, "grade", required: ["reason"], optional: ["statement", "credibility", "source", "reliability", "by"]);
                if (e.Has("source") && e.Has("reliability") && !e.Has("statement") && !e.Has("credibility") && !e.Has("by"))
                {
                    var reliability = e.Text("reliability");
                    if (reliability.Length != 1)
                    {
                        file.Error(body, $"grade: reliability '{reliability}' is not one letter from A (completely reliable) to F (cannot be judged)");
                        return null;
                    }

                    return new Located(new GradeSource(negotiationId, e.Text("source"), reliability[0], e.Text("reason")), line, $"grade of source {e.Text("source")}");
                }

                if (e.Has("statement") && e.Has("credibility") && !e.Has("source") && !e.Has("reliability"))
                {
                    var (statement, by) = Speaker(file, e, speakers);
                    if (!int.TryParse(e.Text("credibility"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var credibility))
                    {
                        file.Error(body, $"grade: credibility '{e.Text("credibility")}' is not a number from 1 (confirmed) to 6 (cannot be judged)");
                        return null;
                    }

                    return new Located(new GradeStatement(negotiationId, statement, by, credibility, e.Text("reason")), line, $"grade of {statement}");
                }

                file.Error(body, "grade: give either statement and credibility (1-6), or source and reliability (A-F), not keys of both");
                return null;
            }

            default:
                file.Error(node, $"unknown event '{kind}': use one of {string.Join(", ", EventKinds)}");
                return null;
        }
    }

    /// <summary>The statement a correction is about, and the party that made it (from the file, or the entry's `by`).</summary>
    private static (string Statement, string By) Speaker(Reading file, Entry entry, Dictionary<string, string> speakers)
    {
        var statement = entry.Text("statement");
        if (entry.OptionalText("by") is { } by)
        {
            return (statement, by);
        }

        if (speakers.TryGetValue(statement, out var speaker))
        {
            return (statement, speaker);
        }

        file.Error(entry.Node, $"statement {statement} is not made earlier in this file: say which party made it with `by`");
        return (statement, "");
    }

    private static List<Term> ReadTerms(Reading file, Entry entry) =>
        entry.List("terms").Select(t =>
        {
            var term = file.Entry(t, "term", required: ["issue", "text"]);
            return new Term(term.Text("issue"), term.Text("text"));
        }).ToList();

    internal static int Line(YamlNode node) => (int)node.Start.Line;

    /// <summary>Passes the parser's events on, and stops at the first list or mapping nested deeper than <see cref="MaxNesting"/>.</summary>
    private sealed class NestingLimit(IParser parser) : IParser
    {
        private int depth;

        /// <summary>The line of the last event read, where an error the parser does not place belongs.</summary>
        public int Line { get; private set; } = 1;

        public ParsingEvent? Current => parser.Current;

        public bool MoveNext()
        {
            if (!parser.MoveNext())
            {
                return false;
            }

            Line = (int)parser.Current!.Start.Line;
            switch (parser.Current)
            {
                case MappingStart or SequenceStart when ++depth > MaxNesting:
                    throw new YamlException(parser.Current.Start, parser.Current.End,
                        $"lists and mappings are nested more than {MaxNesting} deep; a seed file needs far fewer levels");
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }

            return true;
        }
    }

    /// <summary>The file being read and the errors found so far.</summary>
    private sealed class Reading(string name, List<SeedError> errors)
    {
        public void Error(YamlNode node, string message) => errors.Add(new SeedError(name, Line(node), message));

        public Entry Entry(YamlNode node, string what, string[] required, string[]? optional = null)
        {
            if (node is not YamlMappingNode mapping)
            {
                Error(node, $"{what} must be a mapping of keys to values");
                return new Entry(this, node, what, []);
            }

            var values = new Dictionary<string, YamlNode>();
            foreach (var (key, value) in mapping.Children)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (!required.Contains(name) && optional?.Contains(name) != true)
                {
                    Error(key, $"{what}: unknown key '{name}' (expected {string.Join(", ", required.Concat(optional ?? []))})");
                    continue;
                }

                values[name] = value;
            }

            foreach (var missing in required.Where(k => !values.ContainsKey(k)))
            {
                Error(node, $"{what}: missing required key '{missing}'");
            }

            foreach (var empty in required.Where(k => values.TryGetValue(k, out var v) && SeedFileReader.Entry.IsNull(v)))
            {
                Error(values[empty], $"{what}: {empty} has no value");
            }

            return new Entry(this, node, what, values);
        }
    }

    /// <summary>One mapping of the file. Its readers report a problem and return a placeholder, so reading goes on to find the next one.</summary>
    private sealed class Entry(Reading file, YamlNode node, string what, Dictionary<string, YamlNode> values)
    {
        public YamlNode Node => node;

        public bool Has(string key) => values.ContainsKey(key) && !IsNull(values[key]);

        public YamlMappingNode? Map(string key)
        {
            if (!values.TryGetValue(key, out var value))
            {
                return null;
            }

            if (value is YamlMappingNode mapping)
            {
                return mapping;
            }

            file.Error(value, $"{what}: {key} must be a mapping");
            return null;
        }

        public IReadOnlyList<YamlNode> List(string key)
        {
            if (!values.TryGetValue(key, out var value) || IsNull(value))
            {
                return [];
            }

            if (value is YamlSequenceNode sequence)
            {
                return sequence.Children.ToList();
            }

            file.Error(value, $"{what}: {key} must be a list");
            return [];
        }

        public string Text(string key) => OptionalText(key) ?? "";

        public string? OptionalText(string key)
        {
            if (!values.TryGetValue(key, out var value) || IsNull(value))
            {
                return null;
            }

            if (value is YamlScalarNode scalar)
            {
                return scalar.Value;
            }

            file.Error(value, $"{what}: {key} must be a single value, not a list or mapping");
            return null;
        }

        public List<string> Texts(string key) =>
            List(key).Select(n =>
            {
                if (n is YamlScalarNode { Value: { } v })
                {
                    return v;
                }

                file.Error(n, $"{what}: every entry of {key} must be a single value");
                return "";
            }).ToList();

        public PartialDate? Date(string key)
        {
            var text = OptionalText(key);
            if (text is null)
            {
                return null;
            }

            if (PartialDate.TryParse(text, out var date))
            {
                return date;
            }

            file.Error(values[key], $"{what}: {key} '{text}' is not a date: use 2024, 2024-09, 2024-09-27 or an ISO-8601 instant with a zone");
            return null;
        }

        public TEnum? Word<TEnum>(string key) where TEnum : struct, Enum
        {
            var text = OptionalText(key);
            if (text is null)
            {
                return null;
            }

            if (Vocabulary.TryParse<TEnum>(text, out var value))
            {
                return value;
            }

            file.Error(values[key], $"{what}: {key} '{text}' is not one of {Vocabulary.Choices<TEnum>()}");
            return null;
        }

        public static bool IsNull(YamlNode node) => node is YamlScalarNode { Value: null or "" or "~" or "null", Style: ScalarStyle.Plain };
    }
}
