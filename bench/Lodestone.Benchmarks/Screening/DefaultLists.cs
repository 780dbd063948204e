using Lodestone.DataFiles;
using Lodestone.DataFiles.Lists;
using Lodestone.Screening.Matching;

namespace Lodestone.Benchmarks.Screening;

/// <summary>The default lists (<c>data/lists/lists.yaml</c>) and OFAC SDN, read with the DataFiles list readers.</summary>
internal static class DefaultLists
{
    public static (List<IndexedEntry> Entries, List<string> Sources) Load(BenchPaths paths)
    {
        var entries = new List<IndexedEntry>();
        var sources = new List<string>();
        foreach (var list in ListCatalogFile.Load(paths.ListsYaml))
        {
            var file = ListFileReader.Read(list.File, list.Format);
            entries.AddRange(file.Entries.Select(e => new IndexedEntry(list.Id, e)));
            sources.Add($"{list.Id}: {Stats.N(file.Entries.Count)} entries, {Stats.N(file.Entries.Sum(e => e.AllNames().Count()))} names (data/lists/{Path.GetFileName(list.File)}, format {list.Format.WireName()})");
        }

        return (entries, sources);
    }

    /// <summary>The SDN file without its alt.csv/add.csv companions (not in the snapshot): aliases from Remarks only.</summary>
    public static List<IndexedEntry> LoadSdn(string file) =>
        [.. ListFileReader.Read(file, ListFileFormat.Ofac).Entries.Select(e => new IndexedEntry("ofac-sdn", e))];
}
