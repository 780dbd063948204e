namespace Lodestone.Screening.Matching;

/// <summary>
/// Token pairs one or two keystrokes apart: a typo in a listed name is still that name, and Jaro-Winkler undervalues it
/// where the edit falls early ("Invidia" ~ "NVIDIA", "Laidth" ~ "Laith"). Distance is optimal string alignment
/// (insertion, deletion, substitution, adjacent swap).
/// </summary>
internal static class Typos
{
    /// <summary>Shortest token a typo is recognised in.</summary>
    public const int MinLength = 4;

    /// <summary>Shortest token in which one substituted letter is taken as a typo: "Bosch" and "Busch" are two names.</summary>
    public const int MinSubstitutionLength = 6;

    /// <summary>Shortest token in which two edits are taken as typos.</summary>
    public const int MinTwoEditLength = 8;

    /// <summary>
    /// The similarity a typo pair counts at least: 1 − 0.25·edits/length for one edit, 1 − 0.3·edits/length for two
    /// (longer names absorb an edit better); 0 when the pair is not a typo.
    /// </summary>
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int shorter = Math.Min(a.Length, b.Length), longer = Math.Max(a.Length, b.Length);
        if (shorter < MinLength || longer - shorter > 2 || longer > 64)
        {
            return 0;
        }

        var maxEdits = shorter >= MinTwoEditLength ? 2 : 1;
        var edits = Distance(a, b, maxEdits);
        if (edits > maxEdits || edits == 0)
        {
            return 0;
        }

        if (edits == 1 && a.Length == b.Length && shorter < MinSubstitutionLength && IsSubstitution(a, b))
        {
            return 0;
        }

        return 1.0 - (edits * (edits == 1 ? 0.25 : 0.3) / longer);
    }

    /// <summary>
    /// True when two words are one edit apart and that edit is a typo: an insertion, deletion or swap, or a substitution
    /// in a word of at least <paramref name="substitutionLength"/> letters (0: any substitution, for a closed set of
    /// words such as the words of a multi-word legal form; <see cref="int.MaxValue"/>: none).
    /// </summary>
    public static bool IsOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int substitutionLength = MinSubstitutionLength)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || Math.Min(a.Length, b.Length) < MinLength - 1 || a.SequenceEqual(b) || Distance(a, b, 1) != 1)
        {
            return false;
        }

        return a.Length != b.Length || a.Length >= substitutionLength || !IsSubstitution(a, b);
    }

    /// <summary>True when the two tokens could be a typo pair by their lengths alone.</summary>
    public static bool LengthsAllow(int la, int lb) => Math.Min(la, lb) >= MinLength && Math.Abs(la - lb) <= 2;

    private static bool IsSubstitution(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var differences = 0;
        for (var i = 0; i < a.Length; i++)
        {
            differences += a[i] != b[i] ? 1 : 0;
        }

        return differences == 1;
    }

    /// <summary>Optimal string alignment distance, or <paramref name="max"/> + 1 when it exceeds it.</summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        // A common beginning and end cost no edit and change no alignment (with adjacent transpositions too: a swap
        // across the boundary would swap two equal letters), so only the differing middle goes through the table.
        var prefix = a.CommonPrefixLength(b);
        a = a[prefix..];
        b = b[prefix..];
        int endA = a.Length, endB = b.Length;
        while (endA > 0 && endB > 0 && a[endA - 1] == b[endB - 1])
        {
            endA--;
            endB--;
        }

        a = a[..endA];
        b = b[..endB];
        if (a.Length == 0 || b.Length == 0)
        {
            return Math.Min(a.Length + b.Length, max + 1);
        }

        var width = b.Length + 1;
        Span<int> previous2 = stackalloc int[width];
        Span<int> previous = stackalloc int[width];
        Span<int> current = stackalloc int[width];
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }

        return Math.Min(previous[b.Length], max + 1);
    }
}
