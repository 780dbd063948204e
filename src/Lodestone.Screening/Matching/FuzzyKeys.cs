using Lodestone.Screening.Normalisation;

namespace Lodestone.Screening.Matching;

/// <summary>
/// Lookup keys of a token for the fuzzy vocabulary index, as 64-bit hashes of these families:
/// <list type="bullet">
/// <item>exact: the token itself;</item>
/// <item>deletion: the token (its first <see cref="PrefixLength"/> letters; a joined entry window's whole text, which a
/// long query token also looks up), whole and with each single letter deleted (a symmetric-deletion index: any one typo,
/// insertion, omission or adjacent swap still shares a key);</item>
/// <item>sound: first-letter sound class plus consonant key (<see cref="Phonetic.ConsonantKey"/>: Mohammed ~ Muhamad);</item>
/// <item>skeleton: the consonant key alone, looked up by romanised Arabic or Hebrew, whose first letter is unreliable
/// ("ly" for Ali);</item>
/// <item>abjad skeleton: the same, for romanised Arabic or Hebrew tokens only, looked up by Latin tokens;</item>
/// <item>stem: the first four (and six) letters, as Jaro-Winkler rates a shared beginning highly ("space" ~ "spacety");</item>
/// <item>two-edit: the first eight letters less any one or two letters (see <c>TwoEdits</c>).</item>
/// </list>
/// Numbers and initials only have the exact key: they only match exactly.
/// </summary>
internal static class FuzzyKeys
{
    public const int PrefixLength = 10;

    /// <summary>Shortest consonant key a Latin query token looks up: shorter ones are shared by thousands of tokens, and
    /// short words are covered by the deletion keys.</summary>
    private const int SoundMinimum = 3;

    /// <summary>Letters of a token the two-deletion keys are taken from.</summary>
    private const int TwoEditPrefix = 8;

    /// <summary>Shortest string a two-deletion key stands for: shorter ones are shared by too many tokens.</summary>
    private const int TwoEditMinimum = 4;

    /// <summary>The most two-deletion keys of one reading: the prefix, less one letter, less two letters.</summary>
    private const int MaxTwoEditKeys = 1 + TwoEditPrefix + (TwoEditPrefix * (TwoEditPrefix - 1) / 2);

    /// <summary>The most keys one reading of a token has.</summary>
    public const int MaxKeys = PrefixLength + 7 + MaxTwoEditKeys;

    private const ulong ExactSalt = 0x9E3779B97F4A7C15UL;
    private const ulong DeletionSalt = 0xC2B2AE3D27D4EB4FUL;
    private const ulong SoundSalt = 0x165667B19E3779F9UL;
    private const ulong SkeletonSalt = 0x27D4EB2F165667C5UL;
    private const ulong AbjadSkeletonSalt = 0x85EBCA77C2B2AE63UL;
    private const ulong StemSalt = 0x4CF5AD432745937FUL;
    private const ulong TwoEditSalt = 0x94D049BB133111EBUL;

    /// <summary>Tokens longer than this share a stem key with every token of the same first letters.</summary>
    private const int StemLength = 4;

    /// <summary>Longest query token looked up by its first four letters; longer ones use six.</summary>
    private const int StemLookupMaximum = 7;

    /// <summary>The stem of long tokens.</summary>
    private const int LongStemLength = 6;

    /// <summary>
    /// The keys a vocabulary token is indexed under; returns how many. A joined entry window (two or three entry tokens
    /// run together, <paramref name="entryWindow"/>) has the exact, deletion, sound and skeleton keys only: windows are about as
    /// many as names, and the two-edit and stem families would multiply their keys by three. Its deletions are of the
    /// whole text, not of its first <see cref="PrefixLength"/> letters: a window begins with an entry token, and every
    /// "petersburg …" window would otherwise share a key with the query token "petersburg".
    /// </summary>
    public static int ForIndex(ReadOnlySpan<char> text, TokenKind kind, Span<ulong> keys, bool entryWindow = false)
    {
        var n = 0;
        keys[n++] = Hash(text, ExactSalt);
        if (text.Length < 2 || (kind & TokenKind.Number) != 0)
        {
            return n;
        }

        n += Deletions(text, keys[n..], entryWindow ? Compounds.MaxLength : PrefixLength);
        if (!entryWindow)
        {
            n += TwoEdits(text, keys[n..]);
            if (text.Length > StemLength)
            {
                keys[n++] = Hash(text[..StemLength], StemSalt);
            }

            if (text.Length > LongStemLength)
            {
                keys[n++] = Hash(text[..LongStemLength], StemSalt);
            }
        }

        Span<char> consonants = stackalloc char[17];
        var c = Phonetic.ConsonantKey(text, consonants[1..]);
        if (c > 0)
        {
            consonants[0] = (char)('A' + Phonetic.ClassOf(text[0]));
            keys[n++] = Hash(consonants[..(c + 1)], SoundSalt);
            keys[n++] = SkeletonKey(consonants[1..(c + 1)], SkeletonLength(text));
            if ((kind & TokenKind.Abjad) != 0)
            {
                keys[n++] = Hash(consonants[1..(c + 1)], AbjadSkeletonSalt);
            }
        }

        return n;
    }

    /// <summary>
    /// The skeleton key: consonant key plus the skeleton's length (consonant keys are coarse and shared by thousands of
    /// tokens). A romanised Arabic or Hebrew token meets a Latin word only if their skeletons are equal (one or two
    /// letters) or close in length (see <see cref="TokenSimilarity"/>), so its lookup probes the few lengths allowed.
    /// </summary>
    private static ulong SkeletonKey(ReadOnlySpan<char> consonants, int length)
    {
        Span<char> keyed = stackalloc char[consonants.Length + 1];
        consonants.CopyTo(keyed);
        keyed[^1] = (char)('a' + Math.Min(length, 25));
        return Hash(keyed, SkeletonSalt);
    }

    private static int SkeletonLength(ReadOnlySpan<char> text)
    {
        Span<char> skeleton = stackalloc char[Math.Min(text.Length, 64)];
        return Phonetic.Skeleton(text, skeleton);
    }

    /// <summary>Skeletons up to this long must be equal to match (see <see cref="TokenSimilarity"/>).</summary>
    private const int ShortSkeleton = 2;

    /// <summary>The most keys a lookup writes (a short Arabic skeleton probes several lengths; a long token adds the deletions of its whole text).</summary>
    public const int MaxLookupKeys = MaxKeys + 24 + Compounds.MaxLength + 2;

    /// <summary>
    /// The keys to look a query token up by; returns how many. A joined query window (<paramref name="queryWindow"/>) uses
    /// only the exact and deletion keys.
    /// </summary>
    public static int ForLookup(ReadOnlySpan<char> text, TokenKind kind, Span<ulong> keys, bool queryWindow = false)
    {
        var n = 0;
        keys[n++] = Hash(text, ExactSalt);
        if (text.Length < 2 || (kind & (TokenKind.Number | TokenKind.Initial)) != 0)
        {
            return n;
        }

        Span<char> consonants = stackalloc char[17];
        var c = Phonetic.ConsonantKey(text, consonants[1..]);
        if ((kind & TokenKind.Abjad) != 0)
        {
            // Romanised Arabic or Hebrew: spelling-level keys (deletions, sound) mean nothing against a Latin spelling,
            // and other romanised tokens share the skeleton family too.
            var letters = SkeletonLength(text);
            for (var length = 1; length <= 25 && c > 0 && n < keys.Length; length++)
            {
                var possible = letters <= ShortSkeleton || length <= ShortSkeleton
                    ? length == letters
                    : ScoringParameters.AbjadCertainty * TokenSimilarity.LengthPenalty(Math.Min(letters, length), Math.Max(letters, length))
                        * JaroWinkler.UpperBound(Math.Min(letters, length), Math.Max(letters, length)) >= ScoringParameters.PairFloor;
                if (possible)
                {
                    keys[n++] = SkeletonKey(consonants[1..(c + 1)], length);
                }
            }

            return n;
        }

        n += Deletions(text, keys[n..]);
        if (!queryWindow)
        {
            n += TwoEdits(text, keys[n..]);
            if (text.Length > PrefixLength && text.Length <= Compounds.MaxLength + 1)
            {
                // A long token may be an entry window run together with one edit ("fridrichbuchenberg"), and a window's
                // deletion keys are of its whole text (up to ten letters, the prefix deletions above are those).
                n += Deletions(text, keys[n..], Compounds.MaxLength + 1);
            }
        }

        if (text.Length >= StemLength && !queryWindow)
        {
            // Jaro-Winkler favours a shared beginning: "space" and "spacety" are close though two letters apart, and so
            // are "materails" and "material". Long tokens look up their first six letters: four are shared by too many
            // ("inte…", "elec…").
            var stem = text.Length <= StemLookupMaximum ? StemLength : LongStemLength;
            keys[n++] = Hash(text[..Math.Min(stem, text.Length)], StemSalt);
        }

        if (queryWindow || c == 0)
        {
            return n;
        }

        if (c >= SoundMinimum)
        {
            consonants[0] = (char)('A' + Phonetic.ClassOf(text[0]));
            keys[n++] = Hash(consonants[..(c + 1)], SoundSalt);
        }

        keys[n++] = Hash(consonants[1..(c + 1)], AbjadSkeletonSalt);
        return n;
    }

    /// <summary>
    /// Whether a query reading and an entry reading share a key: the query's lookup keys (and, for a plural-looking
    /// token, those of its singular, as <see cref="CandidateIndex"/> looks them up) against the entry's index keys.
    /// <paramref name="gate"/> says which: a query token or a joined query window, against an entry token or a joined entry
    /// window. This is the relation the candidate index finds by construction, so the scorer, which credits a spelling
    /// pair only when it holds, never rates a pair no lookup reaches.
    /// </summary>
    public static bool Share(ReadOnlySpan<char> query, TokenKind queryKind, ReadOnlySpan<char> entry, TokenKind entryKind, KeyGate gate)
    {
        var queryJoined = gate == KeyGate.Window;
        Span<ulong> lookup = stackalloc ulong[2 * MaxLookupKeys];
        var n = ForLookup(query, queryKind, lookup[..MaxLookupKeys], queryWindow: queryJoined);
        if (!queryJoined && HasPluralEnding(query, queryKind))
        {
            n += ForLookup(query[..^1], queryKind, lookup.Slice(n, MaxLookupKeys));
        }

        Span<ulong> index = stackalloc ulong[MaxKeys];
        var m = ForIndex(entry, entryKind, index, entryWindow: gate == KeyGate.EntryWindow);
        var keys = lookup[..n];
        foreach (var key in index[..m])
        {
            if (keys.Contains(key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a token may be a plural the normaliser's folding missed because of a typo ("materails"): its singular is
    /// looked up too, so that one edit away from the singular is still one edit away.
    /// </summary>
    public static bool HasPluralEnding(ReadOnlySpan<char> text, TokenKind kind) =>
        text.Length >= 5 && text[^1] == 's' && kind is TokenKind.None or TokenKind.Generic;

    /// <summary>The exact key of a text (the key an initial is indexed under).</summary>
    public static ulong Exact(ReadOnlySpan<char> text) => Hash(text, ExactSalt);

    /// <summary>The deletion family: the text's first <paramref name="limit"/> letters, whole and less each letter.</summary>
    private static int Deletions(ReadOnlySpan<char> text, Span<ulong> keys, int limit = PrefixLength)
    {
        var prefix = text[..Math.Min(limit, text.Length)];
        var n = 0;
        keys[n++] = Hash(prefix, DeletionSalt);
        Span<char> buffer = stackalloc char[limit];
        for (var k = 0; k < prefix.Length; k++)
        {
            prefix[..k].CopyTo(buffer);
            prefix[(k + 1)..].CopyTo(buffer[k..]);
            keys[n++] = Hash(buffer[..(prefix.Length - 1)], DeletionSalt);
        }

        return n;
    }

    /// <summary>
    /// The two-deletion family: the first <see cref="TwoEditPrefix"/> letters, whole and less any one or two letters,
    /// where at least <see cref="TwoEditMinimum"/> letters remain. Two tokens within two edits of each other in their
    /// first letters share one ("afagasev" ~ "afanasyev", "qmah" ~ "qutmah"), which the one-deletion family misses: the
    /// pruning of the candidate stage relies on every such pair that the scorer meets being found.
    /// </summary>
    private static int TwoEdits(ReadOnlySpan<char> text, Span<ulong> keys)
    {
        var prefix = text[..Math.Min(TwoEditPrefix, text.Length)];
        if (prefix.Length < TwoEditMinimum)
        {
            return 0;
        }

        var n = 0;
        keys[n++] = Hash(prefix, TwoEditSalt);
        Span<char> buffer = stackalloc char[TwoEditPrefix];
        for (var k = 0; k < prefix.Length && prefix.Length - 1 >= TwoEditMinimum; k++)
        {
            prefix[..k].CopyTo(buffer);
            prefix[(k + 1)..].CopyTo(buffer[k..]);
            keys[n++] = Hash(buffer[..(prefix.Length - 1)], TwoEditSalt);
        }

        for (var k = 0; k < prefix.Length && prefix.Length - 2 >= TwoEditMinimum; k++)
        {
            for (var m = k + 1; m < prefix.Length; m++)
            {
                var at = 0;
                for (var c = 0; c < prefix.Length; c++)
                {
                    if (c != k && c != m)
                    {
                        buffer[at++] = prefix[c];
                    }
                }

                keys[n++] = Hash(buffer[..at], TwoEditSalt);
            }
        }

        return n;
    }

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
