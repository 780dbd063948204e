using Lodestone.Screening.Normalisation;

namespace Lodestone.Screening.Matching;

/// <summary>
/// Lookup keys of a token for the fuzzy vocabulary index, as 64-bit hashes: the token itself; its first
/// <see cref="PrefixLength"/> letters with each single letter deleted (a symmetric-deletion index: any one typo,
/// insertion, omission or swap near the start still shares a key, and later typos share the prefix); and its
/// consonant key (<see cref="Phonetic.ConsonantKey"/>: Mohammed ~ Muhamad ~ mhmd). Numbers and initials only
/// have the exact key: they only match exactly (initials meet words through the other tokens of a name).
/// </summary>
internal static class FuzzyKeys
{
    public const int PrefixLength = 7;

    private const ulong ExactSalt = 0x9E3779B97F4A7C15UL;
    private const ulong DeletionSalt = 0xC2B2AE3D27D4EB4FUL;
    private const ulong PhoneticSalt = 0x165667B19E3779F9UL;

    /// <summary>The most keys one reading of a token has.</summary>
    public const int MaxKeys = PrefixLength + 3;

    /// <summary>Writes the keys of one reading of a token; returns how many.</summary>
    /// <param name="phoneticMinimum">Shortest consonant key to emit (lookups skip very short, very common keys).</param>
    public static int Of(ReadOnlySpan<char> text, TokenKind kind, Span<ulong> keys, int phoneticMinimum = 1)
    {
        var n = 0;
        keys[n++] = Hash(text, ExactSalt);
        if (text.Length < 2 || (kind & TokenKind.Number) != 0)
        {
            return n;
        }

        var prefix = text[..Math.Min(PrefixLength, text.Length)];
        keys[n++] = Hash(prefix, DeletionSalt);
        Span<char> buffer = stackalloc char[PrefixLength];
        for (var k = 0; k < prefix.Length; k++)
        {
            prefix[..k].CopyTo(buffer);
            prefix[(k + 1)..].CopyTo(buffer[k..]);
            keys[n++] = Hash(buffer[..(prefix.Length - 1)], DeletionSalt);
        }

        Span<char> consonants = stackalloc char[16];
        var c = Phonetic.ConsonantKey(text, consonants);
        if (c >= Math.Max(1, phoneticMinimum))
        {
            keys[n++] = Hash(consonants[..c], PhoneticSalt);
        }

        return n;
    }

    /// <summary>
    /// The deletion-family keys a vocabulary token equal to <paramref name="prefix"/> (up to one typo) carries: the
    /// prefix itself and each one-letter deletion. Returns how many were written.
    /// </summary>
    public static int PrefixKeys(ReadOnlySpan<char> prefix, Span<char> buffer, Span<ulong> keys)
    {
        var n = 0;
        keys[n++] = Hash(prefix, DeletionSalt);
        for (var k = 0; k < prefix.Length; k++)
        {
            prefix[..k].CopyTo(buffer);
            prefix[(k + 1)..].CopyTo(buffer[k..]);
            keys[n++] = Hash(buffer[..(prefix.Length - 1)], DeletionSalt);
        }

        return n;
    }

    /// <summary>The exact key of a text (the key an initial is indexed under).</summary>
    public static ulong Exact(ReadOnlySpan<char> text) => Hash(text, ExactSalt);

    /// <summary>FNV-1a over the characters, with a salt per key family and a final mix.</summary>
    private static ulong Hash(ReadOnlySpan<char> text, ulong salt)
    {
        // Hashing wraps by design (the build checks overflow everywhere else).
        unchecked
        {
            var h = 14695981039346656037UL ^ salt;
            foreach (var c in text)
            {
                h ^= c;
                h *= 1099511628211UL;
            }

            h ^= h >> 33;
            h *= 0xFF51AFD7ED558CCDUL;
            h ^= h >> 33;
            return h;
        }
}
}
