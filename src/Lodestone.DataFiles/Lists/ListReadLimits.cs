namespace Lodestone.DataFiles.Lists;

/// <summary>
/// Bounds on what a list file may hold. A list is uploaded by an operator or fetched from a feed; a bound
/// turns a runaway or hostile file into a clear error instead of an exhausted server.
/// </summary>
public sealed record ListReadLimits
{
    /// <summary>64 MB, 500,000 entries, 4,000 characters a field.</summary>
    public static ListReadLimits Default { get; } = new();

    /// <summary>Largest file, in bytes (each companion file of an OFAC set is bounded on its own).</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Most entries a file may yield.</summary>
    public int MaxEntries { get; init; } = 500_000;

    /// <summary>Longest single field value, in characters.</summary>
    public int MaxFieldLength { get; init; } = 4_000;
}
