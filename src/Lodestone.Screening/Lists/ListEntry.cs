namespace Lodestone.Screening.Lists;

/// <summary>What kind of thing a list entry names.</summary>
public enum EntryType
{
    /// <summary>Not stated by the list.</summary>
    Unknown,

    /// <summary>A company, institute, government body or other organisation.</summary>
    Entity,

    /// <summary>A natural person.</summary>
    Person,

    /// <summary>A ship.</summary>
    Vessel,

    /// <summary>An aircraft.</summary>
    Aircraft,
}

/// <summary>
/// One entry of a restricted-party list as published: its names in every script the list gives,
/// where it is, when it was listed and removed, and what the listing means.
/// </summary>
public sealed record ListEntry
{
    /// <summary>The entry's id, stable across versions of its list (the list's own number where it has one).</summary>
    public required string Id { get; init; }

    /// <summary>The primary name as listed.</summary>
    public required string Name { get; init; }

    /// <summary>The Chinese name, where the list gives one (China's lists always do).</summary>
    public string? ChineseName { get; init; }

    /// <summary>Other names: a.k.a., f.k.a., translations.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>ISO 3166-1 alpha-2 country, upper case, if known.</summary>
    public string? Country { get; init; }

    /// <summary>What the entry names.</summary>
    public EntryType Type { get; init; } = EntryType.Unknown;

    /// <summary>Date of listing, if given.</summary>
    public DateOnly? Listed { get; init; }

    /// <summary>Date of removal, if the list keeps removed entries; a removed entry no longer matches.</summary>
    public DateOnly? Removed { get; init; }

    /// <summary>The measures the listing imposes, as the list states them.</summary>
    public string? Measures { get; init; }

    /// <summary>The published source (announcement or register URL).</summary>
    public string? SourceUrl { get; init; }

    /// <summary>All names the entry is known by, primary first, without duplicates.</summary>
    public IEnumerable<string> AllNames()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in new[] { Name, ChineseName }.Concat(Aliases))
        {
            if (!string.IsNullOrWhiteSpace(name) && seen.Add(name))
            {
                yield return name;
            }
        }
    }

    /// <summary>True when the entry is in force on the date (listed, and not yet removed).</summary>
    public bool InForceOn(DateOnly date) => Removed is not { } removed || removed > date;
}
