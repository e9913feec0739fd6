using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Negotiations;
using NegotiationTracker.Domain.Parties;
using static NegotiationTracker.Domain.Tests.Given;

namespace NegotiationTracker.Domain.Tests.Corrections;

/// <summary>
/// What corrections start from: iraq's prime minister said one thing, recorded three times (from article, nyt and reuters),
/// and something else on no issue. Every state is folded from events the deciders allowed.
/// </summary>
public static class Recorded
{
    /// <summary>The statement as first recorded, cited to article.</summary>
    public const string Made = "sudani-us-forces-unnecessary";

    /// <summary>A second record of the same utterance, cited to nyt.</summary>
    public const string Again = "sudani-us-forces-unnecessary-nyt";

    /// <summary>A third record of the same utterance, cited to reuters.</summary>
    public const string Thrice = "sudani-us-forces-unnecessary-reuters";

    /// <summary>Another statement, on no issue and taking no stance.</summary>
    public const string Aside = "sudani-isis-warning";

    /// <summary>A statement iraq never made.</summary>
    public const string Unspoken = "sudani-never-said";

    /// <summary>iraq has joined a negotiation on two issues that cites three sources.</summary>
    public static Negotiation In() =>
        OpenedNegotiation("us-troop-presence", "isis-resurgence-risk").WithMembers("us", "iraq").WithSource("article").WithSource("nyt").WithSource("reuters");

    /// <summary>iraq, with its prime minister and its foreign minister.</summary>
    public static Party Iraq() => RegisteredParty("iraq", "al-sudani", "hussein");

    public static MakeStatement Original() => Statement() with { SpeakerId = "al-sudani", SourceId = "article" };

    public static MakeStatement AsideStatement() => Statement(Aside) with
    {
        Kind = StatementKind.Warning,
        Stance = null,
        IssueIds = [],
        Text = "ISIS could return if the coalition leaves too soon.",
    };

    /// <summary>iraq after all four statements were made.</summary>
    public static Party Spoken() => Iraq().Saying(
        Original(),
        Original() with { StatementId = Again, SourceId = "nyt" },
        Original() with { StatementId = Thrice, SourceId = "reuters" },
        AsideStatement());

    public static StatementMade AsMade(this Party party, string statementId = Made) => party.Statements[Party.StatementKey(NegotiationId, statementId)];

    public static StatementMade Reading(this Party party, string statementId = Made) => party.CurrentReading(NegotiationId, statementId).ShouldNotBeNull();

    public static Standing StandingOf(this Party party, string statementId = Made) => party.StandingOf(NegotiationId, statementId);

    public static Party Saying(this Party party, params MakeStatement[] statements) =>
        statements.Aggregate(party, (p, s) => p.After(PartyDecider.Decide(s, p, In(), Now)));

    /// <summary>The party once each command was decided, in order, and allowed.</summary>
    public static Party Corrected(this Party party, params object[] commands) =>
        commands.Aggregate(party, (p, c) => p.After(Decide(c, p)));

    /// <summary>Decides a correction as the party grain would, in <see cref="In"/> at <see cref="Given.Now"/>.</summary>
    public static Decision Decide(object command, Party? party) => command switch
    {
        RetractStatement c => PartyDecider.Decide(c, party, Now),
        DenyStatement c => PartyDecider.Decide(c, party, Now),
        ClarifyStatement c => PartyDecider.Decide(c, party, Now),
        ReportStatement c => PartyDecider.Decide(c, party, In(), Now),
        CorrectReport c => PartyDecider.Decide(c, party, Now),
        AmendRecord c => PartyDecider.Decide(c, party, In(), Now),
        VoidRecord c => PartyDecider.Decide(c, party),
        LinkDuplicate c => PartyDecider.Decide(c, party),
        UnlinkDuplicate c => PartyDecider.Decide(c, party),
        GradeStatement c => PartyDecider.Decide(c, party),
        _ => throw new ArgumentException($"{command.GetType().Name} is not a correction", nameof(command)),
    };

    /// <summary>Decides against <see cref="Spoken"/>.</summary>
    public static Decision Decide(object command) => Decide(command, Spoken());

    public static RetractStatement Retraction(string reason = "Walked back after meeting the U.S. envoy.", string statementId = Made, PartialDate? said = null) =>
        new(NegotiationId, statementId, "iraq", reason, said ?? September2024);

    public static DenyStatement Denial(string reason = "His office says he was misquoted.", string statementId = Made, PartialDate? said = null) =>
        new(NegotiationId, statementId, "iraq", reason, said ?? September2024);

    public static ClarifyStatement Clarification(string text = "He meant combat troops, not advisers.", string statementId = Made, PartialDate? said = null) =>
        new(NegotiationId, statementId, "iraq", text, said ?? September2024);

    public static ReportStatement Report(string sourceId = "nyt", string text = "Iraq no longer needs U.S. forces, officials said.", string statementId = Made, PartialDate? said = null) =>
        new(NegotiationId, statementId, "iraq", sourceId, Attribution.Reported, text, "unnamed Iraqi officials", said ?? September2024);

    public static CorrectReport ReportCorrection(string sourceId = "article", string text = "An earlier version misstated the date of the interview.", string statementId = Made, PartialDate? said = null) =>
        new(NegotiationId, statementId, "iraq", sourceId, text, said ?? September2024);

    public static AmendRecord Amendment(string field = "stance", string from = "opposes", string to = "conditional", string reason = "The full interview makes the stance conditional.", string statementId = Made) =>
        new(NegotiationId, statementId, "iraq", field, from, to, reason);

    public static VoidRecord Voiding(string reason = "Entered against the wrong party.", string statementId = Made) =>
        new(NegotiationId, statementId, "iraq", reason);

    public static LinkDuplicate Link(string statementId = Again, string of = Made, string reason = "The same interview, recorded from two outlets.") =>
        new(NegotiationId, statementId, "iraq", of, reason);

    public static UnlinkDuplicate Unlink(string statementId = Again, string of = Made, string reason = "Two interviews after all, a week apart.") =>
        new(NegotiationId, statementId, "iraq", of, reason);

    public static GradeStatement Grade(int credibility = 2, string reason = "Confirmed by two independent outlets.", string statementId = Made) =>
        new(NegotiationId, statementId, "iraq", credibility, reason);
}

/// <summary>
/// One kind of correction, for the rules every kind shares: the command on a given statement with a given text, the event it
/// appends, the field its text is checked as, and the state in which it is allowed.
/// </summary>
public sealed record CorrectionKind(string Name, Type Event, string TextField, string Statement, Func<string, string?, object> Command, Func<Party> Before)
{
    public static readonly IReadOnlyList<CorrectionKind> All =
    [
        new("retraction", typeof(StatementRetracted), "reason", Recorded.Made,
            (id, text) => text is null ? Recorded.Retraction(statementId: id) : Recorded.Retraction(text, id), Recorded.Spoken),
        new("denial", typeof(StatementDenied), "reason", Recorded.Made,
            (id, text) => text is null ? Recorded.Denial(statementId: id) : Recorded.Denial(text, id), Recorded.Spoken),
        new("clarification", typeof(StatementClarified), "clarification", Recorded.Made,
            (id, text) => text is null ? Recorded.Clarification(statementId: id) : Recorded.Clarification(text, id), Recorded.Spoken),
        new("report", typeof(StatementReported), "text", Recorded.Made,
            (id, text) => text is null ? Recorded.Report(statementId: id) : Recorded.Report(text: text, statementId: id), Recorded.Spoken),
        new("report correction", typeof(ReportCorrected), "correction", Recorded.Made,
            (id, text) => text is null ? Recorded.ReportCorrection(statementId: id) : Recorded.ReportCorrection(text: text, statementId: id), Recorded.Spoken),
        new("amendment", typeof(RecordAmended), "reason", Recorded.Made,
            (id, text) => text is null ? Recorded.Amendment(statementId: id) : Recorded.Amendment(reason: text, statementId: id), Recorded.Spoken),
        new("void", typeof(RecordVoided), "reason", Recorded.Made,
            (id, text) => text is null ? Recorded.Voiding(statementId: id) : Recorded.Voiding(text, id), Recorded.Spoken),
        new("duplicate link", typeof(DuplicateLinked), "reason", Recorded.Again,
            (id, text) => text is null ? Recorded.Link(statementId: id) : Recorded.Link(statementId: id, reason: text), Recorded.Spoken),
        new("duplicate unlink", typeof(DuplicateUnlinked), "reason", Recorded.Again,
            (id, text) => text is null ? Recorded.Unlink(statementId: id) : Recorded.Unlink(statementId: id, reason: text), () => Recorded.Spoken().Corrected(Recorded.Link())),
        new("grade", typeof(StatementGraded), "reason", Recorded.Made,
            (id, text) => text is null ? Recorded.Grade(statementId: id) : Recorded.Grade(reason: text, statementId: id), Recorded.Spoken),
    ];

    public static CorrectionKind Named(string name) => All.Single(k => k.Name == name);

    /// <summary>The correction of its usual statement, with its usual text.</summary>
    public object Usual() => Command(Statement, null);

    public override string ToString() => Name;
}
