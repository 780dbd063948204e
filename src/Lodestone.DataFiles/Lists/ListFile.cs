using Lodestone.Screening.Lists;

namespace Lodestone.DataFiles.Lists;

/// <summary>A list file read in full: every entry, or nothing (a faulty file throws <see cref="DataFileException"/>).</summary>
/// <param name="FileName">The file as named to the reader (used in errors).</param>
/// <param name="Format">The format it was read as.</param>
/// <param name="Entries">The entries, in file order.</param>
public sealed record ListFile(string FileName, ListFileFormat Format, IReadOnlyList<ListEntry> Entries)
{
    /// <summary>Records that are not parties and were passed over (FollowTheMoney sanctions, addresses, links); 0 for other formats.</summary>
    public int SkippedRecords { get; init; }

    /// <summary>SHA-256 of the file's bytes (of <c>sdn.csv</c> for OFAC), so a stored version can be matched to its source.</summary>
    public string Sha256 { get; init; } = string.Empty;
}
