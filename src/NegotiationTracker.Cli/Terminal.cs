using NegotiationTracker.Hosting.Postgres;
using NegotiationTracker.SeedFiles;

namespace NegotiationTracker.Cli;

/// <summary>Something the user asked for that is not in the ledger.</summary>
public sealed class NotFound(string message) : Exception(message);

/// <summary>
/// A command that ends with one of the <see cref="Terminal"/> exit codes and the plain lines that say why: a usage mistake
/// the parser cannot see (--server with --db), or a server's answer (a refused key, rejected input, no server there).
/// </summary>
public sealed class CommandFailed(int exitCode, params IReadOnlyList<string> lines) : Exception(string.Join(Environment.NewLine, lines))
{
    public int ExitCode { get; } = exitCode;

    public IReadOnlyList<string> Lines { get; } = lines;
}

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

    /// <summary>The first line of a rejected seed file's errors, whether the CLI or a server rejected it.</summary>
    public const string FileRejected = "The file was rejected; nothing was appended.";

    public static async Task<int> RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            return Ok;
        }
        catch (SeedFileRejected e)
        {
            Console.Error.WriteLine(FileRejected);
            foreach (var error in e.Errors)
            {
                Console.Error.WriteLine(error.ToString());
            }

            return Rejected;
        }
        catch (CommandFailed e)
        {
            foreach (var line in e.Lines)
            {
                Console.Error.WriteLine(line);
            }

            return e.ExitCode;
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
        catch (Exception e) when (Grains.DatabaseUnavailableException.Cause(e) is { } cause)
        {
            // Npgsql's, Marten's and the grains' exceptions alike (an outage during an import arrives through a grain call).
            Console.Error.WriteLine($"the database is unavailable (PostgreSQL could not be reached or did not answer in time): {cause.Message.ReplaceLineEndings(" ")}");
            return Unavailable;
        }
    }
}
