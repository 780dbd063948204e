using System.Globalization;
using System.Text;
using Lodestone.Screening.Matching;

namespace Lodestone.Benchmarks.Screening;

/// <summary>
/// The brute-force reference the engine is measured against: best-pairs Jaro-Winkler, our own
/// simple implementation, with no candidate index. Names are tokenised by lower-casing, removing
/// diacritics, deleting <c>. ' ’</c> and turning any other non-letter, non-digit into a space. Every
/// query token is scored against every name token with Jaro-Winkler (prefix bonus up to 4 characters,
/// weight 0.1, applied above 0.7); pairs are then taken greedily best first, one-to-one; each taken
/// pair is weighted by the lengths of its two tokens and the sum is divided by all query characters
/// plus the matched name characters (so unmatched query tokens count against the score); finally the
/// score is multiplied by <c>1 − 0.15 × (share of name characters left unmatched)</c>, so that
/// "John Doe" scores "John Doe" above "John Bartholomew Doe". This is the shape of Watchman's
/// BestPairsJaroWinkler without its phonetic filter and length penalties.
/// </summary>
internal static class BruteForce
{
    public static string[] Tokenise(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (ch is '.' or '\'' or '’')
            {
                continue;
            }

            sb.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        }

        return sb.ToString().Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    public static int Chars(string[] tokens)
    {
        var n = 0;
        foreach (var t in tokens)
        {
            n += t.Length;
        }

        return n;
    }

    /// <summary>The pair score of two raw names.</summary>
    public static double Compare(string query, string candidate)
    {
        var q = Tokenise(query);
        var c = Tokenise(candidate);
        return Score(q, Chars(q), c, Chars(c));
    }

    /// <summary>Best-pairs score of pre-tokenised names, in [0, 1].</summary>
    public static double Score(string[] q, int qChars, string[] c, int cChars)
    {
        var nq = q.Length;
        var nc = c.Length;
        if (nq == 0 || nc == 0)
        {
            return 0;
        }

        var n = nq * nc;
        Span<double> sims = n <= 512 ? stackalloc double[n] : new double[n];
        for (var i = 0; i < nq; i++)
        {
            for (var j = 0; j < nc; j++)
            {
                sims[(i * nc) + j] = JaroWinkler(q[i], c[j]);
            }
        }

        Span<int> qLen = nq <= 128 ? stackalloc int[nq] : new int[nq];
        Span<int> cLen = nc <= 128 ? stackalloc int[nc] : new int[nc];
        for (var i = 0; i < nq; i++)
        {
            qLen[i] = q[i].Length;
        }

        for (var j = 0; j < nc; j++)
        {
            cLen[j] = c[j].Length;
        }

        return Greedy(sims, qLen, cLen, qChars, cChars);
    }

    /// <summary>
    /// The greedy one-to-one assignment over a similarity matrix (<c>sims[i * nc + j]</c>, query token i
    /// against name token j), length-weighted, with the unmatched-name-token factor.
    /// </summary>
    public static double Greedy(ReadOnlySpan<double> sims, ReadOnlySpan<int> qLen, ReadOnlySpan<int> cLen, int qChars, int cChars)
    {
        var nq = qLen.Length;
        var nc = cLen.Length;
        Span<bool> usedQ = nq <= 128 ? stackalloc bool[nq] : new bool[nq];
        Span<bool> usedC = nc <= 128 ? stackalloc bool[nc] : new bool[nc];
        double weighted = 0;
        var matchedCChars = 0;
        var rounds = Math.Min(nq, nc);
        for (var round = 0; round < rounds; round++)
        {
            var best = -1.0;
            int bi = -1, bj = -1;
            for (var i = 0; i < nq; i++)
            {
                if (usedQ[i])
                {
                    continue;
                }

                for (var j = 0; j < nc; j++)
                {
                    if (!usedC[j] && sims[(i * nc) + j] > best)
                    {
                        best = sims[(i * nc) + j];
                        bi = i;
                        bj = j;
                    }
                }
            }

            if (best <= 0)
            {
                break;
            }

            usedQ[bi] = true;
            usedC[bj] = true;
            weighted += best * (qLen[bi] + cLen[bj]);
            matchedCChars += cLen[bj];
        }

        var score = weighted / (qChars + matchedCChars);
        var unmatchedShare = 1.0 - ((double)matchedCChars / cChars);
        return score * (1.0 - (0.15 * unmatchedShare));
    }

    /// <summary>Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4, boost above 0.7).</summary>
    public static double JaroWinkler(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 1.0;
        }

        int la = a.Length, lb = b.Length;
        if (la == 0 || lb == 0)
        {
            return 0.0;
        }

        var window = Math.Max(0, (Math.Max(la, lb) / 2) - 1);
        Span<bool> ma = la <= 256 ? stackalloc bool[la] : new bool[la];
        Span<bool> mb = lb <= 256 ? stackalloc bool[lb] : new bool[lb];
        var matches = 0;
        for (var i = 0; i < la; i++)
        {
            var lo = Math.Max(0, i - window);
            var hi = Math.Min(lb - 1, i + window);
            for (var j = lo; j <= hi; j++)
            {
                if (!mb[j] && a[i] == b[j])
                {
                    ma[i] = true;
                    mb[j] = true;
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
        for (var i = 0; i < la; i++)
        {
            if (!ma[i])
            {
                continue;
            }

            while (!mb[k])
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
        var jaro = ((m / la) + (m / lb) + ((m - (transpositions / 2.0)) / m)) / 3.0;
        if (jaro <= 0.7)
        {
            return jaro;
        }

        var prefix = 0;
        var maxPrefix = Math.Min(4, Math.Min(la, lb));
        while (prefix < maxPrefix && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1.0 - jaro));
    }
}

/// <summary>One result of the brute-force scan: the entry and its best name score.</summary>
internal readonly record struct ScanHit(int Entry, double Score);

/// <summary>
/// The brute-force scan: every name of every entry, pre-tokenised once at build (a fair baseline:
/// only the query is tokenised per search), scored with <see cref="BruteForce.Score"/>; an entry's
/// score is its best name's.
/// </summary>
internal sealed class BruteForceIndex
{
    private readonly string[][] _tokens;
    private readonly int[] _chars;
    private readonly int[] _entryOf;
    private readonly int[][] _tokenIds;
    private readonly string[] _vocabulary;

    public BruteForceIndex(IReadOnlyList<IndexedEntry> entries)
    {
        Entries = entries;
        var tokens = new List<string[]>();
        var entryOf = new List<int>();
        for (var e = 0; e < entries.Count; e++)
        {
            foreach (var name in entries[e].Entry.AllNames())
            {
                var t = BruteForce.Tokenise(name);
                if (t.Length > 0)
                {
                    tokens.Add(t);
                    entryOf.Add(e);
                }
            }
        }

        _tokens = [.. tokens];
        _entryOf = [.. entryOf];
        _chars = [.. _tokens.Select(BruteForce.Chars)];
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        _tokenIds = [.. _tokens.Select(t => t.Select(x => ids.TryGetValue(x, out var id) ? id : ids[x] = ids.Count).ToArray())];
        _vocabulary = new string[ids.Count];
        foreach (var (token, id) in ids)
        {
            _vocabulary[id] = token;
        }
    }

    /// <summary>Distinct tokens over all names.</summary>
    public int VocabularySize => _vocabulary.Length;

    public IReadOnlyList<IndexedEntry> Entries { get; }

    public int NameCount => _tokens.Length;

    /// <summary>The best entries at or above the threshold, best first, at most <paramref name="limit"/>.</summary>
    public List<ScanHit> Scan(string query, double threshold, int limit)
    {
        var q = BruteForce.Tokenise(query);
        var qChars = BruteForce.Chars(q);
        var heap = new PriorityQueue<ScanHit, double>(limit + 1);
        if (q.Length == 0)
        {
            return [];
        }

        var currentEntry = -1;
        var currentBest = -1.0;
        for (var i = 0; i < _tokens.Length; i++)
        {
            var entry = _entryOf[i];
            if (entry != currentEntry)
            {
                Offer(heap, currentEntry, currentBest, threshold, limit);
                currentEntry = entry;
                currentBest = -1.0;
            }

            var s = BruteForce.Score(q, qChars, _tokens[i], _chars[i]);
            if (s > currentBest)
            {
                currentBest = s;
            }
        }

        Offer(heap, currentEntry, currentBest, threshold, limit);
        var result = new List<ScanHit>(heap.Count);
        while (heap.Count > 0)
        {
            result.Add(heap.Dequeue());
        }

        result.Reverse();
        return result;
    }

    /// <summary>
    /// The same scan and the same scores, but each query token is compared with each distinct name token
    /// once (a table of query token × vocabulary) instead of once per name: still every name is scored and
    /// there is no candidate index; this is the stronger scan a careful implementer would write.
    /// </summary>
    public List<ScanHit> ScanMemoised(string query, double threshold, int limit)
    {
        var q = BruteForce.Tokenise(query);
        var qChars = BruteForce.Chars(q);
        if (q.Length == 0)
        {
            return [];
        }

        var nq = q.Length;
        var v = _vocabulary.Length;
        var table = new double[nq * v];
        for (var i = 0; i < nq; i++)
        {
            for (var t = 0; t < v; t++)
            {
                table[(i * v) + t] = BruteForce.JaroWinkler(q[i], _vocabulary[t]);
            }
        }

        Span<int> qLen = stackalloc int[Math.Min(nq, 128)];
        for (var i = 0; i < qLen.Length; i++)
        {
            qLen[i] = q[i].Length;
        }

        var sims = new double[nq * 64];
        var cLen = new int[64];
        var heap = new PriorityQueue<ScanHit, double>(limit + 1);
        var currentEntry = -1;
        var currentBest = -1.0;
        for (var n = 0; n < _tokenIds.Length; n++)
        {
            var entry = _entryOf[n];
            if (entry != currentEntry)
            {
                Offer(heap, currentEntry, currentBest, threshold, limit);
                currentEntry = entry;
                currentBest = -1.0;
            }

            var name = _tokenIds[n];
            var nc = name.Length;
            if (nq > 128 || nc > 64)
            {
                var full = BruteForce.Score(q, qChars, _tokens[n], _chars[n]);
                currentBest = Math.Max(currentBest, full);
                continue;
            }

            for (var j = 0; j < nc; j++)
            {
                cLen[j] = _vocabulary[name[j]].Length;
                for (var i = 0; i < nq; i++)
                {
                    sims[(i * nc) + j] = table[(i * v) + name[j]];
                }
            }

            var s = BruteForce.Greedy(sims.AsSpan(0, nq * nc), qLen, cLen.AsSpan(0, nc), qChars, _chars[n]);
            if (s > currentBest)
            {
                currentBest = s;
            }
        }

        Offer(heap, currentEntry, currentBest, threshold, limit);
        var result = new List<ScanHit>(heap.Count);
        while (heap.Count > 0)
        {
            result.Add(heap.Dequeue());
        }

        result.Reverse();
        return result;
    }

    private static void Offer(PriorityQueue<ScanHit, double> heap, int entry, double score, double threshold, int limit)
    {
        if (entry < 0 || score < threshold)
        {
            return;
        }

        if (heap.Count < limit)
        {
            heap.Enqueue(new ScanHit(entry, score), score);
        }
        else if (heap.TryPeek(out _, out var worst) && score > worst)
        {
            heap.DequeueEnqueue(new ScanHit(entry, score), score);
        }
    }
}
