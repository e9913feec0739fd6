using System.CommandLine;
using NegotiationTracker.Cli;
using NegotiationTracker.Cli.Commands;

var root = new RootCommand("negotiation: an event-sourced ledger of policy negotiations")
{
    GlobalOptions.DbOption,
    GlobalOptions.DataDirectoryOption,
    GlobalOptions.ServerOption,
    GlobalOptions.ApiKeyOption,
    ImportCommand.Create(),
    StateCommand.Create(),
    StatementsCommand.Create(),
    SearchCommand.Create(),
    TimelineCommand.Create(),
    PositionsCommand.Create(),
    HistoryCommand.Create(),
    DiffCommand.Create(),
    AuditCommand.Create(),
    DossierCommand.Create(),
    ReportCommand.Create(),
    DemoCommand.Create(),
    ProjectionsCommand.Create(),
    VerifyCommand.Create(),
    CheckpointCommand.Create(),
    ServeCommand.Create(),
    KeysCommand.Create(),
};

var parsed = root.Parse(args);

// A usage mistake is exit 2, as docs/cli.md promises, told in plain lines: every problem the parser found, then where help is.
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine(error.Message);
    }

    Console.Error.WriteLine($"Run '{string.Join(' ', parsed.CommandResult.Command.Name == root.Name ? "negotiation" : $"negotiation {parsed.CommandResult.Command.Name}")} --help' for usage.");
    return Terminal.Rejected;
}

return await parsed.InvokeAsync();
