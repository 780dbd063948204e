namespace Lodestone.DataFiles.Lists;

/// <summary>
/// Reads restricted-party list files. Reading is all-or-nothing: any fault (wrong columns, a malformed or
/// truncated record, bad encoding, a repeated id, an empty name, a bad date, country or type, a file over the
/// limits) throws a <see cref="DataFileException"/> naming the file, line and field, and no entry is returned.
/// </summary>
public static class ListFileReader
{
    /// <summary>Reads a list from a stream; <paramref name="fileName"/> names it in errors. An OFAC file is read without companions.</summary>
    public static ListFile Read(Stream stream, string fileName, ListFileFormat format, ListReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        limits ??= ListReadLimits.Default;
        var bytes = ListInput.ReadAll(stream, fileName, limits);
        var file = format switch
        {
            ListFileFormat.Lodestone => LodestoneListFormat.Read(bytes, fileName, limits),
            ListFileFormat.Csl => CslListFormat.Read(bytes, fileName, limits),
            ListFileFormat.Ofac => OfacListFormat.Read(bytes, fileName, null, null, null, null, limits),
            ListFileFormat.Ftm => FtmListFormat.Read(bytes, fileName, limits),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown list format."),
        };
        return file with { Sha256 = HashOf(bytes) };
    }

    /// <summary>
    /// Reads a list file. For <see cref="ListFileFormat.Ofac"/>, <c>alt.csv</c> and <c>add.csv</c> in the same
    /// folder are read with it when they exist (OFAC publishes the three together).
    /// </summary>
    public static ListFile Read(string path, ListFileFormat format, ListReadLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (format == ListFileFormat.Ofac)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            var alt = Path.Combine(folder, "alt.csv");
            var add = Path.Combine(folder, "add.csv");
            using var sdnStream = Open(path);
            using var altStream = File.Exists(alt) ? Open(alt) : null;
            using var addStream = File.Exists(add) ? Open(add) : null;
            return ReadOfac(sdnStream, path, altStream, altStream is null ? null : alt, addStream, addStream is null ? null : add, limits);
        }

        using var stream = Open(path);
        return Read(stream, path, format, limits);
    }

    /// <summary>Reads an OFAC SDN list with its optional companions: <c>alt.csv</c> (aliases) and <c>add.csv</c> (addresses, for the country).</summary>
    public static ListFile ReadOfac(
        Stream sdn,
        string sdnFileName,
        Stream? alt = null,
        string? altFileName = null,
        Stream? add = null,
        string? addFileName = null,
        ListReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(sdn);
        ArgumentNullException.ThrowIfNull(sdnFileName);
        limits ??= ListReadLimits.Default;
        altFileName ??= "alt.csv";
        addFileName ??= "add.csv";
        var sdnBytes = ListInput.ReadAll(sdn, sdnFileName, limits);
        return OfacListFormat.Read(
            sdnBytes,
            sdnFileName,
            alt is null ? null : ListInput.ReadAll(alt, altFileName, limits),
            altFileName,
            add is null ? null : ListInput.ReadAll(add, addFileName, limits),
            addFileName,
            limits) with
        { Sha256 = HashOf(sdnBytes) };
    }

    private static string HashOf(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    private static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, 0, "(file)", $"cannot be opened: {ex.Message}", ex);
        }
    }
}
