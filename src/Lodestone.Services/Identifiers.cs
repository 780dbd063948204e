using System.Globalization;

namespace Lodestone.Services;

/// <summary>
/// Ids are UUIDv7 (time-ordered, so indexes stay compact); human numbers take the last 48 random bits
/// of the id, so instances need no shared counter, and a collision stays unlikely even at millions of
/// numbers a year (birthday bound ≈ 16 million).
/// </summary>
public static class Identifiers
{
    public static Guid NewId(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Guid.CreateVersion7(time.GetUtcNow());
    }

    public static string Number(string prefix, Guid id, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{at.Year}-{id.ToString("N")[^12..].ToUpperInvariant()}");
}
