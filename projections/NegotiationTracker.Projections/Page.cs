namespace NegotiationTracker.Projections;

/// <summary>One page of a longer list, and how many items the whole list holds.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total);
