using System.CommandLine;
using System.Text;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using NegotiationTracker.Grains;
using NegotiationTracker.Grains.Import;
using NegotiationTracker.SeedFiles;
using Spectre.Console;

namespace NegotiationTracker.Cli.Commands;

public static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Seed file (YAML) to import" };
        var command = new Command("import", "Import a seed file through the grains; re-importing appends nothing") { file };
        command.SetAction((result, cancellationToken) => Terminal.RunAsync(async () =>
        {
            var options = GlobalOptions.From(result);
            var path = result.GetValue(file)!.FullName;
            using var server = ServerClient.For(options);
            var imported = server is null ? await RunAsync(options, path, cancellationToken) : await ThroughServerAsync(server, path, cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"Imported [bold]{imported.NegotiationId}[/]: {imported.EventsAppended} events appended ({imported.Steps} entries checked).");
        }));
        return command;
    }

    /// <summary>
    /// The server decides the file against its store and records it as appended by the key's holder. The file is read and
    /// checked here first, as on the database path, so a malformed file is refused with the same lines before it is sent;
    /// it is read once, as a FIFO cannot be read twice.
    /// </summary>
    private static async Task<ImportResult> ThroughServerAsync(ServerClient server, string path, CancellationToken cancellationToken)
    {
        var bytes = SeedFileReader.ReadBytes(path);
        SeedFileReader.Parse(path, bytes);
        using var text = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await server.ImportAsync(path, await text.ReadToEndAsync(cancellationToken), cancellationToken);
    }

    public static async Task<ImportResult> RunAsync(GlobalOptions options, string path, CancellationToken cancellationToken)
    {
        // Read and check the file before anything starts: a bad file is refused in milliseconds, with no silo and no database.
        var seed = SeedFileReader.Read(path);
        using var host = await Ledger.StartSiloAsync(options, cancellationToken);
        var import = host.Services.GetRequiredService<ImportSeedFile>();
        var recording = Recording.By(Ledger.RecordedBy);
        var steps = seed.Steps().Count;
        ImportResult? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Importing {Path.GetFileName(path)}", maxValue: steps);
                var progress = new Progress<ImportProgress>(p => task.Value = p.StepsDone);
                result = await import.ImportAsync(seed, recording, progress, cancellationToken);
                task.Value = steps;

                // The silo's daemon builds the async views; wait for it, so the next command reads a complete ledger.
                var projecting = context.AddTask("Updating views").IsIndeterminate();
                await host.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(Ledger.CatchUpTimeout);
                projecting.Value = projecting.MaxValue;
            });
        await host.StopAsync(cancellationToken);
        return result!;
    }
}
