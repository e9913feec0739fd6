using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Grains.Integrity;
using NegotiationTracker.Projections.Dossiers;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Projections.Positions;
using NegotiationTracker.Projections.Statements;
using NegotiationTracker.Projections.Timeline;
using NegotiationTracker.Replay;

namespace NegotiationTracker.Cli;

/// <summary>
/// What the CLI's read commands ask the ledger, answered the same way whether it is reached through its database
/// (<see cref="DatabaseQueries"/>) or through a server (<see cref="ServerClient"/>): each answer is the read model's own
/// type, so both print through the same output code. Something that is not there is thrown as <see cref="NotFound"/>.
/// </summary>
public interface ILedgerQueries : IDisposable
{
    /// <returns>The server of the options when one is given, else their database.</returns>
    static ILedgerQueries For(GlobalOptions options) => ServerClient.For(options) ?? (ILedgerQueries)new DatabaseQueries(options);

    Task<NegotiationState> StateAsync(string id, PartialDate? asOf, PartialDate? knownAt, EvidenceFilter evidence, CancellationToken cancellationToken);

    Task<IReadOnlyList<StatementView>> StatementsAsync(StatementFilter filter, CancellationToken cancellationToken);

    /// <summary>Every statement the search matches, best first (see <see cref="StatementSearch"/>).</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, SearchFilter filter, CancellationToken cancellationToken);

    /// <param name="filter">An audit's filter (<see cref="StatementFilter.Audit"/>): every record, marked.</param>
    Task<IReadOnlyList<StatementView>> AuditAsync(StatementFilter filter, CancellationToken cancellationToken);

    /// <param name="statement">A statement id, or <c>negotiation-id/statement-id</c>, as <c>audit statement</c> takes it.</param>
    Task<StatementAudit> StatementAuditAsync(string statement, string? negotiation, CancellationToken cancellationToken);

    Task<IReadOnlyList<TimelineEntry>> TimelineAsync(string id, CancellationToken cancellationToken);

    /// <summary>How each party's stance on each issue developed, by issue then party: one party's or every party's, on one issue or every issue.</summary>
    Task<IReadOnlyList<PositionHistory>> PositionsAsync(string id, string? party, string? issue, EvidenceFilter evidence, CancellationToken cancellationToken);

    Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string id, CancellationToken cancellationToken);

    Task<NegotiationDiff> DiffAsync(string id, DiffMoments moments, CancellationToken cancellationToken);

    Task<PartyDossier> DossierAsync(string party, int limit, CancellationToken cancellationToken);

    /// <param name="checkpoint">A checkpoint the log must still extend; checked only against the database itself.</param>
    Task<VerificationResult> VerificationAsync(string? negotiation, LogCheckpointed? checkpoint, CancellationToken cancellationToken);

    /// <summary>The brief rendered in one format (markdown, html or json), by the renderers both paths share.</summary>
    /// <param name="latest">How many of the latest statements the brief quotes.</param>
    Task<string> ReportAsync(string id, string format, int latest, EvidenceFilter evidence, CancellationToken cancellationToken);

    /// <summary>The report's CSV tables, each as its file's text, in the order of <c>CsvReport.Tables</c>.</summary>
    Task<IReadOnlyList<(string Table, string Text)>> ReportTablesAsync(string id, EvidenceFilter evidence, CancellationToken cancellationToken);

    /// <summary>The report's workbook (<c>XlsxReport</c>): the CSV tables as its sheets, as the bytes of the .xlsx file.</summary>
    Task<byte[]> ReportWorkbookAsync(string id, EvidenceFilter evidence, CancellationToken cancellationToken);
}
