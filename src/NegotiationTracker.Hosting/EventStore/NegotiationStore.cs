using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx;
using Marten;
using NegotiationTracker.Grains;
using NegotiationTracker.Hosting.Access;
using NegotiationTracker.Projections;
using Weasel.Core;

namespace NegotiationTracker.Hosting.EventStore;

/// <summary>
/// The store as the hosts compose it: the connection, the schema and how documents are serialized, the write side's part
/// (<see cref="RecordedEvents"/>), the read side's (<see cref="ReadModels"/>), and the host's own documents (keys, sessions).
/// </summary>
public static class NegotiationStore
{
    public const string DefaultSchema = "negotiation_tracker";

    /// <summary>The projections updated in the same transaction as the events: a command reads them right after writing.</summary>
    public static readonly IReadOnlySet<string> InlineProjectionNames = new HashSet<string>([.. ReadModels.InlineNames, StatementIdClaimProjection.ProjectionName]);

    /// <summary>Every projection by its stable name (the name its progress is stored under), inline ones first.</summary>
    public static readonly IReadOnlyList<string> ProjectionNames = [.. ReadModels.InlineNames, StatementIdClaimProjection.ProjectionName, .. ReadModels.AsyncNames];

    /// <summary>The whole store, for a store built without a service container (tests, tools).</summary>
    public static void Configure(StoreOptions options, string connectionString, string schema = DefaultSchema)
    {
        ConfigureHost(options, connectionString, schema);
        RecordedEvents.Apply(options);
        ReadModels.Apply(options);
    }

    /// <summary>The host's part alone; the write and read sides add theirs as <see cref="IConfigureMarten"/> services.</summary>
    internal static void ConfigureHost(StoreOptions options, string connectionString, string schema)
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = schema;
        // Vocabulary words are stored as users write them ("principal", "opposes"): the converter with a naming policy goes
        // first, ahead of the one Marten adds for EnumStorage.AsString, which would store "Principal".
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase,
            configure: json => json.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;

        // Who may use the server; not part of the ledger (keys are revoked, not appended to), but kept beside it.
        options.Schema.For<ApiKey>();
        // Found by key when the key is revoked, so its sessions end with it.
        options.Schema.For<BrowserSession>().Index(x => x.KeyId);
    }
}
