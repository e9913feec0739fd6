using System.Text;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.SeedFiles;
using static NegotiationTracker.Domain.Tests.SeedFiles.Seeds;

namespace NegotiationTracker.Domain.Tests.SeedFiles;

/// <summary>The limits of the seed-file format (README): each holds at its edge, and going over it is an error that says which limit.</summary>
public class when_a_seed_file_reaches_a_limit
{
    private static string WithStatuses(int count) =>
        WithEvents(string.Concat(Enumerable.Repeat("  - status: {to: active, reason: r, said: \"2024-09\"}\n", count)));

    [Fact]
    public void one_event_more_than_an_import_takes_is_refused_naming_the_limit()
    {
        var errors = ReadingErrors(WithStatuses(SeedFileReader.MaxEvents + 1 - 3));

        errors.ShouldHaveSingleItem().Message.ShouldBe($"the file has {SeedFileReader.MaxEvents + 1:N0} events; the limit per import is {SeedFileReader.MaxEvents:N0}");
    }

    [Fact]
    public void as_many_events_as_an_import_takes_are_read()
    {
        // Minimal has three events of its own.
        SeedFileReader.Parse(FileName, WithStatuses(SeedFileReader.MaxEvents - 3)).Events.Count.ShouldBe(SeedFileReader.MaxEvents);
    }

    [Fact]
    public void a_statement_of_20000_characters_is_allowed() =>
        CheckAgainstEmptyStore(Minimal.Replacing("\"U.S. forces are no longer necessary.\"", $"\"{new string('a', Validate.MaxTextLength)}\"")).ShouldBeEmpty();

    [Fact]
    public void a_statement_of_20001_characters_is_refused_naming_the_limit() =>
        CheckAgainstEmptyStore(Minimal.Replacing("\"U.S. forces are no longer necessary.\"", $"\"{new string('a', Validate.MaxTextLength + 1)}\""))
            .ShouldHaveSingleItem().Message.ShouldContain("text is 20001 characters long; the limit is 20000");

    [Fact]
    public void nesting_at_the_limit_is_read_as_far_as_nesting_goes()
    {
        // The file itself is one level; a value nested to the limit is refused for what it is (not a single value), not for its depth.
        var yaml = Minimal.Replacing("title: \"Prime Minister\"", $"title: {new string('[', SeedFileReader.MaxNesting - 5)}x{new string(']', SeedFileReader.MaxNesting - 5)}");

        ReadingErrors(yaml).ShouldHaveSingleItem().Message.ShouldBe("person: title must be a single value, not a list or mapping");
    }

    [Theory]
    [InlineData(SeedFileReader.MaxNesting + 1)]
    [InlineData(200_000)] // over a few thousand levels, YamlDotNet's recursive loading overflowed the stack and ended the process
    public void nesting_deeper_than_the_limit_is_refused_on_its_line(int depth)
    {
        var yaml = Minimal.Replacing("title: \"Prime Minister\"", $"title: {new string('[', depth)}{new string(']', depth)}");

        var error = ReadingErrors(yaml).ShouldHaveSingleItem();

        error.Line.ShouldBe(LineOf(yaml, "title: [["));
        error.Message.ShouldBe($"not valid YAML: lists and mappings are nested more than {SeedFileReader.MaxNesting} deep; a seed file needs far fewer levels");
    }

    [Fact]
    public void bytes_that_are_not_utf8_are_refused_on_their_line_instead_of_becoming_replacement_characters()
    {
        var bytes = Encoding.UTF8.GetBytes(Minimal.Replacing("\"U.S. forces are no longer necessary.\"", "\"U.S. forces are no longer n\u00e9cessary.\""));
        var at = Array.IndexOf(bytes, (byte)0xC3);
        bytes[at + 1] = 0x28; // a lead byte followed by one that cannot continue it

        var error = Should.Throw<SeedFileRejected>(() => SeedFileReader.Parse(FileName, bytes)).Errors.ShouldHaveSingleItem();

        error.Line.ShouldBe(LineOf(Minimal, "U.S. forces are no longer necessary."));
        error.Message.ShouldStartWith($"not UTF-8: byte {at:N0} (0xC3)");
    }

    [Fact]
    public void a_byte_order_mark_is_allowed() =>
        SeedFileReader.Parse(FileName, [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Minimal)]).NegotiationId.ShouldBe("talks");
}
