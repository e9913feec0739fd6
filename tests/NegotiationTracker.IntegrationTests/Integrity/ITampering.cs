namespace NegotiationTracker.IntegrationTests.Integrity;

/// <summary>A situation in which a ledger was damaged: the test class that describes it says how, once, before its facts run.</summary>
public interface ITampering
{
    /// <returns>The rows as they stood before the damage that the facts will look for in the findings.</returns>
    static abstract Task<IReadOnlyList<EventRow>> TamperAsync(BehindTheLedgersBack database);
}
