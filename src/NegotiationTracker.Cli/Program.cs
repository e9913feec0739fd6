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
    TimelineCommand.Create(),
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

return await root.Parse(args).InvokeAsync();
