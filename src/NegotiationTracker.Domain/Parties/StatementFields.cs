using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;

namespace NegotiationTracker.Domain.Parties;

/// <summary>
/// The fields of a statement record that an amendment may change, as text: lists are comma-separated, and "none" stands for
/// an empty optional value. Amendments carry old and new values as text so they read the same in every audit.
/// </summary>
public static class StatementFields
{
    public const string None = "none";

    public static readonly IReadOnlyList<string> Names = ["text", "kind", "stance", "issues", "attribution", "said", "speaker", "source"];

    public static string Current(StatementMade made, string field) => field switch
    {
        "text" => made.Text,
        "kind" => made.Kind.Word(),
        "stance" => made.Stance?.Word() ?? None,
        "issues" => string.Join(",", made.IssueIds),
        "attribution" => made.Attribution.Word(),
        "said" => made.Said.ToString(),
        "speaker" => made.SpeakerId ?? None,
        "source" => made.SourceId ?? None,
        _ => throw new ArgumentException($"{field} is not an amendable field", nameof(field)),
    };

    /// <summary>Why a new value cannot stand, or null. Rules are those of a statement as first made.</summary>
    public static Rejection? Check(string field, string value, StatementMade made, Party party, Negotiation negotiation, DateTimeOffset now) => field switch
    {
        "text" => Validate.Text("new value", value),
        "kind" => Vocabulary.TryParse<StatementKind>(value, out _) ? null : Invalid($"is not one of {Vocabulary.Choices<StatementKind>()}"),
        "stance" => value == None || Vocabulary.TryParse<Stance>(value, out _)
            ? value != None && made.IssueIds.Count == 0 ? Invalid("needs issues to be a stance on") : null
            : Invalid($"is not one of {Vocabulary.Choices<Stance>()} or {None}"),
        "issues" => Validate.Distinct("new value", Issues(value)) is { } repeated ? repeated
            : Issues(value).FirstOrDefault(i => !negotiation.Issues.ContainsKey(i)) is { } unknown
            ? Invalid($"names {unknown}, which is not an issue of {negotiation.Id}")
            : Issues(value).Count == 0 && made.Stance is not null ? Invalid("leaves a stance without issues") : null,
        "attribution" => Vocabulary.TryParse<Attribution>(value, out _) ? null : Invalid($"is not one of {Vocabulary.Choices<Attribution>()}"),
        "said" => PartialDate.TryParse(value, out var said)
            ? Validate.NotInFuture("new value", said, now)
            : Invalid("is not a date: use 2024, 2024-09, 2024-09-27 or an ISO-8601 instant with a zone"),
        "speaker" => value == None || party.People.ContainsKey(value) ? null : Invalid($"is not one of {party.Id}'s people"),
        "source" => value == None || negotiation.Sources.ContainsKey(value) ? null : Invalid($"is not a source registered in {negotiation.Id}"),
        _ => Rejection.Invalid("field", $"field '{field}' cannot be amended: use one of {string.Join(", ", Names)}"),
    };

    public static StatementMade Amend(StatementMade made, string field, string value) => field switch
    {
        "text" => made with { Text = value },
        "kind" => made with { Kind = Vocabulary.TryParse<StatementKind>(value, out var kind) ? kind : made.Kind },
        "stance" => made with { Stance = Vocabulary.TryParse<Stance>(value, out var stance) ? stance : null },
        "issues" => made with { IssueIds = Issues(value) },
        "attribution" => made with { Attribution = Vocabulary.TryParse<Attribution>(value, out var attribution) ? attribution : made.Attribution },
        "said" => made with { Said = PartialDate.TryParse(value, out var said) ? said : made.Said },
        "speaker" => made with { SpeakerId = value == None ? null : value },
        "source" => made with { SourceId = value == None ? null : value },
        _ => made,
    };

    private static List<string> Issues(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static Rejection Invalid(string problem) => Rejection.Invalid("new value", $"the new value {problem}");
}
