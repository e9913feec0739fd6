using System.Security.Cryptography;
using System.Text;

namespace NegotiationTracker.Hosting.Access;

/// <summary>
/// A web-view sign-in as stored: the SHA-256 of the random token the browser's cookie holds (never the token, never the
/// key), the key it was opened with, and when it ends. The expiry is absolute, not sliding: a cookie lifted from a browser
/// works for at most one lifetime, and reading a page never writes to the database.
/// </summary>
/// <param name="Id">Hex SHA-256 of the cookie's token: a lookup by it proves the caller holds the token.</param>
public sealed record BrowserSession(string Id, string KeyId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>Eight hours: a working day in the web view, then the key is pasted again.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    public bool IsLive(DateTimeOffset now) => now < ExpiresAt;

    /// <summary>A new session for <paramref name="keyId"/>: the stored record and the token for the cookie (32 random bytes, base64url).</summary>
    public static (BrowserSession Session, string Token) Open(string keyId, DateTimeOffset now, TimeSpan lifetime)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new BrowserSession(IdOf(token), keyId, now, now + lifetime), token);
    }

    /// <summary>The stored id of the session a cookie's token names.</summary>
    public static string IdOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
