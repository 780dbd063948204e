using Lodestone.Screening.Normalisation;

namespace Lodestone.Screening.Matching;

/// <summary>
/// Joined-token variants: "HUA WEI" meets "HUAWEI", "JSC ARGUMENT" meets "JSCARGUMENT", "Xi Jinping" meets the
/// pinyin run 习近平 = "xijinping", "SergeiLavrov" meets "Sergei Lavrov". The scorer lets adjacent tokens on one
/// side meet a single token on the other: any two adjacent tokens, or three short ones (Kim Jong Un, van der Bilt).
/// </summary>
internal static class Compounds
{
    /// <summary>Longest joined text considered.</summary>
    public const int MaxLength = 24;

    private const int TriplePart = 4;

    /// <summary>A window of adjacent tokens.</summary>
    public readonly record struct Window(int Start, int Length);

    /// <summary>How many query-side windows a name has.</summary>
    public static int QueryWindowCount(ReadOnlySpan<TokenInfo> tokens)
    {
        Span<Window> windows = stackalloc Window[2 * tokens.Length];
        return QueryWindows(tokens, windows);
    }

    /// <summary>The query-side windows (two or three adjacent tokens).</summary>
    public static int QueryWindows(ReadOnlySpan<TokenInfo> tokens, Span<Window> destination)
    {
        var n = 0;
        for (var i = 0; i + 1 < tokens.Length && n < destination.Length; i++)
        {
            if (Joinable(tokens[i]) && Joinable(tokens[i + 1]) && !(tokens[i].IsWeak && tokens[i + 1].IsWeak)
                && tokens[i].Text.Length + tokens[i + 1].Text.Length <= MaxLength)
            {
                destination[n++] = new Window(i, 2);
            }

            if (i + 2 < tokens.Length && n < destination.Length
                && Short(tokens[i], TriplePart) && Short(tokens[i + 1], TriplePart) && Short(tokens[i + 2], TriplePart))
            {
                destination[n++] = new Window(i, 3);
            }
        }

        return n;
    }

    /// <summary>
    /// The entry-side windows: two adjacent tokens, or three short ones ("van der bilt"); a legal form only at the
    /// name's edge (JSC ARGUMENT, Siemens AG). The index keys each by its joined text (<see cref="FuzzyKeys.ForIndex"/>).
    /// </summary>
    public static int EntryWindows(ReadOnlySpan<TokenInfo> tokens, Span<Window> destination)
    {
        var n = 0;
        for (var j = 0; j + 1 < tokens.Length && n < destination.Length; j++)
        {
            var a = tokens[j];
            var b = tokens[j + 1];
            // A legal form joins only at the name's edge: JSC ARGUMENT = JSCARGUMENT, Siemens AG = SiemensAG.
            var edgesOnly = (!a.IsWeak || j == 0) && (!b.IsWeak || j + 2 == tokens.Length) && !(a.IsWeak && b.IsWeak);
            if (Joinable(a) && Joinable(b) && edgesOnly && a.Text.Length + b.Text.Length <= MaxLength)
            {
                destination[n++] = new Window(j, 2);
            }

            if (j + 2 < tokens.Length && n < destination.Length
                && Short(a, TriplePart) && Short(b, TriplePart) && Short(tokens[j + 2], TriplePart))
            {
                destination[n++] = new Window(j, 3);
            }
        }

        return n;
    }

    /// <summary>Writes the joined text of a window; returns its length.</summary>
    public static int Join(ReadOnlySpan<TokenInfo> tokens, Window window, Span<char> destination)
    {
        var n = 0;
        for (var k = window.Start; k < window.Start + window.Length; k++)
        {
            tokens[k].Text.AsSpan().CopyTo(destination[n..]);
            n += tokens[k].Text.Length;
        }

        return n;
    }

    /// <summary>
    /// Whether a single token of <paramref name="other"/> letters can stand for a joined text: their lengths may differ
    /// by at most half the shortest part (two letters at least), so every part contributes. Otherwise a long shared stem would let
    /// "internationall td" meet "international" through the join. (Romanised Arabic is compared by skeleton, whose
    /// own length rule applies.)
    /// </summary>
    public static bool LengthsFit(int joined, int shortestPart, int other) => 2 * Math.Abs(joined - other) <= Math.Max(shortestPart, 4);

    /// <summary>The length of a window's shortest part.</summary>
    public static int ShortestPart(ReadOnlySpan<TokenInfo> tokens, Window window)
    {
        var n = int.MaxValue;
        for (var k = window.Start; k < window.Start + window.Length; k++)
        {
            n = Math.Min(n, tokens[k].Text.Length);
        }

        return n;
    }

    /// <summary>The length of a window's joined text.</summary>
    public static int Length(ReadOnlySpan<TokenInfo> tokens, Window window)
    {
        var n = 0;
        for (var k = window.Start; k < window.Start + window.Length; k++)
        {
            n += tokens[k].Text.Length;
        }

        return n;
    }

    /// <summary>The kind of a joined token: an ordinary word, romanised Arabic if any part was.</summary>
    public static TokenKind KindOf(ReadOnlySpan<TokenInfo> tokens, Window window)
    {
        for (var k = window.Start; k < window.Start + window.Length; k++)
        {
            if ((tokens[k].Kind & TokenKind.Abjad) != 0)
            {
                return TokenKind.Abjad;
            }
        }

        return TokenKind.None;
    }

    /// <summary>
    /// Numbers never join; nor do common words, whose long shared stems would make "electronics nel" look like
    /// "electroninvest".
    /// </summary>
    private static bool Joinable(TokenInfo t) => !t.IsNumber && (t.Kind & TokenKind.Generic) == 0;

    private static bool Short(TokenInfo t, int max) => Joinable(t) && !t.IsWeak && t.Text.Length <= max;
}
