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

    /// <summary>
    /// Asserts that the index returns exactly the entries, with the same scores, that scoring every name of every entry
    /// puts at or above <paramref name="threshold"/> for one query; returns how many there were.
    /// </summary>
    public static int AssertIndexAgreesWithBruteForce(
        ScreeningIndex index, IEnumerable<IndexedEntry> entries, string query, double threshold = ScreeningOptions.DefaultThreshold)
    {
        var expected = entries
            .Select(e => (e.Entry.Id, Score: BruteForce(query, e)))
            .Where(x => x.Score >= threshold && x.Score > 0)
            .ToDictionary(x => x.Id, x => x.Score);
        var found = index.Screen(new(query), new ScreeningOptions { Threshold = threshold, Limit = 1000 })
            .ToDictionary(m => m.EntryId, m => m.Score);
        Assert.True(expected.Keys.Order().SequenceEqual(found.Keys.Order()),
            $"'{query}' at {threshold}: expected [{string.Join(", ", expected.Keys)}], found [{string.Join(", ", found.Keys)}]");
        foreach (var (id, score) in expected)
        {
            Assert.Equal(score, found[id], 9);
        }

        return expected.Count;
    }
}
