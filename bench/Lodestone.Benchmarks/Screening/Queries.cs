using Lodestone.Screening.Matching;

namespace Lodestone.Benchmarks.Screening;

/// <summary>A query with the entry it was derived from (null for unrelated queries).</summary>
internal sealed record BenchQuery(string Kind, string Text, IndexedEntry? Target, string? Country = null);

/// <summary>How results are checked against the entry a query was derived from.</summary>
internal static class Targets
{
    /// <summary>
    /// A returned entry counts as finding the target when it is the target, or an entry listed under
    /// the same primary name (lists repeat entities: Huawei is on several lists, and there are many
    /// "Wang Wei"s; a limit of 10 cannot return them all, and any of them is the right alert).
    /// </summary>
    public static bool Same(IndexedEntry target, string listId, string entryId, string name) =>
        (string.Equals(target.ListId, listId, StringComparison.Ordinal) && string.Equals(target.Entry.Id, entryId, StringComparison.Ordinal))
        || string.Equals(target.Entry.Name, name, StringComparison.OrdinalIgnoreCase);

    public static bool Found(IndexedEntry target, IReadOnlyList<ScreeningMatch> matches) =>
        matches.Any(m => Same(target, m.ListId, m.EntryId, m.Name));

    public static bool Found(IndexedEntry target, IReadOnlyList<ScanHit> hits, IReadOnlyList<IndexedEntry> entries) =>
        hits.Any(h => Same(target, entries[h.Entry].ListId, entries[h.Entry].Entry.Id, entries[h.Entry].Entry.Name));

    /// <summary>
    /// Queries derived from a deterministic sample of list entries: for each, the exact primary name
    /// and every perturbation that applies (typo, reordered, abbreviated, legal form dropped).
    /// </summary>
    public static List<BenchQuery> Derived(IReadOnlyList<IndexedEntry> entries, int sampleSize, int seed)
    {
        var random = new Random(seed);
        var picked = new HashSet<int>();
        var queries = new List<BenchQuery>();
        var attempts = 0;
        while (picked.Count < Math.Min(sampleSize, entries.Count) && attempts++ < sampleSize * 20)
        {
            var i = random.Next(entries.Count);
            var entry = entries[i];
            if (!picked.Add(i) || entry.Entry.Name.Length < 4)
            {
                continue;
            }

            var name = entry.Entry.Name;
            queries.Add(new BenchQuery("exact", name, entry));
            Add(queries, "typo", Perturb.Typo(name, random), entry);
            Add(queries, "reordered", Perturb.Reorder(name), entry);
            Add(queries, "abbreviated", Perturb.Abbreviate(name), entry);
            Add(queries, "legal form dropped", Perturb.DropLegalForm(name), entry);
            if (entry.Entry.ChineseName is { } zh)
            {
                queries.Add(new BenchQuery("chinese", zh, entry));
            }
        }

        return queries;
    }

    private static void Add(List<BenchQuery> queries, string kind, string? text, IndexedEntry entry)
    {
        if (text is not null && text.Length >= 3)
        {
            queries.Add(new BenchQuery(kind, text, entry));
        }
    }
}
