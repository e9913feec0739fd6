using System.Collections.Concurrent;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using NegotiationTracker.SeedFiles;
using Xunit.Abstractions;
using static NegotiationTracker.Domain.Tests.SeedFiles.Seeds;

namespace NegotiationTracker.Domain.Tests.SeedFiles;

/// <summary>
/// Fuzzing the seed-file reader and the import plan after it: junk, and valid files spoiled every way a file can be. Each
/// case ends in a file read and decided (accepted, or refused by a rule) or in a refusal naming the file, a line and the
/// problem; never in another exception, a crash or a hang. <see cref="HostileInput"/> says how to run more cases.
/// </summary>
public sealed class when_hostile_seed_files_are_read(ITestOutputHelper output)
{
    /// <summary>Longer than any case takes on a loaded machine; a case still running then is a hang.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static readonly string RealSeed = File.ReadAllText(RealSeedPath()).ReplaceLineEndings("\n");

    [Fact]
    public void every_file_is_read_or_refused_naming_the_problem()
    {
        var outcomes = new ConcurrentDictionary<string, int>();
        var cases = HostileInput.Cases();

        Prop.ForAll(Arb.From(HostileFiles), file =>
        {
            var outcome = Outcome(file.Bytes);
            outcomes.AddOrUpdate($"{file.Kind} → {outcome}", 1, (_, n) => n + 1);
        }).Check(HostileInput.Run(cases));

        output.WriteLine($"seed-file fuzz: {cases:N0} cases, seed {HostileInput.Seed}");
        foreach (var (total, count) in outcomes.GroupBy(o => o.Key.Split(" → ")[1]).Select(g => (g.Key, g.Sum(o => o.Value))).OrderBy(o => o.Key))
        {
            output.WriteLine($"  {total}: {count:N0}");
        }

        foreach (var (kind, count) in outcomes.OrderBy(o => o.Key))
        {
            output.WriteLine($"    {kind}: {count:N0}");
        }

        outcomes.Values.Sum().ShouldBe(cases);
        // The mutations must leave some files valid, or the test would only ever see the reader's refusals.
        outcomes.Keys.ShouldContain(k => k.EndsWith("accepted"));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[")]
    public void a_flow_collection_left_open_before_a_new_line_is_refused_on_its_line(string opening)
    {
        // Found by the fuzz test above: YamlDotNet's scanner threw InvalidOperationException here, not a YamlException.
        var yaml = Minimal.Replacing("  id: talks\n", $"  id: {opening}talks\n");

        var error = ReadingErrors(yaml).ShouldHaveSingleItem();

        error.Line.ShouldBe(LineOf(yaml, $"id: {opening}talks"));
        error.Message.ShouldStartWith("not valid YAML");
    }

    /// <summary>Reads and decides one file against an empty store; throws on anything but a clean outcome.</summary>
    private static string Outcome(byte[] bytes)
    {
        var reading = Task.Run(() =>
        {
            try
            {
                var errors = CheckAgainstEmptyStore(SeedFileReader.Parse(FileName, bytes));
                errors.ShouldAllBe(e => e.File == FileName && e.Line > 0 && e.Message.Length > 0);
                return errors.Count == 0 ? "accepted" : "refused by a rule";
            }
            catch (SeedFileRejected rejected)
            {
                rejected.Errors.ShouldNotBeEmpty();
                rejected.Errors.ShouldAllBe(e => e.File == FileName && e.Line >= 0 && e.Message.Length > 0);
                return "refused by the reader";
            }
        });
        reading.Wait(Bound).ShouldBeTrue($"reading a file of {bytes.Length:N0} bytes took longer than {Bound}");
        return reading.Result;
    }

    private static Gen<(string Kind, byte[] Bytes)> HostileFiles =>
        Gen.Frequency(
            (6, Kind("spoiled minimal file", Spoiled(Minimal))),
            (3, Kind("spoiled real seed", Spoiled(RealSeed))),
            (1, Kind("junk text", HostileInput.Junk(400))),
            (1, Kind("deeply nested", HostileInput.Nested("negotiation: "))),
            (1, Kind("alias bomb", Gen.Choose(1, 14).Select(AliasBomb))),
            (1, Kind("many documents", Gen.Choose(2, 500).Select(n => string.Concat(Enumerable.Repeat(Minimal + "\n---\n", n))))),
            (1, Gen.OneOf(HostileInput.Bytes(400), HostileInput.WithBrokenUtf8(Minimal), HostileInput.WithBrokenUtf8(RealSeed)).Select(b => ("broken bytes", b))));

    private static Gen<(string, byte[])> Kind(string kind, Gen<string> texts) => texts.Select(t => (kind, Encoding.UTF8.GetBytes(t)));

    /// <summary>A valid file with one thing done to it that an author, an editor or an attacker might do.</summary>
    private static Gen<string> Spoiled(string yaml)
    {
        var lines = yaml.Split('\n');
        var line = Gen.Choose(0, lines.Length - 1);
        return Gen.OneOf(
            HostileInput.Truncated(yaml),
            HostileInput.WithCharacter(yaml),
            line.Select(i => string.Join('\n', lines.Where((_, j) => j != i))),
            line.Select(i => string.Join('\n', lines.Take(i + 1).Concat(lines.Skip(i)))),
            from i in line from j in line select string.Join('\n', lines.Select((l, k) => k == i ? lines[j] : k == j ? lines[i] : l)),
            from i in line from shift in Gen.Elements(-2, -1, 1, 2, 40) select string.Join('\n', lines.Select((l, k) => k != i ? l : shift > 0 ? new string(' ', shift) + l : l.TrimStart())),
            // A value replaced: by hostile text as a YAML string (quoted, so the YAML stays valid), or raw (so it may not).
            from i in line from value in HostileInput.Value from quoted in Gen.Elements(true, false)
            select string.Join('\n', lines.Select((l, k) => k == i && l.IndexOf(": ", StringComparison.Ordinal) is var at and > 0
                ? l[..(at + 2)] + (quoted ? HostileInput.Quoted(value) : value)
                : l)),
            // Statement text, which takes almost anything: markup and SQL must be read as text.
            HostileInput.Value.Select(value => yaml.Contains("text: \"", StringComparison.Ordinal)
                ? ReplaceFirstText(yaml, HostileInput.Quoted(value))
                : yaml));
    }

    private static string ReplaceFirstText(string yaml, string value)
    {
        var at = yaml.IndexOf("text: \"", StringComparison.Ordinal) + "text: ".Length;
        var end = yaml.IndexOf('\n', at);
        return yaml[..at] + value + yaml[end..];
    }

    /// <summary>"Billion laughs": each level is a list of ten aliases of the level below, handed to the reader where a statement's issues go.</summary>
    private static string AliasBomb(int levels)
    {
        var bomb = new StringBuilder("a0: &a0 [\"lol\"]\n");
        for (var level = 1; level <= levels; level++)
        {
            bomb.Append($"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10))}]\n");
        }

        return bomb + Minimal.Replace("\"on\": [troops]", $"\"on\": *a{levels}", StringComparison.Ordinal);
    }
}
