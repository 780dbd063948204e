namespace Lodestone.Domain.Screening;

/// <summary>
/// An entry of a list as stored, valid from one version until (not including) another. Rows are never
/// updated in place: a change closes the old row and opens a new one, so any past version can be read back
/// (for re-screening diffs and for replaying history under a draft policy).
/// </summary>
public sealed class StoredListEntry
{
    private StoredListEntry()
    {
    }

    /// <summary>Identity of the row.</summary>
    public Guid Id { get; private set; }

    /// <summary>The list.</summary>
    public string ListId { get; private set; } = string.Empty;

    /// <summary>The entry's id within its list, stable across versions.</summary>
    public string EntryId { get; private set; } = string.Empty;

    /// <summary>First version holding this content.</summary>
    public int FromVersion { get; private set; }

    /// <summary>First version no longer holding it; null while current.</summary>
    public int? ToVersion { get; private set; }

    /// <summary>A hash of the content; a clearance holds only while it is unchanged.</summary>
    public string Fingerprint { get; private set; } = string.Empty;

    /// <summary>Primary name.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>Chinese name.</summary>
    public string? ChineseName { get; private set; }

    /// <summary>Aliases.</summary>
    public IReadOnlyList<string> Aliases { get; private set; } = [];

    /// <summary>ISO alpha-2 country.</summary>
    public string? Country { get; private set; }

    /// <summary>Entry type (wire name: entity, person, vessel, aircraft, unknown).</summary>
    public string Type { get; private set; } = "unknown";

    /// <summary>Listing date.</summary>
    public DateOnly? Listed { get; private set; }

    /// <summary>Removal date.</summary>
    public DateOnly? Removed { get; private set; }

    /// <summary>Measures.</summary>
    public string? Measures { get; private set; }

    /// <summary>Source URL.</summary>
    public string? SourceUrl { get; private set; }

    /// <summary>Creates a current row.</summary>
    public static StoredListEntry Create(
        Guid id, string listId, string entryId, int fromVersion, string fingerprint, string name, string? chineseName, IReadOnlyList<string> aliases,
        string? country, string type, DateOnly? listed, DateOnly? removed, string? measures, string? sourceUrl) => new()
        {
            Id = id,
            ListId = listId,
            EntryId = entryId,
            FromVersion = fromVersion,
            Fingerprint = fingerprint,
            Name = name,
            ChineseName = chineseName,
            Aliases = aliases,
            Country = country,
            Type = type,
            Listed = listed,
            Removed = removed,
            Measures = measures,
            SourceUrl = sourceUrl,
        };

    /// <summary>Closes the row at a version (the entry changed or left the list).</summary>
    public void Close(int version) => ToVersion = version;
}
