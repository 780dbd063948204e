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

    private const int ShortPart = 3;
    private const int TriplePart = 4;

    /// <summary>A window of adjacent tokens.</summary>
    public readonly record struct Window(int Start, int Length);

    /// <summary>The query-side windows (two or three adjacent tokens).</summary>
    public static int QueryWindows(ReadOnlySpan<TokenInfo> tokens, Span<Window> destination)
    {
        var n = 0;
        for (var i = 0; i + 1 < tokens.Length && n < destination.Length; i++)
        {
            if (Joinable(tokens[i]) && Joinable(tokens[i + 1]) && tokens[i].Text.Length + tokens[i + 1].Text.Length <= MaxLength)
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
    /// The entry-side windows: two adjacent tokens, or three short ones ("van der bilt"); a legal form only as the
    /// name's first token (JSC ARGUMENT). <paramref name="fuzzy"/> marks those with a short part (≤ 3 letters), which
    /// the index keys like ordinary tokens; the others are indexed by their exact joined text only.
    /// </summary>
    public static int EntryWindows(ReadOnlySpan<TokenInfo> tokens, Span<Window> destination, Span<bool> fuzzy = default)
    {
        var n = 0;
        for (var j = 0; j + 1 < tokens.Length && n < destination.Length; j++)
        {
            var a = tokens[j];
            var b = tokens[j + 1];
            if (!a.IsNumber && !b.IsNumber && !b.IsWeak && (!a.IsWeak || j == 0) && a.Text.Length + b.Text.Length <= MaxLength)
            {
                if (!fuzzy.IsEmpty)
                {
                    fuzzy[n] = Math.Min(a.Text.Length, b.Text.Length) <= ShortPart;
                }

                destination[n++] = new Window(j, 2);
            }

            if (j + 2 < tokens.Length && n < destination.Length
                && Short(a, TriplePart) && Short(b, TriplePart) && Short(tokens[j + 2], TriplePart))
            {
                if (!fuzzy.IsEmpty)
                {
                    fuzzy[n] = false;
                }

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

    private static bool Joinable(TokenInfo t) => !t.IsNumber;

    private static bool Short(TokenInfo t, int max) => !t.IsNumber && !t.IsWeak && t.Text.Length <= max;
}
