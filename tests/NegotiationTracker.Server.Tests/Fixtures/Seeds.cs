namespace NegotiationTracker.Server.Tests.Fixtures;

/// <summary>The repository's two seed files, and a file of corrections to the U.S.–Iraq one that the ledger fixtures record after it.</summary>
public static class Seeds
{
    public const string Iraq = "us-iraq-withdrawal";
    public const string Iran = "iran-nuclear-jcpoa";

    /// <summary>A report, a clarification, grades and a retraction of U.S.–Iraq statements.</summary>
    public const string Corrections = """
        negotiation: {id: us-iraq-withdrawal, title: "U.S.-Iraq negotiations on the withdrawal of U.S. troops from Iraq", opened: "2024", issues: []}
        sources:
          - {id: wire-report, title: "A wire report of the talks", outlet: "A wire service", published: "2024-10"}
        parties: []
        events:
          - report: {statement: sudani-us-forces-unnecessary, by: iraq, source: wire-report, attribution: paraphrase, text: "Al-Sudani said U.S. combat forces were no longer needed.", via: "unnamed Iraqi officials", said: "2024-09"}
          - clarification: {statement: sudani-us-forces-unnecessary, by: iraq, text: "Combat forces; advisers may stay.", said: "2024-10"}
          - grade: {statement: sudani-us-forces-unnecessary, by: iraq, credibility: 2, reason: "Two independent reports."}
          - grade: {source: wire-report, reliability: B, reason: "Usually reliable."}
          - retraction: {statement: rubin-against-withdrawal, by: rubin, reason: "The remarks were about a faster withdrawal.", said: "2024-10"}
        """;
}
