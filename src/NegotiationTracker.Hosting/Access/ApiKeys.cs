using Marten;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Hosting.Access;

/// <summary>Issuing, finding and revoking API keys; shared by <c>negotiation keys</c> and the server's admin endpoints.</summary>
public static class ApiKeys
{
    /// <summary>A holder's name: one line, and never shaped like a recorder of another kind (see <see cref="Recorder"/>).</summary>
    public static Rejection? ValidateName(string? name) => Recorder.ValidateKeyHolderName("name", name);

    /// <returns>The stored key and its one-time text, which the caller shows once.</returns>
    public static async Task<(ApiKey Key, string Text)> CreateAsync(IDocumentSession session, string name, ApiRole role, string createdBy,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (key, text) = ApiKey.Create(name.Trim(), role, now, createdBy);
        // Insert, not Store: an id collision (48 random bits) must fail, never overwrite someone else's key.
        session.Insert(key);
        await session.SaveChangesAsync(cancellationToken);
        return (key, text);
    }

    /// <summary>The key a request presents, if it exists, is not revoked and its secret matches.</summary>
    public static async Task<ApiKey?> AuthenticateAsync(IQuerySession session, string? presented, CancellationToken cancellationToken)
    {
        if (!ApiKey.TryParse(presented, out var id, out var secret))
        {
            return null;
        }

        var key = await session.LoadAsync<ApiKey>(id, cancellationToken);
        return key is { RevokedAt: null } && key.Matches(secret) ? key : null;
    }

    public static async Task<IReadOnlyList<ApiKey>> ListAsync(IQuerySession session, CancellationToken cancellationToken) =>
        await session.Query<ApiKey>().OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);

    /// <returns>The revoked key, or null when there is no key with that id. Revoking twice keeps the first revocation.</returns>
    public static async Task<ApiKey?> RevokeAsync(IDocumentSession session, string id, string revokedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = await session.LoadAsync<ApiKey>(id, cancellationToken);
        if (key is null || key.RevokedAt is not null)
        {
            return key;
        }

        var revoked = key with { RevokedAt = now, RevokedBy = revokedBy };
        session.Update(revoked);
        // Authentication refuses a revoked key's sessions anyway; deleting them keeps no dead sign-ins on record.
        session.DeleteWhere<BrowserSession>(s => s.KeyId == id);
        await session.SaveChangesAsync(cancellationToken);
        return revoked;
    }

    /// <summary>Opens a web-view session for a key that has just authenticated; returns the token for the cookie.</summary>
    /// <remarks>Expired sessions are deleted here too, so sign-ins that were never ended do not pile up.</remarks>
    public static async Task<(BrowserSession Session, string Token)> SignInAsync(IDocumentSession session, ApiKey key, DateTimeOffset now, TimeSpan lifetime,
        CancellationToken cancellationToken)
    {
        var (opened, token) = BrowserSession.Open(key.Id, now, lifetime);
        session.DeleteWhere<BrowserSession>(s => s.ExpiresAt <= now);
        session.Insert(opened);
        await session.SaveChangesAsync(cancellationToken);
        return (opened, token);
    }

    /// <summary>
    /// The key behind a session cookie's token, if the session exists and is live and its key is not revoked: the key's
    /// revocation is checked on every request, as it is for a key presented in a header.
    /// </summary>
    public static async Task<(BrowserSession Session, ApiKey Key)?> ResolveSessionAsync(IQuerySession session, string? token, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var opened = await session.LoadAsync<BrowserSession>(BrowserSession.IdOf(token), cancellationToken);
        if (opened is null || !opened.IsLive(now))
        {
            return null;
        }

        var key = await session.LoadAsync<ApiKey>(opened.KeyId, cancellationToken);
        return key is { RevokedAt: null } ? (opened, key) : null;
    }

    /// <summary>Ends the session a cookie's token names (sign-out); nothing happens when there is none.</summary>
    public static async Task SignOutAsync(IDocumentSession session, string token, CancellationToken cancellationToken)
    {
        session.Delete<BrowserSession>(BrowserSession.IdOf(token));
        await session.SaveChangesAsync(cancellationToken);
    }
}
