using NegotiationTracker.Hosting;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Authentication;
using NegotiationTracker.Hosting.Access;
using NegotiationTracker.Server.Access;
using NegotiationTracker.Server.Endpoints;
using NegotiationTracker.Server.Endpoints.Commands;
using Microsoft.OpenApi;
using NegotiationTracker.Grains;
using NegotiationTracker.Hosting.EventStore;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace NegotiationTracker.Server;

/// <summary>
/// The server: one ASP.NET Core process hosting the Orleans silo (the single writers), Marten (event store and read
/// models) and Wolverine (HTTP endpoints, and the distribution of Marten's async projections).
/// </summary>
public static class NegotiationServer
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The largest seed file <c>POST /api/imports</c> accepts, the same limit as the CLI's.</summary>
    public const long MaxImportBytes = SeedFiles.SeedFileReader.MaxFileBytes;

    /// <summary>The largest request body anywhere else: a command is a few kilobytes, a statement at most 20,000 characters.</summary>
    public const long MaxRequestBytes = 1024 * 1024;

    /// <param name="urls">Where to listen, e.g. <c>http://127.0.0.1:5080</c>; port 0 picks a free port (tests).</param>
    public static WebApplication Build(string[] args, string connectionString, string urls = DefaultUrls, Action<WebApplicationBuilder>? configure = null,
        ServerSettings? settings = null)
    {
        settings ??= new ServerSettings();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The CLI or a test runner is the entry assembly; name this one so configuration and discovery find it.
            ApplicationName = typeof(NegotiationServer).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls(urls);
        builder.Services.AddSingleton<KestrelRefusals>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxRequestBytes;
            // The requests Kestrel refuses before any middleware (a %00 in the path) answered with a problem like every other refusal.
            kestrel.ConfigureEndpointDefaults(listen => listen.Use(listen.ApplicationServices.GetRequiredService<KestrelRefusals>().Watch));
        });
        // Start-up, shutdown and problems; not every request. Orleans warns about GC settings at every start: errors only.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Logging.AddFilter("Wolverine", LogLevel.Warning);
        // No message handlers yet, only HTTP endpoints.
        builder.Logging.AddFilter("Wolverine.Configuration.HandlerDiscovery", LogLevel.Error);
        builder.Logging.AddFilter("Marten", LogLevel.Warning);
        builder.Logging.AddFilter("JasperFx", LogLevel.Warning);

        // Marten as in AddNegotiationStore, but with no daemon of its own (never HotCold: Wolverine refuses to run beside it);
        // Wolverine runs the async projections, and would spread them over the nodes if there were several.
        builder.Services.AddMarten(options =>
            {
                NegotiationStore.Configure(options, connectionString);
                options.Schema.For<IdempotentRequest>();
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine(x => x.UseWolverineManagedEventSubscriptionDistribution = true);
        builder.Services.AddNegotiationGrains();
        builder.Services.AddSingleton(new Readiness(connectionString));
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<HttpCommands>();
        builder.Services.AddSingleton<CommandBody>();
        builder.Services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorization(options => Roles.AddPolicies(options, settings.AnonymousReads));
        // Tokens for the web view's own forms (sign-out); checked by CrossSiteRequests, not per endpoint.
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "negotiation-antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // SecurityHeaders sends DENY on every response already.
            options.SuppressXFrameOptionsHeader = true;
        });

        // Free silo and gateway ports, so a server can run beside CLI commands (each starts its own silo) on one machine.
        builder.UseOrleans(silo => silo.UseLocalSilo());

        builder.Host.UseWolverine(options =>
        {
            options.ApplicationAssembly = typeof(NegotiationServer).Assembly;
            // One node for now; Balanced once several servers share the database.
            options.Durability.Mode = DurabilityMode.Solo;
            options.UseRuntimeCompilation();
        });
        builder.Services.AddWolverineHttp();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<DatabaseOutage>();
        var limits = settings.Limits ?? RequestLimits.ForConnectionString(connectionString);
        builder.Services.AddRateLimiter(limits.AddPolicies);
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiDocumentDescription>();
            options.AddDocumentTransformer<ApiKeyDocumentation>();
            options.AddOperationTransformer<CommandBodyDocumentation>();
            // After CommandBodyDocumentation, which drops Wolverine's placeholder description.
            options.AddOperationTransformer<CommandDocumentation>();
            options.AddOperationTransformer<OperationAccessDocumentation>();
            options.AddSchemaTransformer<SchemaDocumentation>();
            options.AddOperationTransformer<ResponseDocumentation>();
            options.AddDocumentTransformer<ComponentDocumentation>();
            // The package names the request's own scheme and Host as the server, so a forged Host would become the
            // address the API page sends keys to. Relative to the document instead: the server that served it.
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Servers = [new OpenApiServer { Url = "/" }];
                return Task.CompletedTask;
            });
        });
        builder.Services.ConfigureHttpJsonOptions(o => Wire.Json(o.SerializerOptions));

        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A body cut short, too large or not JSON is the caller's mistake (4xx), not the server's.
            StatusCodeSelector = e => e switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                JsonException => StatusCodes.Status400BadRequest,
                // PostgreSQL down, restarting or too slow: the client should come back, not report a bug.
                _ when DatabaseUnavailableException.Explains(e) => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        // Before authentication: checking a key is a query, and a burst must wait here rather than for a connection.
        app.UseRateLimiter();
        app.UseAuthentication();
        // Before authorization: a forged request is refused whatever its role would allow.
        app.UseCrossSiteRequestChecks();
        app.UseAuthorization();
        app.RefuseNulInAddress();
        app.MapWolverineEndpoints(options =>
        {
            options.MapConcurrencyFailuresToConflict();
            // ?includeRetracted=maybe is a 400, not a silent false.
            options.RejectUnparseableQueryValues = true;
            options.ConfigureEndpoints(Roles.Apply);
            options.ConfigureEndpoints(CommandResponses.Apply);
            options.ConfigureEndpoints(RequestLimits.Apply);
            options.ConfigureEndpoints(ResultPlaceholders.Remove);
        });
        app.MapOpenApi();
        app.MapApiPage();
        return app;
    }

    public static async Task<bool> HasNoKeysAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return !await session.Query<ApiKey>().AnyAsync(cancellationToken);
    }

}
