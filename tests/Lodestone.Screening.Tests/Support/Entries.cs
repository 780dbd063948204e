using Lodestone.Screening.Lists;
using Lodestone.Screening.Matching;

namespace Lodestone.Screening.Tests.Support;

/// <summary>Builders for list entries and indexes in tests.</summary>
internal static class Entries
{
    public static IndexedEntry Of(string id, string name, string? country = null, string? chinese = null, params string[] aliases) =>
        new("test-list", new ListEntry { Id = id, Name = name, ChineseName = chinese, Aliases = aliases, Country = country });

    public static ScreeningIndex Index(params IndexedEntry[] entries) => ScreeningIndex.Build(entries);

    /// <summary>One entry per name, numbered from 0 (the id is the position).</summary>
    public static List<IndexedEntry> Numbered(IEnumerable<string> names) =>
        [.. names.Select((name, i) => Of(i.ToString(System.Globalization.CultureInfo.InvariantCulture), name))];

    /// <summary>The best score of an entry by brute force: every name compared with <see cref="NameMatcher.Compare"/>.</summary>
    public static double BruteForce(string query, IndexedEntry entry) =>
        entry.Entry.AllNames().Max(name => NameMatcher.Compare(query, name).Score);
}
