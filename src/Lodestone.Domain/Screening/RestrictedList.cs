using Lodestone.Domain.Common;
using Lodestone.Domain.Routing;

namespace Lodestone.Domain.Screening;

/// <summary>
/// A restricted-party list the authority screens against (China's control list, the Unreliable Entity
/// List, the US Entity List…). Its entries change only through imports, each a new numbered version.
/// </summary>
public sealed class RestrictedList
{
    /// <summary>The longest list id (a slug such as <c>cn-export-control</c>).</summary>
    public const int MaxIdLength = 64;

    private RestrictedList()
    {
    }

    /// <summary>Slug id.</summary>
    public string Id { get; private set; } = string.Empty;

    /// <summary>Display name.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>Who publishes it (MOFCOM, BIS…).</summary>
    public string Authority { get; private set; } = string.Empty;

    /// <summary>What a hit means for routing.</summary>
    public ListKind Kind { get; private set; }

    /// <summary>What the list is, for the list page.</summary>
    public string? Description { get; private set; }

    /// <summary>The version in force (0 before the first import).</summary>
    public int CurrentVersion { get; private set; }

    /// <summary>When the current version was imported.</summary>
    public DateTimeOffset? UpdatedAt { get; private set; }

    /// <summary>Creates a list with no entries yet.</summary>
    public static RestrictedList Create(string id, string name, string authority, ListKind kind, string? description)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength || !id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            throw new DomainException("id", $"A list id is 1–{MaxIdLength} lower-case letters, digits and hyphens (e.g. cn-export-control).");
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            throw new DomainException("name", "A list needs a name of at most 200 characters.");
        }

        if (string.IsNullOrWhiteSpace(authority) || authority.Length > 200)
        {
            throw new DomainException("authority", "A list needs its publishing authority (at most 200 characters).");
        }

        return new RestrictedList
        {
            Id = id,
            Name = name.Trim(),
            Authority = authority.Trim(),
            Kind = kind,
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
        };
    }

    /// <summary>Moves the list to its next version; the caller stores the version and its entries in the same transaction.</summary>
    public int Advance(DateTimeOffset at)
    {
        CurrentVersion++;
        UpdatedAt = at;
        return CurrentVersion;
    }
}
