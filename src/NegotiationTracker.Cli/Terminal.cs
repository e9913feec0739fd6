using NegotiationTracker.Infrastructure.Postgres;
using NegotiationTracker.SeedFiles;

namespace NegotiationTracker.Cli;

/// <summary>Something the user asked for that is not in the ledger.</summary>
public sealed class NotFound(string message) : Exception(message);

/// <summary>
/// Exit codes and error reporting: problems go to stderr as plain, unwrapped lines (file:line: message), never as stack traces,
/// so editors and scripts can read them.
/// </summary>
public static class Terminal
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Rejected = 2;
    public const int Missing = 3;
    public const int Unavailable = 4;

    public static async Task<int> RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            return Ok;
        }
        catch (SeedFileRejected e)
        {
            Console.Error.WriteLine("The file was rejected; nothing was appended.");
            foreach (var error in e.Errors)
            {
                Console.Error.WriteLine(error.ToString());
            }

            return Rejected;
        }
        catch (NotFound e)
        {
            Console.Error.WriteLine(e.Message);
            return Missing;
        }
        catch (PostgresUnavailableException e)
        {
            Console.Error.WriteLine(e.Message);
            return Unavailable;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled");
            return Failed;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException)
        {
            Console.Error.WriteLine($"the database could not be reached: {e.Message}");
            return Unavailable;
        }
    }
}
