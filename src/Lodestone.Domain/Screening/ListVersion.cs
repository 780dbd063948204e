namespace Lodestone.Domain.Screening;

/// <summary>How an entry changed between two versions of its list.</summary>
public enum EntryChangeKind
{
    /// <summary>New in this version.</summary>
    Added,

    /// <summary>Gone from this version (or given a removal date).</summary>
    Removed,

    /// <summary>Names, country or other fields changed.</summary>
    Changed,
}

/// <summary>One line of a version's diff.</summary>
/// <param name="EntryId">The entry.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Name">The entry's primary name (the old one for a removal).</param>
/// <param name="Fields">For a change, which fields changed.</param>
public sealed record EntryChange(string EntryId, EntryChangeKind Kind, string Name, IReadOnlyList<string> Fields);

/// <summary>One import of a list: the file it came from and what it changed.</summary>
public sealed class ListVersion
{
    private ListVersion()
    {
    }

    /// <summary>Identity.</summary>
    public Guid Id { get; private set; }

    /// <summary>The list.</summary>
    public string ListId { get; private set; } = string.Empty;

    /// <summary>1, 2, 3… within the list.</summary>
    public int Number { get; private set; }

    /// <summary>When it was imported.</summary>
    public DateTimeOffset ImportedAt { get; private set; }

    /// <summary>Who imported it.</summary>
    public string ImportedBy { get; private set; } = string.Empty;

    /// <summary>The file format (wire name).</summary>
    public string Format { get; private set; } = string.Empty;

    /// <summary>The file name as uploaded.</summary>
    public string FileName { get; private set; } = string.Empty;

    /// <summary>SHA-256 of the file, so the version can be matched to its source.</summary>
    public string Sha256 { get; private set; } = string.Empty;

    /// <summary>Entries in this version.</summary>
    public int EntryCount { get; private set; }

    /// <summary>Entries added.</summary>
    public int Added { get; private set; }

    /// <summary>Entries removed.</summary>
    public int Removed { get; private set; }

    /// <summary>Entries changed.</summary>
    public int Changed { get; private set; }

    /// <summary>The diff against the previous version.</summary>
    public IReadOnlyList<EntryChange> Changes { get; private set; } = [];

    /// <summary>Records a version; <paramref name="keepChanges"/> false keeps only the counts (a first version, where every entry is new).</summary>
    public static ListVersion Create(
        Guid id, string listId, int number, DateTimeOffset at, string importedBy, string format, string fileName, string sha256, int entryCount, IReadOnlyList<EntryChange> changes, bool keepChanges = true)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return new ListVersion
        {
            Id = id,
            ListId = listId,
            Number = number,
            ImportedAt = at,
            ImportedBy = importedBy,
            Format = format,
            FileName = fileName.Length > 260 ? fileName[..260] : fileName,
            Sha256 = sha256,
            EntryCount = entryCount,
            Added = changes.Count(c => c.Kind == EntryChangeKind.Added),
            Removed = changes.Count(c => c.Kind == EntryChangeKind.Removed),
            Changed = changes.Count(c => c.Kind == EntryChangeKind.Changed),
            Changes = keepChanges ? changes : [],
        };
    }
}
