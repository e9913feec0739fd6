using NegotiationTracker.Hosting.Access;

namespace NegotiationTracker.Server;

/// <param name="AnonymousReads">Let callers without a key use every read endpoint and the web view. Off unless asked for:
/// a ledger of negotiations is often confidential.</param>
/// <param name="SessionLifetime">How long a web-view sign-in lasts, from sign-in (absolute, not sliding); eight hours unless set.</param>
public sealed record ServerSettings(bool AnonymousReads = false, TimeSpan? SessionLifetime = null)
{
    public TimeSpan SignInLasts => SessionLifetime ?? BrowserSession.DefaultLifetime;
}
