using System.Text;
using Lodestone.DataFiles.Lists;

namespace Lodestone.DataFiles.Tests.Lists;

internal static class ListTestHelpers
{
    public static ListFile Read(string text, ListFileFormat format, ListReadLimits? limits = null, string name = "t.csv") =>
        ReadBytes(Encoding.UTF8.GetBytes(text), format, limits, name);

    public static ListFile ReadBytes(byte[] bytes, ListFileFormat format, ListReadLimits? limits = null, string name = "t.csv")
    {
        using var stream = new MemoryStream(bytes);
        return ListFileReader.Read(stream, name, format, limits);
    }

    /// <summary>Asserts the read fails, and that the message starts "file:line: field: " like every data file error.</summary>
    public static DataFileException Fails(string text, ListFileFormat format, ListReadLimits? limits = null, string name = "t.csv") =>
        FailsBytes(Encoding.UTF8.GetBytes(text), format, limits, name);

    public static DataFileException FailsBytes(byte[] bytes, ListFileFormat format, ListReadLimits? limits = null, string name = "t.csv")
    {
        var ex = Assert.Throws<DataFileException>(() => ReadBytes(bytes, format, limits, name));
        Assert.Equal(name, ex.File);
        Assert.NotNull(ex.Field);
        Assert.StartsWith(ex.Line > 0 ? $"{name}:{ex.Line}: {ex.Field}: " : $"{name}: {ex.Field}: ", ex.Message, StringComparison.Ordinal);
        return ex;
    }

    /// <summary>Where an error points: (line, field).</summary>
    public static (int Line, string? Field) At(DataFileException ex) => (ex.Line, ex.Field);

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
