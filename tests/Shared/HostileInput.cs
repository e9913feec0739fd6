using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace NegotiationTracker.Testing;

/// <summary>
/// What the fuzz tests throw at the seed-file reader and the HTTP API: FsCheck generators for junk and for mutations of
/// valid input, and how many cases to run. CI runs <see cref="DefaultCases"/> with a fixed seed, so a failure is found again
/// by running the test again; <c>NEGOTIATION_FUZZ_CASES=100000</c> runs a long variant and <c>NEGOTIATION_FUZZ_SEED=n</c>
/// explores other inputs (the seed is printed with the outcome counts, to replay a failure).
/// </summary>
public static class HostileInput
{
    public const int DefaultCases = 3_000;
    public const ulong DefaultSeed = 20_261_125;

    public static int Cases(int defaultCases = DefaultCases) =>
        int.TryParse(Environment.GetEnvironmentVariable("NEGOTIATION_FUZZ_CASES"), out var cases) && cases > 0 ? cases : defaultCases;

    public static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("NEGOTIATION_FUZZ_SEED"), out var seed) ? seed : DefaultSeed;

    /// <summary>A run of <paramref name="cases"/> cases from the seed; it throws with the counterexample on the first failing case.</summary>
    public static Config Run(int cases) => Config.QuickThrowOnFailure.WithMaxTest(cases).WithReplay(Seed, 0x9E3779B97F4A7C15UL).WithQuietOnSuccess(true);

    /// <summary>Values a field should never hold as they are, or holds only as inert text.</summary>
    public static readonly string[] Values =
    [
        "", " ", "null", "~", "true", "0", "-1", "1e308", "NaN", "99999999999999999999999", "2024-02-30", "2999-01-01", "0000-00-00",
        "'; DROP TABLE mt_events; --", "\" OR 1=1 --", "1); DELETE FROM mt_streams; --", "$$; select pg_sleep(10); $$",
        "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "\"><svg onload=alert(3)>", "&lt;&amp;&#x27;", "{{7*7}}", "${jndi:ldap://x}",
        "fill\u0000the dam", "fill \u202Ethe dam", "\u2066isolated\u2069", "\uFEFFbom", "\u200Bzero-width", "line\rbreak", "tab\there",
        "\uD800lone surrogate", "\uDC00low surrogate", "ÿ\u00e9\u4e2d\u6587\U0001F600", "../../etc/passwd", "%00", "%s%s%s%n",
        new string('a', 20_001), new string('x', 301), new string('é', 5_000), string.Concat(Enumerable.Repeat("<b>", 3_000)),
    ];

    /// <summary>Characters that break parsers: quotes, brackets, YAML indicators, controls, BiDi, surrogates.</summary>
    public static readonly char[] Characters =
    [
        '\0', '\u0001', '\u0007', '\b', '\t', '\n', '\r', '\u001B', '\u007F', '\u0085', '\u00A0', '\u200B', '\u200E', '\u202A', '\u202E', '\u2028', '\u2066',
        '\uFEFF', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF', '"', '\'', '\\', '{', '}', '[', ']', ':', ',', '-', '?', '#', '&', '*', '!', '|', '>', '%', '@', '`',
        '<', '/', ';', ' ', 'a', 'Z', '9', 'é',
    ];

    public static Gen<string> Value => Gen.Elements(Values);

    public static Gen<char> Character => Gen.Elements(Characters);

    /// <summary>Text of hostile characters, up to <paramref name="maxLength"/> long.</summary>
    public static Gen<string> Junk(int maxLength) =>
        from length in Gen.Choose(0, maxLength)
        from characters in Gen.ArrayOf(Character, length)
        select new string(characters);

    /// <summary>Bytes of anything, up to <paramref name="maxLength"/> long, most of them not UTF-8.</summary>
    public static Gen<byte[]> Bytes(int maxLength) =>
        from length in Gen.Choose(0, maxLength)
        from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length)
        select bytes;

    /// <summary>The text cut short anywhere.</summary>
    public static Gen<string> Truncated(string text) => Gen.Choose(0, text.Length).Select(n => text[..n]);

    /// <summary>The text with one hostile character put in anywhere.</summary>
    public static Gen<string> WithCharacter(string text) =>
        from at in Gen.Choose(0, text.Length)
        from c in Character
        select text.Insert(at, c.ToString());

    /// <summary>Valid UTF-8 with one or more bytes overwritten by bytes that cannot stand where they are (continuation bytes, overlong forms, 0xFF).</summary>
    public static Gen<byte[]> WithBrokenUtf8(string text) =>
        from at in Gen.Choose(0, Math.Max(0, Encoding.UTF8.GetByteCount(text) - 1))
        from bad in Gen.Elements<byte[]>([0x80], [0xC3, 0x28], [0xC0, 0xAF], [0xE2, 0x28, 0xA1], [0xED, 0xA0, 0x80], [0xF8], [0xFF, 0xFE])
        select Splice(Encoding.UTF8.GetBytes(text), at, bad);

    /// <summary>Lists and mappings nested <c>depth</c> deep, flow or block style.</summary>
    public static Gen<string> Nested(string prefix) =>
        from depth in Gen.Frequency((3, Gen.Choose(1, 64)), (2, Gen.Choose(64, 5_000)), (1, Gen.Choose(5_000, 200_000)))
        from style in Gen.Elements("[", "{a: ", "- ")
        select style switch
        {
            "[" => prefix + new string('[', depth) + new string(']', depth),
            "{a: " => prefix + string.Concat(Enumerable.Repeat("{a: ", depth)) + "b" + new string('}', depth),
            // Block style grows with the square of the depth: kept to a size a request may have.
            _ => prefix + "\n" + string.Concat(Enumerable.Range(1, Math.Min(depth, 1_000)).Select(i => new string(' ', i) + "-\n")),
        };

    private static byte[] Splice(byte[] bytes, int at, byte[] bad)
    {
        var result = bytes.ToArray();
        for (var i = 0; i < bad.Length && at + i < result.Length; i++)
        {
            result[at + i] = bad[i];
        }

        return result.Length == 0 ? bad : result;
    }

    /// <summary>
    /// A double-quoted string, valid in JSON and in YAML alike, escaping only what neither takes raw: the hostile characters
    /// arrive as they are, and a lone surrogate (which no serializer writes) as its escape.
    /// </summary>
    public static string Quoted(string value)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(c) || char.IsSurrogate(c) || c is '\uFEFF' or '\uFFFE' or '\uFFFF' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
