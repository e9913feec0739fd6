using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using NegotiationTracker.Server.Endpoints;
using NegotiationTracker.Server.Endpoints.Queries;
using NegotiationTracker.Server.Web;
using Npgsql;
using Wolverine.Http;

namespace NegotiationTracker.Server;

/// <summary>
/// How many requests of each kind the server works on at once, and how many more wait for a turn; beyond that a request is
/// answered 503 with <c>Retry-After</c> at once. Every request holds a PostgreSQL connection while it works (its key is checked
/// against the store before anything else), so without a bound a burst takes the whole pool and the rest fail after the
/// connect timeout, and every brief rendered at once holds its memory at once. The default sizes are shares of the
/// connection pool that together leave room for the silo's appends and the async projections.
/// </summary>
/// <param name="Briefs">Reads that draw a whole negotiation or the whole store (the report, the web brief, history, diff,
/// audits, timeline, dossier, verification): the ones that cost memory and several queries each.</param>
/// <param name="Reads">Every other read (state, statement log, views, the negotiations list, the sign-in page).</param>
/// <param name="Writes">Commands, imports, sign-in and sign-out, key management.</param>
/// <param name="QueuePerPermit">How many requests of a kind may wait, per request of that kind at work; oldest first.</param>
public sealed record RequestLimits(int Briefs, int Reads, int Writes, int QueuePerPermit = RequestLimits.DefaultQueuePerPermit)
{
    public const int DefaultQueuePerPermit = 4;

    /// <summary>Seconds a refused client should wait: a brief takes well under a second once it has its turn.</summary>
    public const int RetryAfterSeconds = 1;

    public const string Code = "server-busy";

    public const string BriefPolicy = "briefs";
    public const string ReadPolicy = "reads";
    public const string WritePolicy = "writes";

    /// <summary>Npgsql's own default, for a connection string that does not say.</summary>
    private const int NpgsqlDefaultPoolSize = 100;

    /// <summary>
    /// A tenth of the pool for briefs, a quarter for other reads, half for writes (which mostly wait on the silo's group
    /// commit, one connection per batch): at most 85% of the pool is held by requests, the rest stays for the async
    /// projections, the silo and the readiness check.
    /// </summary>
    public static RequestLimits ForPool(int poolSize) =>
        new(Math.Max(1, poolSize / 10), Math.Max(1, poolSize / 4), Math.Max(1, poolSize / 2));

    /// <summary>The defaults for the pool <paramref name="connectionString"/> asks for (Npgsql's <c>Maximum Pool Size</c>).</summary>
    public static RequestLimits ForConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return ForPool(builder.Pooling ? builder.MaxPoolSize : NpgsqlDefaultPoolSize);
    }

    /// <summary>The same limits with any of them replaced; null keeps the current one.</summary>
    public RequestLimits With(int? briefs = null, int? reads = null, int? writes = null) =>
        this with { Briefs = briefs ?? Briefs, Reads = reads ?? Reads, Writes = writes ?? Writes };

    public void AddPolicies(RateLimiterOptions options)
    {
        Validate();
        options.AddConcurrencyLimiter(BriefPolicy, o => Size(o, Briefs));
        options.AddConcurrencyLimiter(ReadPolicy, o => Size(o, Reads));
        options.AddConcurrencyLimiter(WritePolicy, o => Size(o, Writes));
        options.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
        options.OnRejected = (context, _) => new ValueTask(Refusal().ExecuteAsync(context.HttpContext));
    }

    /// <summary>
    /// The limit for each Wolverine endpoint, decided by its handler and method in one place (as <see cref="Access.Roles"/>
    /// decides who may call it), so a new endpoint is limited without an attribute to remember. Health checks are never
    /// limited: a probe must be able to tell a busy server from a dead one.
    /// </summary>
    public static void Apply(HttpChain chain)
    {
        var route = chain.RoutePattern?.RawText ?? "";
        if (route.StartsWith("/health", StringComparison.Ordinal))
        {
            chain.DisableRateLimiting();
            return;
        }

        var policy = !chain.HttpMethods.All(m => m is "GET" or "HEAD") ? WritePolicy
            : BriefHandlers.Contains(chain.Method.HandlerType) ? BriefPolicy
            : ReadPolicy;
        chain.RequireRateLimiting(policy);
        chain.Metadata.ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The answer to a request that found every place taken and the queue full: nothing was done, come back shortly.</summary>
    public static IResult Refusal() => Problems.RetryLater(RetryAfterSeconds, Code, "The server is busy; nothing was done",
        $"Too many requests are being served at once. Nothing was read or recorded: send the request again after {RetryAfterSeconds} s.");

    private static readonly HashSet<Type> BriefHandlers =
    [
        typeof(GetReportEndpoint), typeof(BriefPage), typeof(GetHistoryEndpoint), typeof(GetDiffEndpoint), typeof(GetAuditEndpoint),
        typeof(GetStatementAuditEndpoint), typeof(GetTimelineEndpoint), typeof(GetPartyDossierEndpoint), typeof(GetVerificationEndpoint),
    ];

    private void Size(ConcurrencyLimiterOptions options, int permits)
    {
        options.PermitLimit = permits;
        options.QueueLimit = permits * QueuePerPermit;
        options.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
    }

    private void Validate()
    {
        foreach (var (name, value) in new[] { (nameof(Briefs), Briefs), (nameof(Reads), Reads), (nameof(Writes), Writes) })
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(name, value.ToString(CultureInfo.InvariantCulture), $"{name}: at least one request must be served at a time");
            }
        }

        if (QueuePerPermit < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(QueuePerPermit), QueuePerPermit.ToString(CultureInfo.InvariantCulture), "a queue cannot be shorter than none");
        }
    }
}
