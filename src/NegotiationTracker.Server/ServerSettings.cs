namespace NegotiationTracker.Server;

/// <param name="AnonymousReads">Let callers without a key use every read endpoint and the web view. Off unless asked for:
/// a ledger of negotiations is often confidential.</param>
public sealed record ServerSettings(bool AnonymousReads = false);
