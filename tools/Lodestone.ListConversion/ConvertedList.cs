using System.Security.Cryptography;
using System.Text;
using Lodestone.DataFiles.Lists;
using Lodestone.Domain.Routing;
using Lodestone.Screening.Lists;

namespace Lodestone.ListConversion;

/// <summary>A list produced by the conversion: its catalogue entry and its entries.</summary>
public sealed record ConvertedList(
    string Id,
    string Name,
    string Authority,
    ListKind Kind,
    string Description,
    string Source,
    string SourceUrl,
    string Licence,
    string Notes,
    IReadOnlyList<ListEntry> Entries)
{
    public string File => $"{Id}.csv";
}

/// <summary>
/// An entry being assembled from one or more source records. Records with the same key are one entry:
/// names and measures are merged, the earliest listing date is kept, so that the output does not depend
/// on the order the sources are read in.
/// </summary>
public sealed class Draft
{
    public required string Key { get; init; }

    public required string Name { get; set; }

    public string? ChineseName { get; set; }

    public List<string> Aliases { get; } = [];

    public string? Country { get; set; }

    public EntryType Type { get; set; }

    public DateOnly? Listed { get; set; }

    public DateOnly? Removed { get; set; }

    public List<string> Measures { get; } = [];

    public string? SourceUrl { get; set; }

    public void AddAlias(string? alias)
    {
        if (alias is null)
        {
            return;
        }

        var clean = ListValues.CollapseWhitespace(alias).Replace(LodestoneListFormat.AliasSeparator, '/');
        if (clean.Length > 0 && clean != Name && clean != ChineseName && !Aliases.Contains(clean, StringComparer.Ordinal))
        {
            Aliases.Add(clean);
        }
    }

    public void AddMeasure(string? measure)
    {
        if (measure is not null && ListValues.CollapseWhitespace(measure) is { Length: > 0 } clean && !Measures.Contains(clean, StringComparer.Ordinal))
        {
            Measures.Add(clean);
        }
    }

    public void ListedOn(DateOnly? date)
    {
        if (date is { } d && (Listed is not { } l || d < l))
        {
            Listed = d;
        }
    }

    public ListEntry ToEntry(string id) => new()
    {
        Id = id,
        Name = Name,
        ChineseName = ChineseName,
        Aliases = Aliases.ToList(),
        Country = Country,
        Type = Type,
        Listed = Listed,
        Removed = Removed,
        Measures = Measures.Count == 0 ? null : string.Join(" | ", Measures),
        SourceUrl = SourceUrl,
    };
}

/// <summary>Entry ids: the list's id and a hash of the entry's normalised key, stable while the key is.</summary>
public static class EntryIds
{
    /// <summary>NFKC, white space collapsed, upper case: "Acme  Co." and "ACME CO." are one key.</summary>
    public static string Normalise(string text) =>
        ListValues.CollapseWhitespace(text.Normalize(NormalizationForm.FormKC)).ToUpperInvariant();

    public static string For(string listId, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return $"{listId}-{Convert.ToHexStringLower(hash)[..12]}";
    }

    /// <summary>Turns drafts into entries, refusing a hash collision (two keys, one id) rather than merging silently.</summary>
    public static IReadOnlyList<ListEntry> Build(string listId, IEnumerable<Draft> drafts)
    {
        var byId = new Dictionary<string, Draft>(StringComparer.Ordinal);
        var entries = new List<ListEntry>();
        foreach (var draft in drafts)
        {
            var id = For(listId, draft.Key);
            if (!byId.TryAdd(id, draft))
            {
                throw new InvalidOperationException($"{listId}: the keys '{byId[id].Key}' and '{draft.Key}' give the same id {id}.");
            }

            entries.Add(draft.ToEntry(id));
        }

        return entries.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
    }
}
