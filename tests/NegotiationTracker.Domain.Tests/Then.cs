using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Tests;

/// <summary>Assertions on a <see cref="Decision"/>: what was appended, or why nothing was.</summary>
public static class Then
{
    /// <summary>The command was allowed and appends exactly one event, of type <typeparamref name="TEvent"/>.</summary>
    public static TEvent ShouldAppendOnly<TEvent>(this Decision decision)
    {
        decision.Rejection.ShouldBeNull();
        decision.Events.Count.ShouldBe(1);
        return decision.Events[0].ShouldBeOfType<TEvent>();
    }

    /// <summary>The command was allowed but the fact is already recorded: nothing is appended.</summary>
    public static void ShouldAppendNothing(this Decision decision)
    {
        decision.Rejection.ShouldBeNull();
        decision.Events.ShouldBeEmpty();
    }

    /// <summary>The command was refused with the given code; a refusal never appends.</summary>
    public static Rejection ShouldBeRejectedAs(this Decision decision, string code)
    {
        var rejection = decision.Rejection.ShouldNotBeNull();
        rejection.Code.ShouldBe(code);
        decision.Events.ShouldBeEmpty();
        return rejection;
    }

    /// <summary>The command was refused because of one field, named by the rejection.</summary>
    public static Rejection ShouldBeInvalid(this Decision decision, string field)
    {
        var rejection = decision.ShouldBeRejectedAs("invalid-field");
        rejection.Field.ShouldBe(field);
        return rejection;
    }
}
