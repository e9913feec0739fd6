using System.Security.Cryptography;
using System.Text;

namespace NegotiationTracker.Hosting.Access;

/// <summary>What a key may do. Each role includes the ones before it: a recorder may read, an admin may record.</summary>
public enum ApiRole
{
    Reader,
    Recorder,
    Admin,
}

/// <summary>
/// An API key as stored: its public id, who holds it and the SHA-256 of its secret. The secret itself is shown once, when
/// the key is created, and never stored. A plain hash is enough (no slow KDF): the secret is 256 random bits, not a password.
/// </summary>
public sealed record ApiKey(string Id, string Name, ApiRole Role, string SecretHash, DateTimeOffset CreatedAt, string CreatedBy)
{
    /// <summary>Set when the key is revoked; a revoked key authenticates nothing, but stays on record for the audit trail.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevokedBy { get; init; }

    public bool Allows(ApiRole role) => RevokedAt is null && Role >= role;

    public const string Prefix = "ntk";

    /// <summary>A key's id: 48 random bits as 12 lower-case hex digits.</summary>
    public const string IdPattern = "^[0-9a-f]{12}$";

    public const int IdLength = 12;

    /// <summary>A new key for <paramref name="name"/>: the stored record and the one-time text <c>ntk_{id}_{secret}</c>.</summary>
    public static (ApiKey Key, string Text) Create(string name, ApiRole role, DateTimeOffset now, string createdBy)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (new ApiKey(id, name, role, Hash(secret), now, createdBy), $"{Prefix}_{id}_{secret}");
    }

    /// <summary>Splits a presented key into its id and secret; false when it is not shaped like one of ours.</summary>
    public static bool TryParse(string? text, out string id, out string secret)
    {
        id = secret = "";
        var parts = text?.Trim().Split('_', 3);
        if (parts is not [Prefix, { Length: IdLength } keyId, { Length: > 0 } keySecret] || keyId.Any(c => !char.IsAsciiHexDigitLower(c)))
        {
            return false;
        }

        (id, secret) = (keyId, keySecret);
        return true;
    }

    /// <summary>Compared in constant time, so the time taken says nothing about how much of a guess was right.</summary>
    public bool Matches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Convert.FromHexString(SecretHash), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
