namespace NegotiationTracker.Domain.Common;

// The closed vocabularies of the ledger. Stored and printed in camelCase ("principal", "supports").
// Members are only ever added: renaming one would change the meaning of stored events.

public enum PartyKind { State, Government, Faction, Organization, Person, Media }

public enum PartyRole { Principal, Mediator, Stakeholder, Observer, Commentator }

public enum NegotiationStatus { Exploratory, Active, Stalled, Concluded, Collapsed }

public enum StatementKind { Claim, Position, Demand, Offer, Concession, Warning, Assessment, Denial }

public enum Stance { Supports, Opposes, Conditional, Neutral }

public enum Attribution { Quote, Paraphrase, Reported }

public enum Answer { Accept, Reject, Counter }

public static class Vocabulary
{
    /// <summary>The lower-case word for a vocabulary value, as users write it and as it is stored.</summary>
    public static string Word<TEnum>(this TEnum value) where TEnum : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static bool TryParse<TEnum>(string? word, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(word))
        {
            return false;
        }

        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.Word(), word.Trim(), StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    public static string Choices<TEnum>() where TEnum : struct, Enum =>
        string.Join(" | ", Enum.GetValues<TEnum>().Select(v => v.Word()));
}
