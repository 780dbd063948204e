namespace Lodestone.Screening.Normalisation;

/// <summary>
/// Sound classes of letters, after Soundex: b f p v w / c g j k q s x z / d t / l / m n / r, with vowels (and h, y)
/// in a class of their own. Two tokens are compared only when their first letters share a class (as Watchman and
/// the OFAC tool do): "Smith" may meet "Smyth" but not "Ismith" — this keeps short unrelated names apart.
/// </summary>
internal static class Phonetic
{
    /// <summary>Sound class of a lower-case ASCII letter or digit; 0 for vowels, 8 for digits.</summary>
    public static byte ClassOf(char c) => c switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'h' => 0,
        'b' or 'f' or 'p' or 'v' or 'w' => 1,
        'c' or 'g' or 'j' or 'k' or 'q' or 's' or 'x' or 'z' => 2,
        'd' or 't' => 3,
        'l' => 4,
        'm' or 'n' => 5,
        'r' => 6,
        >= '0' and <= '9' => 8,
        _ => 9,
    };

    /// <summary>
    /// A consonant key: each consonant's class digit, vowels (a e i o u y w) dropped, h dropped where it only modifies
    /// the letter before it (kh, sh, ch, th, ph, gh, zh, dh), repeats collapsed. "Mohammed", "Muhamad" and the Arabic
    /// romanisation "mhmd" all give "5753". Written to <paramref name="destination"/>; returns its length.
    /// </summary>
    public static int ConsonantKey(ReadOnlySpan<char> token, Span<char> destination)
    {
        var n = 0;
        var previous = '\0';
        var last = '\0';
        foreach (var c in token)
        {
            char code;
            switch (c)
            {
                case 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w':
                    previous = c;
                    continue;
                case 'h':
                    if (previous is 'c' or 's' or 'k' or 'g' or 't' or 'p' or 'z' or 'd')
                    {
                        previous = c;
                        continue;
                    }

                    code = '7';
                    break;
                default:
                    var cls = ClassOf(c);
                    if (cls is 0 or 8 or 9)
                    {
                        previous = c;
                        continue;
                    }

                    code = (char)('0' + cls);
                    break;
            }

            previous = c;
            if (code != last && n < destination.Length)
            {
                destination[n++] = code;
                last = code;
            }
        }

        return n;
    }

    /// <summary>
    /// The consonant skeleton of a token: letters without vowels (a e i o u y w), apostrophes or doubled letters. Used to
    /// compare romanised Arabic or Hebrew, which writes few vowels, with a Latin spelling: "mhmd" ~ "mohamed". Arabic
    /// has no p or v and writes a hard c as k, so p, v and c read as b, f and k ("brz" ~ "perez").
    /// </summary>
    public static int Skeleton(ReadOnlySpan<char> token, Span<char> destination)
    {
        var n = 0;
        foreach (var letter in token)
        {
            if (letter is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w' || n >= destination.Length)
            {
                continue;
            }

            var c = letter switch
            {
                'p' => 'b',
                'v' => 'f',
                'c' => 'k',
                _ => letter,
            };

            if (n > 0 && destination[n - 1] == c)
            {
                continue;
            }

            destination[n++] = c;
        }

        return n;
    }
}
