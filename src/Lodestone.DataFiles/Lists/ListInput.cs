using System.Text;

namespace Lodestone.DataFiles.Lists;

/// <summary>
/// Reads a list file's bytes under the size bound and decodes them strictly. A file is read whole before
/// parsing: that bounds memory by <see cref="ListReadLimits.MaxBytes"/>, lets an encoding fault be placed on
/// its line, and keeps the reading all-or-nothing.
/// </summary>
internal static class ListInput
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] ReadAll(Stream stream, string file, ListReadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limits.MaxBytes)
            {
                throw new DataFileException(file, 0, "(file)", $"the file is larger than the limit of {limits.MaxBytes:N0} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Decodes UTF-8, refusing invalid bytes with the line they sit on; a leading byte order mark is dropped.</summary>
    public static string DecodeUtf8(byte[] bytes, string file)
    {
        var start = HasUtf8Bom(bytes) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = start + Math.Max(ex.Index, 0);
            var bad = ex.BytesUnknown is { Length: > 0 } unknown ? Convert.ToHexString(unknown) : "?";
            throw new DataFileException(file, LineAt(bytes, offset), "(encoding)", $"invalid UTF-8 (byte 0x{bad} at offset {offset}); save the file as UTF-8.", ex);
        }
    }

    /// <summary>Refuses invalid UTF-8 with the line it sits on, without keeping the decoded text.</summary>
    public static void ValidateUtf8(byte[] bytes, string file)
    {
        if (!IsValidUtf8(bytes))
        {
            _ = DecodeUtf8(bytes, file);
        }
    }

    public static bool IsValidUtf8(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    public static ReadOnlyMemory<byte> WithoutBom(byte[] bytes) => bytes.AsMemory(HasUtf8Bom(bytes) ? 3 : 0);

    public static bool HasUtf8Bom(ReadOnlySpan<byte> bytes) => bytes is [0xEF, 0xBB, 0xBF, ..];

    /// <summary>The 1-based line holding the byte at <paramref name="offset"/>.</summary>
    public static int LineAt(ReadOnlySpan<byte> bytes, long offset) =>
        1 + bytes[..(int)Math.Clamp(offset, 0, bytes.Length)].Count((byte)'\n');
}
