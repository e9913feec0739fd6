using Marten;
using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Infrastructure.Access;

/// <summary>Issuing, finding and revoking API keys; shared by <c>negotiation keys</c> and the server's admin endpoints.</summary>
public static class ApiKeys
{
    public static Rejection? ValidateName(string? name) => Validate.Line("name", name, Validate.MaxNameLength);

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
        await session.SaveChangesAsync(cancellationToken);
        return revoked;
    }
}
