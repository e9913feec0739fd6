using System.Text.Json;
using NegotiationTracker.Grains.Integrity;

namespace NegotiationTracker.IntegrationTests.Integrity;

public sealed class when_the_ledger_is_verified_on_the_command_line(CommandLineVerificationFixture cli) : IClassFixture<CommandLineVerificationFixture>
{
    [Fact]
    public void a_clean_ledger_verifies_with_exit_code_0()
    {
        cli.Clean.ExitCode.ShouldBe(0, cli.Clean.Error);
        cli.Clean.Out.ShouldContain("Verified");
    }

    [Fact]
    public async Task the_exported_checkpoint_is_a_small_json_file()
    {
        cli.Export.ExitCode.ShouldBe(0, cli.Export.Error);

        var checkpoint = CheckpointFile.Parse(await File.ReadAllTextAsync(cli.CheckpointPath));

        checkpoint.EventCount.ShouldBeGreaterThan(0);
        new FileInfo(cli.CheckpointPath).Length.ShouldBeLessThan(1024);
    }

    [Fact]
    public void the_log_grown_since_the_export_still_extends_it() => cli.Extended.ExitCode.ShouldBe(0, cli.Extended.Out + cli.Extended.Error);

    [Fact]
    public void an_edited_event_exits_5_with_its_stream_version_and_sequence_in_the_table()
    {
        cli.Tampered.ExitCode.ShouldBe(5, cli.Tampered.Error);

        var row = cli.Tampered.Out.Split('\n').Where(line => line.Contains("content-changed")).ShouldHaveSingleItem();
        row.ShouldContain(cli.Edited.Stream);
        row.ShouldContain($" {cli.Edited.Version} ");
        row.ShouldContain($" {cli.Edited.Sequence} ");
    }

    [Fact]
    public void json_output_lists_the_finding()
    {
        cli.TamperedAsJson.ExitCode.ShouldBe(5, cli.TamperedAsJson.Error);

        using var json = JsonDocument.Parse(cli.TamperedAsJson.Out);
        json.RootElement.GetProperty("clean").GetBoolean().ShouldBeFalse();
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("kind").GetString() == "content-changed").ShouldHaveSingleItem();
        finding.GetProperty("stream").GetString().ShouldBe(cli.Edited.Stream);
        finding.GetProperty("version").GetInt64().ShouldBe(cli.Edited.Version);
        finding.GetProperty("sequence").GetInt64().ShouldBe(cli.Edited.Sequence);
    }

    [Fact]
    public void verifying_the_negotiation_alone_finds_it_too()
    {
        cli.TamperedNegotiation.ExitCode.ShouldBe(5, cli.TamperedNegotiation.Error);
        cli.TamperedNegotiation.Out.ShouldContain(cli.Edited.Stream);
    }

    [Fact]
    public void the_checkpoint_file_exposes_a_change_to_an_event_it_covers()
    {
        cli.TamperedAgainstTheFile.ExitCode.ShouldBe(5, cli.TamperedAgainstTheFile.Error);

        using var json = JsonDocument.Parse(cli.TamperedAgainstTheFile.Out);
        json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("kind").GetString())
            .ShouldBe(["content-changed", "checkpoint-mismatch", "checkpoint-mismatch"], ignoreOrder: true);
    }

    [Fact]
    public void a_negotiation_not_in_the_ledger_is_not_found() => cli.UnknownNegotiation.ExitCode.ShouldBe(3);
}
