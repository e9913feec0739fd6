namespace NegotiationTracker.IntegrationTests.Fixtures;

/// <summary>The real `negotiation` program against one test database (<c>--db</c>), as a user would run it.</summary>
public static class CliProcess
{
    public static Task<CliOutput> RunAsync(string connectionString, params string[] args) =>
        NegotiationProgram.RunAsync([.. args, "--db", connectionString]);
}
