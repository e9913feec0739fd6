using NegotiationTracker.Infrastructure.Postgres;
using NegotiationTracker.SeedFiles;
using Spectre.Console;

namespace NegotiationTracker.Cli;

/// <summary>Something the user asked for that is not in the ledger.</summary>
public sealed class NotFound(string message) : Exception(message);

/// <summary>Exit codes and error reporting: problems go to stderr as plain sentences, never as stack traces.</summary>
public static class Terminal
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Rejected = 2;
    public const int Missing = 3;
    public const int Unavailable = 4;

    private static readonly IAnsiConsole Errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public static async Task<int> RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            return Ok;
        }
        catch (SeedFileRejected e)
        {
            Errors.MarkupLine("[red]The file was rejected; nothing was appended.[/]");
            foreach (var error in e.Errors)
            {
                Errors.WriteLine(error.ToString());
            }

            return Rejected;
        }
        catch (NotFound e)
        {
            Errors.WriteLine(e.Message);
            return Missing;
        }
        catch (PostgresUnavailableException e)
        {
            Errors.WriteLine(e.Message);
            return Unavailable;
        }
        catch (OperationCanceledException)
        {
            Errors.WriteLine("cancelled");
            return Failed;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException)
        {
            Errors.WriteLine($"the database could not be reached: {e.Message}");
            return Unavailable;
        }
    }
}
