using NegotiationTracker.Grains.Integrity;

namespace NegotiationTracker.IntegrationTests.Integrity;

public sealed class when_the_log_is_checked_against_a_checkpoint_kept_elsewhere(CheckpointedSeedFixture ledger) : IClassFixture<CheckpointedSeedFixture>
{
    [Fact]
    public void a_log_grown_since_the_export_is_an_extension_of_it()
    {
        ledger.Extended.Findings.ShouldBeEmpty();

        // The file, and the same checkpoint as stored in the ledger.
        ledger.Extended.CheckpointsChecked.ShouldBe(2);
        ledger.Extended.Head.ShouldNotBeNull().EventCount.ShouldBeGreaterThan(ledger.Exported.EventCount);
    }

    [Fact]
    public void a_covered_event_changed_and_resealed_passes_every_chain() =>
        ledger.AfterResealingWithTheFile.Findings.ShouldAllBe(f => f.Kind == FindingKind.CheckpointMismatch);

    [Fact]
    public void the_exported_checkpoint_exposes_it()
    {
        var finding = ledger.AfterResealingWithTheFile.Findings.Where(f => f.Stream == "checkpoint file").ShouldHaveSingleItem();

        finding.Kind.ShouldBe(FindingKind.CheckpointMismatch);
        finding.Sequence.ShouldBe(ledger.Exported.UpToSequence);
        finding.Detail.ShouldContain(ledger.Exported.RootHash);
    }

    [Fact]
    public void the_checkpoint_stored_in_the_ledger_exposes_it_too() =>
        ledger.AfterResealing.Findings.ShouldHaveSingleItem().Stream.ShouldBe(LedgerCheckpoints.Stream);

    [Fact]
    public void the_resealed_event_was_covered_by_the_checkpoint() =>
        ledger.Resealed.Sequence.ShouldBeLessThanOrEqualTo(ledger.Exported.UpToSequence);
}
