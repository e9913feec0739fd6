namespace NegotiationTracker.Domain.Common;

/// <summary>
/// An event that says when it happened in the world, as opposed to when it was recorded. The replay's <c>--as-of</c> clock
/// reads it; a new event that has a said date implements it where it is declared.
/// </summary>
/// <remarks>
/// The seal has its own frozen list of said dates (<c>SaidDate</c> in the write side's integrity code): what it covers must
/// not move when this interface gains an implementation.
/// </remarks>
public interface IHappened
{
    PartialDate? Said { get; }
}
