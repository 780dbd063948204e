using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lodestone.Screening.Matching;

/// <summary>Jaro-Winkler similarity, allocation-free: prefix scale 0.1 up to 4 characters, boost above 0.7.</summary>
internal static class JaroWinkler
{
    private const double BoostThreshold = 0.7;
    private const int PrefixLimit = 4;
    private const double PrefixScale = 0.1;

    /// <summary>
    /// The highest similarity two strings of these lengths can have (all of the shorter matched, no transpositions,
    /// full prefix): lets callers skip pairs whose lengths alone rule them out.
    /// </summary>
    public static double UpperBound(int shorter, int longer)
    {
        var jaro = (2.0 + ((double)shorter / longer)) / 3.0;
        return jaro + (Math.Min(PrefixLimit, shorter) * PrefixScale * (1.0 - jaro));
    }

    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0.0;
        }

        if (a.SequenceEqual(b))
        {
            return 1.0;
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
        // The hottest loop of a search: indices stay within the spans by construction, so overflow checks and bounds
        // checks are skipped.
        unchecked
        {
            int la = a.Length, lb = b.Length;
            var window = Math.Max(0, (lb / 2) - 1);
            ref var ra = ref MemoryMarshal.GetReference(a);
            ref var rb = ref MemoryMarshal.GetReference(b);
            ulong matchedA = 0, matchedB = 0;
            var matches = 0;
            for (var i = 0; i < la; i++)
            {
                var lo = i - window;
                if (lo < 0)
                {
                    lo = 0;
                }

                var hi = i + window + 1;
                if (hi > lb)
                {
                    hi = lb;
                }

                var c = Unsafe.Add(ref ra, i);
                for (var j = lo; j < hi; j++)
                {
                    if (Unsafe.Add(ref rb, j) == c && (matchedB & (1UL << j)) == 0)
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
            var restB = matchedB;
            var restA = matchedA;
            while (restA != 0)
            {
                var i = System.Numerics.BitOperations.TrailingZeroCount(restA);
                var k = System.Numerics.BitOperations.TrailingZeroCount(restB);
                if (Unsafe.Add(ref ra, i) != Unsafe.Add(ref rb, k))
                {
                    transpositions++;
                }

                restA &= restA - 1;
                restB &= restB - 1;
            }

            double m = matches;
            return ((m / la) + (m / lb) + ((m - (transpositions / 2.0)) / m)) / 3.0;
        }
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
