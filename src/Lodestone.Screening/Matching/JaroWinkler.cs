namespace Lodestone.Screening.Matching;

/// <summary>Jaro-Winkler similarity, allocation-free: prefix scale 0.1 up to 4 characters, boost above 0.7.</summary>
internal static class JaroWinkler
{
    private const double BoostThreshold = 0.7;
    private const int PrefixLimit = 4;
    private const double PrefixScale = 0.1;

    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.SequenceEqual(b))
        {
            return a.Length == 0 ? 0.0 : 1.0;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return 0.0;
        }

        if (a.Length > b.Length)
        {
            var t = a;
            a = b;
            b = t;
        }

        var jaro = b.Length <= 64 ? JaroSmall(a, b) : JaroLarge(a, b);
        if (jaro <= BoostThreshold)
        {
            return jaro;
        }

        var prefix = 0;
        var maxPrefix = Math.Min(PrefixLimit, a.Length);
        while (prefix < maxPrefix && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * PrefixScale * (1.0 - jaro));
    }

    /// <summary>Jaro with the matched flags of both strings in 64-bit masks (a is the shorter, b at most 64 chars).</summary>
    private static double JaroSmall(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var window = Math.Max(0, (b.Length / 2) - 1);
        ulong matchedA = 0, matchedB = 0;
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var lo = Math.Max(0, i - window);
            var hi = Math.Min(b.Length - 1, i + window);
            var c = a[i];
            for (var j = lo; j <= hi; j++)
            {
                if ((matchedB & (1UL << j)) == 0 && b[j] == c)
                {
                    matchedA |= 1UL << i;
                    matchedB |= 1UL << j;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0.0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if ((matchedA & (1UL << i)) == 0)
            {
                continue;
            }

            while ((matchedB & (1UL << k)) == 0)
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        double m = matches;
        return ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2.0)) / m)) / 3.0;
    }

    private static double JaroLarge(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var window = Math.Max(0, (b.Length / 2) - 1);
        var matchedA = new bool[a.Length];
        var matchedB = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var lo = Math.Max(0, i - window);
            var hi = Math.Min(b.Length - 1, i + window);
            for (var j = lo; j <= hi; j++)
            {
                if (!matchedB[j] && b[j] == a[i])
                {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0.0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!matchedA[i])
            {
                continue;
            }

            while (!matchedB[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        double m = matches;
        return ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2.0)) / m)) / 3.0;
    }
}
