using Marten;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Grains.Integrity;
using NegotiationTracker.Projections.Dossiers;
using NegotiationTracker.Projections.Negotiations;
using NegotiationTracker.Projections.Positions;
using NegotiationTracker.Projections.Statements;
using NegotiationTracker.Projections.Timeline;
using NegotiationTracker.Replay;
using NegotiationTracker.Reports;

namespace NegotiationTracker.Cli;

/// <summary>
/// The read commands' questions answered from the database: each calls the read model's own query, the one the server's
/// endpoint calls too, and turns its null (not in the ledger) into <see cref="NotFound"/>.
/// </summary>
public sealed class DatabaseQueries(GlobalOptions options) : ILedgerQueries
{
    // Opened at the first question and kept for the next: the demo asks two.
    private IDocumentStore? store;
    private bool caughtUp;

    public void Dispose() => store?.Dispose();

    public Task<NegotiationState> StateAsync(string id, PartialDate? asOf, PartialDate? knownAt, EvidenceFilter evidence, CancellationToken cancellationToken) =>
        QueryAsync(async session => await NegotiationStates.AtAsync(session, id, asOf, knownAt, evidence, cancellationToken) switch
        {
            null => throw NegotiationNotFound(id),
            { State: { } state } => state,
            { } notOpened => throw new NotFound(notOpened.NotOpened),
        }, cancellationToken);

    public Task<IReadOnlyList<StatementView>> StatementsAsync(StatementFilter filter, CancellationToken cancellationToken) =>
        QueryAsync(async session => await StatementLog.QueryAsync(session, filter, cancellationToken) ?? throw NegotiationNotFound(filter.NegotiationId), cancellationToken);

    /// <summary>Every page of the library's paged query, read in one session.</summary>
    public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, SearchFilter filter, CancellationToken cancellationToken) =>
        QueryAsync<IReadOnlyList<SearchHit>>(async session =>
        {
            var hits = new List<SearchHit>();
            while (true)
            {
                var page = await StatementSearch.QueryPageAsync(session, query, filter, hits.Count, SearchPage, cancellationToken)
                    ?? throw NegotiationNotFound(filter.NegotiationId!);
                hits.AddRange(page.Items);
                if (page.Items.Count == 0 || hits.Count >= page.Total)
                {
                    return hits;
                }
            }
        }, cancellationToken);

    private const int SearchPage = 1000;

    public Task<IReadOnlyList<StatementView>> AuditAsync(StatementFilter filter, CancellationToken cancellationToken) => StatementsAsync(filter, cancellationToken);

    public Task<StatementAudit> StatementAuditAsync(string statement, string? negotiation, CancellationToken cancellationToken) =>
        QueryAsync(async session =>
        {
            var location = await StatementAudit.LocateAsync(session, statement, negotiation, cancellationToken);
            var (negotiationId, statementId) = location switch
            {
                { NegotiationId: { } found } => (found, location.StatementId),
                { UsedIn.Count: 0 } => throw new NotFound($"no negotiation has a statement {location.StatementId}"),
                _ => throw new NotFound($"statement id {location.StatementId} is used in {string.Join(", ", location.UsedIn)}: say which with --negotiation or negotiation-id/{location.StatementId}"),
            };
            return await StatementAudit.LoadAsync(session, negotiationId, statementId, cancellationToken)
                ?? throw new NotFound($"statement {statementId} is not in negotiation {negotiationId}");
        }, cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> TimelineAsync(string id, CancellationToken cancellationToken) =>
        QueryAsync(async session => await NegotiationTimeline.QueryAsync(session, id, cancellationToken) ?? throw NegotiationNotFound(id), cancellationToken, catchUp: true);

    public Task<IReadOnlyList<PositionHistory>> PositionsAsync(string id, string? party, string? issue, EvidenceFilter evidence, CancellationToken cancellationToken) =>
        QueryAsync(async session => await PositionHistories.QueryAsync(session, id, party, issue, evidence, cancellationToken) ?? throw NegotiationNotFound(id),
            cancellationToken, catchUp: true);

    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string id, CancellationToken cancellationToken) =>
        QueryAsync(async session => (await NegotiationReplay.LoadAsync(session, id, cancellationToken) ?? throw NegotiationNotFound(id)).History(), cancellationToken);

    public Task<NegotiationDiff> DiffAsync(string id, DiffMoments moments, CancellationToken cancellationToken) =>
        QueryAsync(async session => moments.Between(await NegotiationReplay.LoadAsync(session, id, cancellationToken) ?? throw NegotiationNotFound(id)), cancellationToken);

    public Task<PartyDossier> DossierAsync(string party, int limit, CancellationToken cancellationToken) =>
        QueryAsync(async session => await PartyDossier.LoadAsync(session, party, limit, cancellationToken) ?? throw new NotFound($"party {party} is not in the ledger"),
            cancellationToken, catchUp: true);

    public async Task<VerificationResult> VerificationAsync(string? negotiation, LogCheckpointed? checkpoint, CancellationToken cancellationToken)
    {
        var verifier = new LedgerVerifier(await StoreAsync(catchUp: false, cancellationToken));
        IReadOnlySet<string>? streams = null;
        if (negotiation is not null)
        {
            streams = await verifier.NegotiationStreamsAsync(negotiation, cancellationToken) ?? throw NegotiationNotFound(negotiation);
        }

        return VerificationResult.Of(await verifier.VerifyAsync(streams, checkpoint, cancellationToken));
    }

    public async Task<string> ReportAsync(string id, string format, int latest, EvidenceFilter evidence, CancellationToken cancellationToken)
    {
        var report = await ReportAsync(id, evidence, cancellationToken);
        return format switch
        {
            "html" => HtmlReport.Render(report, latest),
            "json" => JsonReport.Render(report, latest),
            _ => MarkdownReport.Render(report, latest),
        };
    }

    public async Task<IReadOnlyList<(string Table, string Text)>> ReportTablesAsync(string id, EvidenceFilter evidence, CancellationToken cancellationToken)
    {
        var report = await ReportAsync(id, evidence, cancellationToken);
        return CsvReport.Tables.Select(table =>
        {
            using var writer = new StringWriter();
            CsvReport.WriteTable(report, table, writer);
            return (table, writer.ToString());
        }).ToList();
    }

    public async Task<byte[]> ReportWorkbookAsync(string id, EvidenceFilter evidence, CancellationToken cancellationToken) =>
        XlsxReport.Render(await ReportAsync(id, evidence, cancellationToken));

    private Task<NegotiationReport> ReportAsync(string id, EvidenceFilter evidence, CancellationToken cancellationToken) =>
        QueryAsync(async session => await NegotiationReport.LoadAsync(session, id, DateTimeOffset.UtcNow, evidence, cancellationToken) ?? throw NegotiationNotFound(id),
            cancellationToken, catchUp: true);

    private static NotFound NegotiationNotFound(string id) => new($"negotiation {id} is not in the ledger");

    /// <param name="catchUp">The query reads async views: bring them up to date first.</param>
    private async Task<T> QueryAsync<T>(Func<IQuerySession, Task<T>> query, CancellationToken cancellationToken, bool catchUp = false)
    {
        await using var session = (await StoreAsync(catchUp, cancellationToken)).QuerySession();
        return await query(session);
    }

    private async Task<IDocumentStore> StoreAsync(bool catchUp, CancellationToken cancellationToken)
    {
        store ??= await Ledger.OpenStoreAsync(options, cancellationToken);
        if (catchUp && !caughtUp)
        {
            await Ledger.CatchUpAsync(store, cancellationToken);
            caughtUp = true;
        }

        return store;
    }
}
