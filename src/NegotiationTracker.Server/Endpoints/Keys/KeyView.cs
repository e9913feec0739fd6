using NegotiationTracker.Hosting.Access;

namespace NegotiationTracker.Server.Endpoints.Keys;

/// <summary>A key as an admin sees it: never its secret or hash.</summary>
public sealed record KeyView(string Id, string Name, ApiRole Role, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public static KeyView Of(ApiKey key) => new(key.Id, key.Name, key.Role, key.CreatedAt, key.CreatedBy, key.RevokedAt, key.RevokedBy);
}

/// <summary>A new key: <see cref="Key"/> is shown in this response only.</summary>
public sealed record CreatedKey(KeyView Info, string Key);

public sealed record CreateKey(string Name, ApiRole Role);
