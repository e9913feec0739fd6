using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NegotiationTracker.Server;

/// <summary>
/// What the OpenAPI document says about the API as a whole: its description, whom it belongs to, its licence, and a
/// description for every tag the endpoints are grouped by. A tag added to an endpoint without a line here is caught by the
/// lint test (tests/NegotiationTracker.Server.Tests/OpenApi/when_the_api_document_is_linted.cs).
/// </summary>
public sealed class ApiDocumentDescription : IOpenApiDocumentTransformer
{
    private static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>
    {
        ["Negotiations"] = "A negotiation: the list, its state now or replayed to a moment, its timeline, positions, proposals and agreements "
            + "as read models; opening one, adding issues, parties joining, status changes.",
        ["Statements"] = "Who said what, when, on which issue, according to which source: the statement log, and recording a statement.",
        ["Corrections"] = "What later events say about a statement (a retraction, a denial, a clarification, another outlet's report, an "
            + "amendment of our coding, a void, a duplicate link, a credibility grade). Nothing is erased: each is appended to the stream of "
            + "the party that made the statement.",
        ["Proposals"] = "Tabling a proposal, answering it (accept, reject, counter) and withdrawing it.",
        ["Agreements"] = "Recording an agreement reached between parties, and each party's signature.",
        ["Parties"] = "Governments, factions and organisations and their people: registering them, and a party's dossier across negotiations.",
        ["Sources"] = "The articles and transcripts statements cite, and their reliability grades on the Admiralty scale (A to F).",
        ["Audit"] = "Who recorded what, and when: the audit of statements, every event in recorded order, and what changed between two moments.",
        ["Reports"] = "The brief of a negotiation, as JSON, Markdown, HTML or CSV.",
        ["Integrity"] = "Verification of the tamper-evident log: every event's seal, each stream's hash chain, and the stored checkpoints.",
        ["Imports"] = "Importing a seed file (YAML) through the grains, all or nothing.",
        ["Keys"] = "API keys: issuing, listing and revoking them. Admin keys only.",
        ["Web view"] = "Server-rendered HTML pages for reading the ledger in a browser (no script), and signing in to them and out.",
        ["Health"] = "Liveness and readiness probes, open to callers without a key.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "NegotiationTracker";
        document.Info.Description = "An event-sourced ledger of negotiations between governments, factions and organisations: who said what, "
            + "when, on whose behalf and according to which source; proposals, answers, agreements and signatures; and every later correction, "
            + "appended, never overwritten. Reads need a reader key, commands and imports a recorder key, key management an admin key.";
        // The repository names no maintainer address and has no public home page to point to.
        document.Info.Contact = new OpenApiContact { Name = "NegotiationTracker maintainers" };
        // The repository has no LICENSE file, so no licence has been granted: all rights stay with its authors. SPDX has no
        // identifier for that; LicenseRef- is its form for a licence of one's own. Replace both when a LICENSE is added.
        document.Info.License = new OpenApiLicense { Name = "No licence granted: all rights reserved", Identifier = "LicenseRef-AllRightsReserved" };

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is not null && Tags.TryGetValue(tag.Name, out var description))
            {
                tag.Description = description;
            }
        }

        return Task.CompletedTask;
    }
}
