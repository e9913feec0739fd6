namespace NegotiationTracker.Domain.Common;

/// <summary>How a recorder was identified when it recorded.</summary>
public enum RecorderKind
{
    /// <summary>A bare name: recorded before recorder kinds were stored, so it may be a key holder or an OS user.</summary>
    Unknown,

    /// <summary>The holder of an API key, by the name the key was created with (writes through the server).</summary>
    KeyHolder,

    /// <summary>The operating-system user running the CLI on the database, and the host it ran on.</summary>
    OsUser,
}

/// <summary>
/// Who recorded an event, as a kind and a name. It is stored as one string in the event's user-name column, which the event's
/// seal covers, so the kind is sealed with the name: <c>key:NAME</c> for a key holder, <c>os:USER@HOST</c> for an OS user.
/// A value with neither prefix was stored before kinds were, and reads as <see cref="RecorderKind.Unknown"/>; it is never
/// rewritten, because its seal covers the bare name.
/// </summary>
public sealed record Recorder(RecorderKind Kind, string Name, string? Host = null)
{
    public const string KeyHolderPrefix = "key:";
    public const string OsUserPrefix = "os:";

    public static Recorder KeyHolder(string name) => new(RecorderKind.KeyHolder, name);

    public static Recorder OsUser(string user, string host) => new(RecorderKind.OsUser, user, host);

    /// <summary>The string stored as the event's recorded-by, and shown as <c>recordedBy</c> in JSON and CSV.</summary>
    public string Stored => Kind switch
    {
        RecorderKind.KeyHolder => KeyHolderPrefix + Name,
        RecorderKind.OsUser => $"{OsUserPrefix}{Name}@{Host}",
        _ => Name,
    };

    /// <summary>The recorder a stored recorded-by names; null when the event has none.</summary>
    public static Recorder? Read(string? stored)
    {
        if (stored is null)
        {
            return null;
        }

        if (stored.StartsWith(KeyHolderPrefix, StringComparison.Ordinal) && stored.Length > KeyHolderPrefix.Length)
        {
            return KeyHolder(stored[KeyHolderPrefix.Length..]);
        }

        // A host name has no '@'; a user name might, so the host is what follows the last one.
        var at = stored.LastIndexOf('@');
        if (stored.StartsWith(OsUserPrefix, StringComparison.Ordinal) && at > OsUserPrefix.Length && at < stored.Length - 1)
        {
            return OsUser(stored[OsUserPrefix.Length..at], stored[(at + 1)..]);
        }

        return new Recorder(RecorderKind.Unknown, stored);
    }

    /// <summary>A stored recorded-by as people read it, kind first; "unknown" when there is none.</summary>
    public static string Describe(string? stored) => Read(stored)?.ToString() ?? "unknown";

    /// <summary>A key holder's name is quoted, so no name can read as the OS form around it.</summary>
    public override string ToString() => Kind switch
    {
        RecorderKind.KeyHolder => $"key holder \"{Name}\"",
        RecorderKind.OsUser => $"OS user {Name} on host {Host}",
        _ => $"{Name} (recorded before recorder kinds were stored)",
    };

    /// <summary>
    /// A key holder's name: one line, and not starting with a recorder prefix (<c>os:</c>, <c>key:</c>, in any case), so
    /// neither the stored form nor a reader of it can take a key holder for an OS user.
    /// </summary>
    public static Rejection? ValidateKeyHolderName(string field, string? name)
    {
        if (Validate.Line(field, name, Validate.MaxNameLength) is { } rejection)
        {
            return rejection;
        }

        var trimmed = name!.Trim();
        return trimmed.StartsWith(OsUserPrefix, StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith(KeyHolderPrefix, StringComparison.OrdinalIgnoreCase)
            ? Rejection.Invalid(field, $"{field} may not start with '{OsUserPrefix}' or '{KeyHolderPrefix}': those prefixes mark the kind of recorder, and a key holder's name must not imitate one")
            : null;
    }
}

/// <summary>
/// A recorded-by filter (the audit's <c>recordedBy</c>, <c>--recorded-by</c>). <c>key:NAME</c> matches that key holder
/// only, <c>os:USER@HOST</c> that OS user on that host, <c>os:USER</c> that OS user on any host. A bare name matches every
/// recorder of that name, key holder, OS user on any host and values stored before kinds were; each row shows its kind.
/// </summary>
/// <param name="Exactly">Stored values that match as they are.</param>
/// <param name="OsUser">An OS user who matches on any host, if any.</param>
public sealed record RecorderFilter(IReadOnlyList<string> Exactly, string? OsUser)
{
    /// <summary>The stored values an OS user's events start with, whatever the host.</summary>
    public string? OsUserStart => OsUser is null ? null : $"{Recorder.OsUserPrefix}{OsUser}@";

    /// <summary>Reads a filter; a rejection naming <paramref name="field"/> when it names no one (<c>key:</c>, <c>os:@host</c>).</summary>
    public static (RecorderFilter? Filter, Rejection? Rejection) Parse(string field, string text)
    {
        if (Validate.Line(field, text, Validate.MaxNameLength + 300) is { } invalid)
        {
            return (null, invalid);
        }

        if (text.StartsWith(Recorder.KeyHolderPrefix, StringComparison.Ordinal))
        {
            return text.Length > Recorder.KeyHolderPrefix.Length
                ? (new RecorderFilter([text], null), null)
                : (null, Rejection.Invalid(field, $"{field} '{text}' names no key holder: use key:NAME"));
        }

        if (text.StartsWith(Recorder.OsUserPrefix, StringComparison.Ordinal))
        {
            var user = text[Recorder.OsUserPrefix.Length..];
            return Recorder.Read(text) is { Kind: RecorderKind.OsUser }
                ? (new RecorderFilter([text], null), null)
                : user.Length > 0 && !user.EndsWith('@') && user.IndexOf('@') != 0
                    ? (new RecorderFilter([], user), null)
                    : (null, Rejection.Invalid(field, $"{field} '{text}' names no OS user: use os:USER or os:USER@HOST"));
        }

        return (new RecorderFilter([text, Recorder.KeyHolder(text).Stored], text), null);
    }

}
