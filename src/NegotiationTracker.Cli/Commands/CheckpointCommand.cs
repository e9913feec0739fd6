using System.CommandLine;
using NegotiationTracker.Grains.Integrity;
using Spectre.Console;

namespace NegotiationTracker.Cli.Commands;

public static class CheckpointCommand
{
    public static Command Create()
    {
        var create = new Command("create", "Fix the whole log's Merkle root as a checkpoint, stored as an event in ledger/checkpoints");
        create.SetAction((result, cancellationToken) => Terminal.RunAsync(async () =>
        {
            using var store = await Ledger.OpenStoreAsync(GlobalOptions.ForDatabase(result, "checkpoint create"), cancellationToken);
            var checkpoint = await CreateAsync(new LedgerCheckpoints(store), cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"Checkpoint: {checkpoint.EventCount:N0} events up to sequence {checkpoint.UpToSequence}, root {checkpoint.RootHash}.");
        }));

        var output = new Option<FileInfo?>("--out") { Description = "Write the checkpoint file here (default: stdout)" };
        var export = new Command("export", "The latest checkpoint (one is created first if there is none) as a small JSON file to keep elsewhere") { output };
        export.SetAction((result, cancellationToken) => Terminal.RunAsync(async () =>
        {
            using var store = await Ledger.OpenStoreAsync(GlobalOptions.ForDatabase(result, "checkpoint export"), cancellationToken);
            var checkpoints = new LedgerCheckpoints(store);
            var checkpoint = await checkpoints.LatestAsync(cancellationToken) ?? await CreateAsync(checkpoints, cancellationToken);
            var json = CheckpointFile.ToJson(checkpoint);
            if (result.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, json + Environment.NewLine, cancellationToken);
                AnsiConsole.MarkupLineInterpolated($"Exported the checkpoint up to sequence {checkpoint.UpToSequence} ({checkpoint.EventCount:N0} events) to {file.FullName}.");
                return;
            }

            Console.Out.WriteLine(json);
        }));

        return new Command("checkpoint", "Checkpoints of the whole log, to check later that nothing in it was changed") { create, export };
    }

    private static async Task<LogCheckpointed> CreateAsync(LedgerCheckpoints checkpoints, CancellationToken cancellationToken)
    {
        var (checkpoint, report) = await checkpoints.CreateAsync(Ledger.RecordedBy, Guid.NewGuid().ToString("N"), cancellationToken);
        if (!report.Clean)
        {
            // A checkpoint fixes the log as it is; it does not vouch for it.
            await Console.Error.WriteLineAsync($"warning: the log has {report.Findings.Count} finding(s) (see negotiation verify); the checkpoint covers it as it is");
        }

        return checkpoint;
    }
}
