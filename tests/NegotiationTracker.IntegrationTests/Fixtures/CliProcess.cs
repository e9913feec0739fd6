namespace NegotiationTracker.IntegrationTests.Fixtures;

/// <summary>The real `negotiation` program against one test database (<c>--db</c>), as a user would run it.</summary>
public static class CliProcess
{
    public static Task<CliOutput> RunAsync(string connectionString, params string[] args) =>
        NegotiationProgram.RunAsync([.. args, "--db", connectionString]);

    /// <summary>
    /// A refusal: a non-zero exit (the code given, where the test pins one; a command line the parser refuses exits with
    /// the parser's own), the message on stderr and nothing on stdout.
    /// </summary>
    public static void ShouldBeARefusal(this CliOutput result, string message, int? exitCode = null)
    {
        result.ExitCode.ShouldNotBe(0, result.ToString());
        if (exitCode is { } code)
        {
            result.ExitCode.ShouldBe(code, result.ToString());
        }

        result.Error.ShouldContain(message);
        result.Out.ShouldBeEmpty();
    }
}
