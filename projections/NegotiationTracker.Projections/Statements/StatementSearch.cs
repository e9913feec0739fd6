using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Marten;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Projections.Negotiations;

namespace NegotiationTracker.Projections.Statements;

/// <summary>Which statements a search reads: one negotiation's or every one's, with the statement log's filters.</summary>
/// <remarks>Retracted, void and duplicate records are left out unless <see cref="IncludeRetracted"/>, as in <see cref="StatementFilter"/>.</remarks>
public sealed record SearchFilter(
    string? NegotiationId = null,
    string? Party = null,
    string? Speaker = null,
    string? Issue = null,
    PartialDate? From = null,
    PartialDate? To = null,
    bool IncludeRetracted = false);

/// <summary>A statement a search found: how well it matches, and the words that matched marked «so» in a passage of it.</summary>
public sealed record SearchHit(StatementView Statement, double Rank, string Highlight);

/// <summary>
/// A search as written: <c>websearch_to_tsquery</c>'s syntax (words, all required; <c>"a phrase"</c>; <c>or</c>;
/// <c>-word</c> to exclude), and a trailing <c>*</c> on a word outside quotes for every word it starts
/// (<c>withdr*</c>; <c>-withdr*</c> excludes them), which is required too.
/// </summary>
/// <param name="Text">The search as written, as the API takes it.</param>
/// <param name="Words">What <c>websearch_to_tsquery</c> reads: the text without its prefixes.</param>
/// <param name="Prefixes">Each prefix as <c>to_tsquery</c> reads it: <c>withdr:*</c>, <c>!withdr:*</c>.</param>
public sealed partial record SearchQuery(string Text, string Words, IReadOnlyList<string> Prefixes)
{
    /// <returns>null when the text has nothing to search for (empty, or only quotes and stars).</returns>
    public static SearchQuery? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = new StringBuilder();
        var prefixes = new List<string>();
        var quoted = false;
        foreach (Match token in Token().Matches(text))
        {
            var value = token.Value;
            if (!quoted && Prefix().Match(value) is { Success: true } prefix)
            {
                prefixes.Add($"{(prefix.Groups[1].Length > 0 ? "!" : "")}{prefix.Groups[2].Value.ToLowerInvariant()}:*");
                continue;
            }

            quoted ^= value.Count(c => c == '"') % 2 == 1;
            words.Append(value).Append(' ');
        }

        var rest = words.ToString().Trim();
        return rest.Any(char.IsLetterOrDigit) || prefixes.Count > 0 ? new SearchQuery(text.Trim(), rest, prefixes) : null;
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex Token();

    [GeneratedRegex(@"^(-?)([\p{L}\p{N}]+)\*$")]
    private static partial Regex Prefix();
}

/// <summary>
/// Full-text search of the statement log (<see cref="StatementRecord.SearchText"/>: texts, clarifications and the like,
/// other outlets' reports) in PostgreSQL, through a GIN index of their words: ranked by <c>ts_rank</c>, with a passage
/// marked by <c>ts_headline</c>.
/// </summary>
public static class StatementSearch
{
    /// <summary>
    /// English stemming: "withdrawal" and "withdrawn" find each other, "sanction" finds "sanctions", and words such as
    /// "the" are not indexed. The seeds and sources are English; 'simple' would match only the words as written.
    /// </summary>
    public const string Config = "english";

    public const string IndexName = "mt_doc_statementrecord_idx_search";

    /// <summary>The marks around a matched word in <see cref="SearchHit.Highlight"/>.</summary>
    public const string StartMark = "«", StopMark = "»";

    private const string Vector = $"to_tsvector('{Config}'::regconfig, d.data ->> 'searchText')";

    /// <summary>
    /// One page of the statements matching <paramref name="query"/> and the filter, best first (then in said order), and how
    /// many match in all.
    /// </summary>
    /// <returns>null when the filter names a negotiation that is not in the ledger.</returns>
    public static async Task<Page<SearchHit>?> QueryPageAsync(IQuerySession session, SearchQuery query, SearchFilter filter, int offset, int limit,
        CancellationToken cancellationToken = default)
    {
        if (filter.NegotiationId is { } negotiationId)
        {
            return await NegotiationSummary.IfKnownAsync(session, negotiationId, summary => PageAsync(session, query, filter, offset, limit,
                new Dictionary<string, NegotiationSummary> { [summary.Id] = summary }, cancellationToken), cancellationToken);
        }

        return await PageAsync(session, query, filter, offset, limit, summaries: null, cancellationToken);
    }

    private static async Task<Page<SearchHit>> PageAsync(IQuerySession session, SearchQuery query, SearchFilter filter, int offset, int limit,
        Dictionary<string, NegotiationSummary>? summaries, CancellationToken cancellationToken)
    {
        var table = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(StatementRecord)).TableName.QualifiedName;
        var parameters = new List<object>();
        var tsQuery = TsQuery(query, parameters);
        var where = Where(filter, parameters);
        var order = "rank desc, (d.data ->> 'saidFrom')::timestamptz, (d.data ->> 'saidUntil')::timestamptz desc, (d.data ->> 'sequence')::bigint, d.id";
        var headline = $"StartSel={StartMark}, StopSel={StopMark}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";
        // Ranked and counted over every match; the passages, the costly part, only for the page's rows.
        var sql = $"""
            with q as (select {tsQuery} as query),
            matching as (
                select d.id, d.data, ts_rank({Vector}, q.query)::float8 as rank, count(*) over () as total
                from {table} d, q
                where {Vector} @@ q.query{where}
                order by {order}
                offset {offset.ToString(CultureInfo.InvariantCulture)} limit {limit.ToString(CultureInfo.InvariantCulture)})
            select jsonb_build_object('record', d.data, 'rank', d.rank, 'total', d.total,
                'highlight', ts_headline('{Config}', d.data ->> 'searchText', q.query, '{headline}'))
            from matching d, q
            order by {order}
            """;
        var rows = await session.QueryAsync<Row>(sql, cancellationToken, [.. parameters]);

        // A page past the end has no rows to carry the total: it is counted by a query of its own.
        var total = rows.Count > 0 ? rows[0].Total : offset == 0 ? 0 : await CountAsync(session, table, query, filter, cancellationToken);

        summaries ??= (await session.LoadManyAsync<NegotiationSummary>(cancellationToken, rows.Select(r => r.Record.NegotiationId).Distinct().ToArray()))
            .ToDictionary(s => s.Id);
        var views = new Dictionary<string, StatementView>();
        foreach (var group in rows.GroupBy(r => r.Record.NegotiationId))
        {
            if (summaries.GetValueOrDefault(group.Key) is not { } summary)
            {
                continue;
            }

            var records = group.Select(r => r.Record).ToList();
            foreach (var (record, view) in records.Zip(await StatementLog.ViewsAsync(session, summary, records, profiles: null, cancellationToken)))
            {
                views[record.Id] = view;
            }
        }

        var hits = rows.Where(r => views.ContainsKey(r.Record.Id)).Select(r => new SearchHit(views[r.Record.Id], r.Rank, r.Highlight)).ToList();
        return new Page<SearchHit>(hits, total);
    }

    private static async Task<long> CountAsync(IQuerySession session, string table, SearchQuery query, SearchFilter filter, CancellationToken cancellationToken)
    {
        var parameters = new List<object>();
        var tsQuery = TsQuery(query, parameters);
        var where = Where(filter, parameters);
        var counts = await session.QueryAsync<long>($"select count(*) from {table} d, (select {tsQuery} as query) q where {Vector} @@ q.query{where}",
            cancellationToken, [.. parameters]);
        return counts[0];
    }

    /// <summary>The query as SQL: the words through <c>websearch_to_tsquery</c>, each prefix through <c>to_tsquery</c>, all required.</summary>
    private static string TsQuery(SearchQuery query, List<object> parameters)
    {
        var parts = new List<string>();
        if (query.Words.Length > 0)
        {
            parameters.Add(query.Words);
            parts.Add($"websearch_to_tsquery('{Config}', ?)");
        }

        foreach (var prefix in query.Prefixes)
        {
            parameters.Add(prefix);
            parts.Add($"to_tsquery('{Config}', ?)");
        }

        return string.Join(" && ", parts);
    }

    /// <summary>The filter's conditions, as <see cref="StatementLog"/> reads them (dates by overlap).</summary>
    private static string Where(SearchFilter filter, List<object> parameters)
    {
        var sql = new StringBuilder();
        void And(string condition, object value)
        {
            parameters.Add(value);
            sql.Append(" and ").Append(condition);
        }

        if (filter.NegotiationId is { } negotiation)
        {
            And("d.data ->> 'negotiationId' = ?", negotiation);
        }

        if (filter.Party is { } party)
        {
            And("d.data ->> 'partyId' = ?", party);
        }

        if (filter.Speaker is { } speaker)
        {
            And("d.data ->> 'speakerId' = ?", speaker);
        }

        if (filter.Issue is { } issue)
        {
            And("d.data -> 'issueIds' @> jsonb_build_array(?::text)", issue);
        }

        if (!filter.IncludeRetracted)
        {
            And("d.data ->> 'status' = ?", StatementRecord.Statuses.Standing);
        }

        if (filter.From is { } from)
        {
            var start = from.Start.ToUniversalTime();
            parameters.Add(start);
            And("((d.data ->> 'saidUntil')::timestamptz > ? or (d.data ->> 'saidFrom')::timestamptz >= ?)", start);
        }

        if (filter.To is { } to)
        {
            parameters.Add(to.End.ToUniversalTime());
            And("((d.data ->> 'saidFrom')::timestamptz < ? or (d.data ->> 'saidFrom')::timestamptz <= ?)", to.Start.ToUniversalTime());
        }

        return sql.ToString();
    }

    /// <summary>One row of the search's SQL, read through the store's serializer.</summary>
    private sealed class Row
    {
        public StatementRecord Record { get; set; } = new();
        public double Rank { get; set; }
        public long Total { get; set; }
        public string Highlight { get; set; } = "";
    }
}
