using NegotiationTracker.Hosting.Access;

namespace NegotiationTracker.Server;

/// <param name="AnonymousReads">Let callers without a key use every read endpoint and the web view. Off unless asked for:
/// a ledger of negotiations is often confidential.</param>
/// <param name="SessionLifetime">How long a web-view sign-in lasts, from sign-in (absolute, not sliding); eight hours unless set.</param>
/// <param name="Limits">How many requests of each kind are served at once and how many wait; unless set, shares of the
/// connection string's pool (<see cref="RequestLimits.ForConnectionString"/>).</param>
public sealed record ServerSettings(bool AnonymousReads = false, TimeSpan? SessionLifetime = null, RequestLimits? Limits = null)
{
    public TimeSpan SignInLasts => SessionLifetime ?? BrowserSession.DefaultLifetime;
}
