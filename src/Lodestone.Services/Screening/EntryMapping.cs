using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lodestone.Domain.Common;
using Lodestone.Domain.Screening;
using Lodestone.Screening.Lists;

namespace Lodestone.Services.Screening;

/// <summary>Between the engine's <see cref="ListEntry"/> and the stored row, and the content fingerprint of an entry.</summary>
public static class EntryMapping
{
    public static ListEntry ToEntry(StoredListEntry row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new ListEntry
        {
            Id = row.EntryId,
            Name = row.Name,
            ChineseName = row.ChineseName,
            Aliases = row.Aliases,
            Country = row.Country,
            Type = WireName.Parse<EntryType>(row.Type, "type"),
            Listed = row.Listed,
            Removed = row.Removed,
            Measures = row.Measures,
            SourceUrl = row.SourceUrl,
        };
    }

    public static StoredListEntry ToRow(Guid id, string listId, int version, ListEntry entry) =>
        StoredListEntry.Create(
            id, listId, entry.Id, version, Fingerprint(entry), entry.Name, entry.ChineseName, entry.Aliases, entry.Country,
            WireName.Of(entry.Type), entry.Listed, entry.Removed, entry.Measures, entry.SourceUrl);

    /// <summary>
    /// SHA-256 over the entry's fields in a fixed order. Two imports of the same content give the same
    /// fingerprint, so only real changes show in a diff and only real changes reopen a cleared hit.
    /// </summary>
    public static string Fingerprint(ListEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            entry.Id, entry.Name, entry.ChineseName, entry.Aliases, entry.Country, WireName.Of(entry.Type),
            entry.Listed?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            entry.Removed?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            entry.Measures, entry.SourceUrl,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Names the fields that differ between two versions of an entry, for the diff.</summary>
    public static IReadOnlyList<string> ChangedFields(ListEntry before, ListEntry after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var fields = new List<string>();
        void Check(string field, bool same)
        {
            if (!same)
            {
                fields.Add(field);
            }
        }

        Check("name", before.Name == after.Name);
        Check("chineseName", before.ChineseName == after.ChineseName);
        Check("aliases", before.Aliases.SequenceEqual(after.Aliases));
        Check("country", before.Country == after.Country);
        Check("type", before.Type == after.Type);
        Check("listed", before.Listed == after.Listed);
        Check("removed", before.Removed == after.Removed);
        Check("measures", before.Measures == after.Measures);
        Check("sourceUrl", before.SourceUrl == after.SourceUrl);
        return fields;
    }
}
