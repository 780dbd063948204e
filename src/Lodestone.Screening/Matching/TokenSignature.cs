using System.Numerics;
using Lodestone.Screening.Normalisation;

namespace Lodestone.Screening.Matching;

/// <summary>
/// A token's letter counts, length and first letter packed in 64 bits: enough to rule out most pairs a fuzzy key
/// brings together without reading either token's text. Jaro-Winkler reaches the pair floor only if enough characters
/// match, and no more characters can match than the two tokens have in common (letter by letter, counts capped at two;
/// a token with a letter three times falls back to distinct letters). Stored once per key entry, so it stays small.
/// </summary>
internal readonly record struct TokenSignature(ulong Bits)
{
    private const ulong LetterBits = (1UL << 52) - 1;
    private const ulong FirstBits = 0x5555_5555_5555_5UL;
    private const ulong Triple = 1UL << 52;
    private const ulong PlainBit = 1UL << 53;
    private const int LengthShift = 54;
    private const int FirstShift = 59;
    private const int MaxLength = 31;

    /// <summary>Whether the letter test applies (an ordinary word of letters, at most 31 long).</summary>
    public bool Plain => (Bits & PlainBit) != 0;

    public int Length => (int)((Bits >> LengthShift) & MaxLength);

    private char First => (char)('a' + (int)((Bits >> FirstShift) & 31));

    public static TokenSignature Of(ReadOnlySpan<char> text, TokenKind kind, bool hasAlternates)
    {
        ulong counts = 0;
        var letters = true;
        foreach (var c in text)
        {
            if (c is < 'a' or > 'z')
            {
                letters = false;
                continue;
            }

            var one = 1UL << (2 * (c - 'a'));
            var two = one << 1;
            counts |= (counts & one) == 0 ? one : (counts & two) == 0 ? two : Triple;
        }

        // Only ordinary words go through the letter test: numbers, initials, Arabic skeletons and glossary words with
        // alternatives are compared by other rules.
        var plain = letters && !hasAlternates && (kind & (TokenKind.Number | TokenKind.Initial | TokenKind.Abjad)) == 0
            && text.Length is > 1 and <= MaxLength;
        var length = (ulong)Math.Clamp(text.Length, 1, MaxLength);
        var first = plain ? (ulong)(text[0] - 'a') : 0;
        return new TokenSignature((plain ? counts | PlainBit : 0) | (length << LengthShift) | (first << FirstShift));
    }

    /// <summary>False when the two tokens cannot reach the pair floor; true when they may.</summary>
    public static bool MayMeet(TokenSignature a, TokenSignature b)
    {
        if (!a.Plain || !b.Plain)
        {
            return true;
        }

        int la = a.Length, lb = b.Length;
        var matches = Matches(a, b);
        if (Typos.LengthsAllow(la, lb) && matches >= Math.Max(la, lb) - 2)
        {
            // Possibly a typo pair (Typos), whatever the first letters: an edit removes at most one common letter.
            return true;
        }

        if (Phonetic.ClassOf(a.First) != Phonetic.ClassOf(b.First) || !TokenSimilarity.LengthsAllow(la, lb))
        {
            return false;
        }

        // Jaro = (m/la + m/lb + 1) / 3 at best; Jaro-Winkler adds at most 0.4·(1 − Jaro), and only above 0.7 and with a
        // common first letter; the length penalty scales it down.
        int shorter = Math.Min(la, lb), longer = Math.Max(la, lb);
        var needed = ScoringParameters.PairFloor / TokenSimilarity.LengthPenalty(shorter, longer);
        var jaro = a.First != b.First || needed <= 0.7 ? needed : Math.Max(0.7, (needed - 0.4) / 0.6);
        return (double)matches * (la + lb) >= (((3.0 * jaro) - 1.0) * la * lb) - 1e-9;
    }

    /// <summary>The most characters of the two tokens that can match (letter counts in common).</summary>
    private static int Matches(TokenSignature a, TokenSignature b)
    {
        int la = a.Length, lb = b.Length;
        int matches;
        var ca = a.Bits & LetterBits;
        var cb = b.Bits & LetterBits;
        if (((a.Bits | b.Bits) & Triple) == 0)
        {
            matches = BitOperations.PopCount(ca & cb);
        }
        else
        {
            // Distinct letters only: a letter one token lacks leaves at least one character of the other unmatched.
            var da = (ca | (ca >> 1)) & FirstBits;
            var db = (cb | (cb >> 1)) & FirstBits;
            matches = Math.Min(la - BitOperations.PopCount(da & ~db), lb - BitOperations.PopCount(db & ~da));
        }

        return matches;
    }
}
