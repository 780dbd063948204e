using System.Runtime.InteropServices;
using Lodestone.Screening.Normalisation;

namespace Lodestone.Screening.Matching;

/// <summary>One vocabulary token near a query token: its id and their similarity.</summary>
internal readonly record struct Neighbour(int Token, double Similarity);

/// <summary>A vocabulary token that (fuzzily) begins a query token, which it would split after <paramref name="Split"/> letters.</summary>
internal readonly record struct Beginning(int Token, int Split);

/// <summary>
/// The candidate stage's data: the vocabulary of distinct tokens (with the entry-side joined tokens of
/// <see cref="Compounds"/>), posting lists from token to name shapes (see <see cref="FormTable"/>: the candidate stage works on shapes), and a fuzzy key table over the vocabulary
/// (<see cref="FuzzyKeys"/>). A query token is looked up against the vocabulary — far smaller than the list of
/// names — and each vocabulary token the keys reach is verified with the scorer's own token similarity, so the
/// neighbours found are the tokens the scorer would pair with it. Immutable once built.
/// </summary>
internal sealed class CandidateIndex
{
    /// <summary>Query tokens at least this long are also probed as two tokens run together.</summary>
    private const int PrefixProbeLength = 9;

    /// <summary>Longest beginning probed (the deletion keys cover tokens of up to this many letters whole).</summary>
    private const int MaxPrefix = 8;

    private const int MinPrefix = 4;

    private const int MinRemainder = 3;

    /// <summary>Most split points of one token whose endings are looked up.</summary>
    private const int MaxSplits = 4;

    /// <summary>Per id: the token, or null for a joined entry token indexed by its exact key only.</summary>
    private readonly TokenInfo?[] _vocabulary;

    private readonly float[] _entryWeight;

    /// <summary>
    /// Per id: where its text lies in <see cref="_pool"/>, and what the similarity's first test reads. A lookup checks a
    /// few hundred vocabulary tokens scattered over the heap; reading them from one array and one pool instead of each
    /// token's object and string saves a cache miss or two each.
    /// </summary>
    private readonly VocabularyText[] _texts;

    private readonly char[] _pool;

    private readonly int[] _postingStart;
    private readonly int[] _postings;

    /// <summary>Per shape: the vocabulary ids it contains (tokens and joined tokens, ascending), flattened.</summary>
    private readonly int[] _formTokens;
    private readonly int[] _formTokenStart;
    /// <summary>
    /// The fuzzy key table, sorted by key: each entry holds its key, its token and the token's signature, so that a hit
    /// and its rejection read one place (three arrays cost three cache misses a key at a million names).
    /// </summary>
    private readonly KeyEntry[] _keyEntries;

    /// <summary>Start of each bucket of the key table, by the key's top <see cref="_bucketBits"/> bits.</summary>
    private readonly int[] _bucketStart;
    private readonly int _bucketBits;

    private CandidateIndex(
        TokenInfo?[] vocabulary, float[] entryWeight, int[] postingStart, int[] postings, int[] formTokens, int[] formTokenStart, ulong[] keys, int[] keyTokens)
    {
        _formTokens = formTokens;
        _formTokenStart = formTokenStart;
        _vocabulary = vocabulary;
        _entryWeight = entryWeight;
        _texts = new VocabularyText[vocabulary.Length];
        var poolLength = 0;
        foreach (var token in vocabulary)
        {
            poolLength += token?.Text.Length ?? 0;
        }

        _pool = new char[poolLength];
        var at = 0;
        for (var t = 0; t < vocabulary.Length; t++)
        {
            if (vocabulary[t] is not { } token)
            {
                _texts[t] = new VocabularyText(0, 0, TokenKind.None, 0, JoinedOnly: true, HasAlternates: false);
                continue;
            }

            token.Text.AsSpan().CopyTo(_pool.AsSpan(at));
            _texts[t] = new VocabularyText(at, token.Text.Length, token.Kind, token.FirstClass, JoinedOnly: false, HasAlternates: token.Alternates is not null);
            at += token.Text.Length;
        }
        var signatures = new TokenSignature[vocabulary.Length];
        for (var t = 0; t < vocabulary.Length; t++)
        {
            if (vocabulary[t] is { } token)
            {
                signatures[t] = TokenSignature.Of(token.Text, token.Kind, token.Alternates is not null);
            }
        }

        _keyEntries = new KeyEntry[keyTokens.Length];
        for (var k = 0; k < keyTokens.Length; k++)
        {
            _keyEntries[k] = new KeyEntry(keys[k], signatures[keyTokens[k]], keyTokens[k]);
        }

        _postingStart = postingStart;
        _postings = postings;

        // Keys are uniform hashes: a direct table on their top bits (about two keys a bucket) replaces a binary
        // search over millions of keys by a scan of a handful.
        _bucketBits = Math.Clamp(64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)Math.Max(1, keys.Length / 2)), 1, 26);
        _bucketStart = new int[(1 << _bucketBits) + 1];
        var shift = 64 - _bucketBits;
        var next = 0;
        for (var bucket = 0; bucket < (1 << _bucketBits); bucket++)
        {
            _bucketStart[bucket] = next;
            while (next < keys.Length && (int)(keys[next] >> shift) == bucket)
            {
                next++;
            }
        }

        _bucketStart[1 << _bucketBits] = keys.Length;
    }

    public int VocabularySize => _vocabulary.Length;


    /// <summary>The shapes containing a vocabulary token (ascending shape ids).</summary>
    public ReadOnlySpan<int> Postings(int token) => _postings.AsSpan(_postingStart[token], _postingStart[token + 1] - _postingStart[token]);

    public int PostingCount(int token) => _postingStart[token + 1] - _postingStart[token];

    /// <summary>The vocabulary ids a shape contains, tokens and joined tokens (ascending, each once).</summary>
    public ReadOnlySpan<int> FormTokens(int form) => _formTokens.AsSpan(_formTokenStart[form], _formTokenStart[form + 1] - _formTokenStart[form]);

    /// <summary>
    /// The most entry-token weight a vocabulary token can account for in a form: its own weight, or for a joined
    /// token the weight of its parts.
    /// </summary>
    public float EntryWeight(int token) => _entryWeight[token];

    /// <summary>
    /// Builds the index. <paramref name="formVocabulary"/> lists, per shape, the vocabulary ids it contains (tokens
    /// and joined tokens), flattened with <paramref name="formVocabularyStart"/> offsets.
    /// </summary>
    public static CandidateIndex Build(
        TokenInfo?[] vocabulary, ulong[] exactKeys, float[] entryWeight, List<int> formVocabulary, List<int> formVocabularyStart)
    {
        var formCount = formVocabularyStart.Count - 1;
        var counts = new int[vocabulary.Length + 1];
        var flat = CollectionsMarshal.AsSpan(formVocabulary);
        foreach (var token in flat)
        {
            counts[token + 1]++;
        }

        for (var t = 0; t < vocabulary.Length; t++)
        {
            counts[t + 1] += counts[t];
        }

        var postings = new int[flat.Length];
        var fill = (int[])counts.Clone();
        for (var form = 0; form < formCount; form++)
        {
            for (var k = formVocabularyStart[form]; k < formVocabularyStart[form + 1]; k++)
            {
                postings[fill[flat[k]]++] = form;
            }
        }

        var keys = new List<ulong>(vocabulary.Length * 10);
        var keyTokens = new List<int>(vocabulary.Length * 10);
        Span<ulong> buffer = stackalloc ulong[FuzzyKeys.MaxKeys];
        for (var t = 0; t < vocabulary.Length; t++)
        {
            var token = vocabulary[t];
            if (token is null)
            {
                keys.Add(exactKeys[t]);
                keyTokens.Add(t);
                continue;
            }

            AddKeys(token.Text, token.Kind, t, buffer, keys, keyTokens);
            if (token.Alternates is not null)
            {
                foreach (var alternate in token.Alternates)
                {
                    AddKeys(alternate, token.Kind, t, buffer, keys, keyTokens);
                }
            }
        }

        var keyArray = keys.ToArray();
        var tokenArray = keyTokens.ToArray();
        Array.Sort(keyArray, tokenArray);
        return new CandidateIndex(vocabulary, entryWeight, counts, postings, [.. formVocabulary], [.. formVocabularyStart], keyArray, tokenArray);
    }

    /// <summary>
    /// The vocabulary tokens a query token (or joined query window) would be paired with by the scorer: every token a
    /// fuzzy key reaches whose similarity is above the floor. Appends to <paramref name="result"/>; returns the total
    /// number of postings they carry.
    /// </summary>
    public long Neighbours(TokenInfo? token, ReadOnlySpan<char> joined, TokenKind joinedKind, Scratch scratch, List<Neighbour> result, int shortestPart = 0)
    {
        var stamp = scratch.NextTokenStamp(_vocabulary.Length);
        if (token is null)
        {
            return Probe(joined, joinedKind, null, joined, joinedKind, stamp, scratch, result, shortestPart);
        }

        var postings = ProbeReading(token.Text, token, stamp, scratch, result);
        if (token.Alternates is not null)
        {
            foreach (var alternate in token.Alternates)
            {
                postings += ProbeReading(alternate, token, stamp, scratch, result);
            }
        }

        if (token.Text.Length >= PrefixProbeLength && token.Kind == TokenKind.None)
        {
            postings += ProbeJoined(token, scratch, result);
        }

        return postings;
    }

    /// <summary>
    /// Looks one reading of a token up, and its singular if it may be a plural (<see cref="FuzzyKeys.HasPluralEnding"/>):
    /// every key <see cref="FuzzyKeys.Share"/> tries.
    /// </summary>
    private long ProbeReading(string reading, TokenInfo token, int stamp, Scratch scratch, List<Neighbour> result)
    {
        var postings = Probe(reading, token.Kind, token, default, TokenKind.None, stamp, scratch, result);
        if (FuzzyKeys.HasPluralEnding(reading, token.Kind))
        {
            // The singular's keys, but the whole reading's letters: the pair scored is the whole token's.
            postings += Probe(reading.AsSpan(0, reading.Length - 1), token.Kind, token, default, TokenKind.None, stamp, scratch, result, filterAs: reading);
        }

        return postings;
    }

    /// <summary>
    /// Looks one reading up. A joined text (token null: a query window, or the end of a split token) uses the exact and
    /// deletion keys only; a window (<paramref name="shortestPart"/> &gt; 0) meets only tokens its length fits
    /// (<see cref="Compounds.LengthsFit"/>).
    /// </summary>
    private long Probe(
        ReadOnlySpan<char> reading, TokenKind readingKind, TokenInfo? token, ReadOnlySpan<char> joined, TokenKind joinedKind,
        int stamp, Scratch scratch, List<Neighbour> result, int shortestPart = 0, ReadOnlySpan<char> filterAs = default)
    {
        Span<ulong> keys = stackalloc ulong[FuzzyKeys.MaxLookupKeys + 1];
        var n = FuzzyKeys.ForLookup(reading, readingKind, keys[..FuzzyKeys.MaxLookupKeys], joined: token is null);
        if (token is not null && reading.Length > 1 && (readingKind & TokenKind.Number) == 0)
        {
            // A word meets the initial it starts with (John ~ J.), and initials are indexed under their exact key.
            keys[n++] = FuzzyKeys.Exact(reading[..1]);
        }

        var seen = scratch.TokenStamps;
        var signature = TokenSignature.Of(filterAs.IsEmpty ? reading : filterAs, readingKind, token?.Alternates is not null);

        // A short romanised Arabic skeleton meets only Latin words at most two letters longer (TokenSimilarity).
        var longestLatin = (readingKind & TokenKind.Abjad) != 0 ? ShortSkeletonLatinLimit(reading) : int.MaxValue;
        long postings = 0;

        // Every key's place in the table first: each costs a cache miss or two at a million names, and found one after
        // another, with nothing else in the loop, the processor looks several up at once.
        Span<int> hitStart = stackalloc int[n];
        Span<int> hitCount = stackalloc int[n];
        for (var k = 0; k < n; k++)
        {
            (hitStart[k], hitCount[k]) = Locate(keys[k]);
        }

        for (var k = 0; k < n; k++)
        {
            foreach (ref readonly var hit in _keyEntries.AsSpan(hitStart[k], hitCount[k]))
            {
                // Exact-only joined tokens have an empty signature (length 0) and are always taken.
                var keySignature = hit.Signature;
                if (!keySignature.IsEmpty && (!TokenSignature.MayMeet(signature, keySignature) || (keySignature.Plain && keySignature.Length > longestLatin)))
                {
                    continue;
                }

                var id = hit.Token;
                if (seen[id] == stamp)
                {
                    continue;
                }

                seen[id] = stamp;
                ref readonly var text = ref _texts[id];
                // (A token with other readings may fit by one of them: the scorer tries each.)
                if (!text.JoinedOnly && !text.HasAlternates && shortestPart > 0 && ((joinedKind | text.Kind) & TokenKind.Abjad) == 0
                    && !Compounds.LengthsFit(joined.Length, shortestPart, text.Length))
                {
                    continue;
                }

                // Not gated by keys: a key reached the token. Taken over every reading, the similarity may exceed what the
                // scorer credits (a reading pair that shares no key), which keeps the bounds that use it bounds.
                var similarity = text.JoinedOnly ? 1.0 // exact-only joined token: reached by the exact key alone
                    : text.HasAlternates || token?.Alternates is not null ? Similarity(token, joined, joinedKind, _vocabulary[id]!)
                    : token is not null ? TokenSimilarity.Of(token, _pool.AsSpan(text.Start, text.Length), text.Kind, text.FirstClass, KeyGate.None)
                    : TokenSimilarity.Of(joined, joinedKind, _pool.AsSpan(text.Start, text.Length), text.Kind);
                if (similarity > 0)
                {
                    result.Add(new Neighbour(id, similarity));
                    postings += PostingCount(id);
                }
            }
        }

        return postings;
    }

    private static double Similarity(TokenInfo? token, ReadOnlySpan<char> joined, TokenKind joinedKind, TokenInfo candidate) =>
        token is not null ? TokenSimilarity.Of(token, candidate, KeyGate.None) : TokenSimilarity.Of(joined, joinedKind, candidate, KeyGate.None);

    /// <summary>
    /// A long query token may be two names run together ("FridrichBuchenberg"), to be met by a joined pair of entry
    /// tokens ("Friedrich Buchenberg") whose exact join it misses by a typo. Every adjacent pair of entry tokens is in
    /// the vocabulary under its exact join, so such pairs are found by splitting the query token: vocabulary tokens
    /// that (fuzzily) begin it, vocabulary tokens that (fuzzily) end it, and the indexed joins of the two.
    /// </summary>
    private long ProbeJoined(TokenInfo token, Scratch scratch, List<Neighbour> result)
    {
        var text = token.Text.AsSpan();
        var beginnings = scratch.Beginnings;
        beginnings.Clear();
        var stamp = scratch.NextTokenStamp(_vocabulary.Length);
        Span<ulong> keys = stackalloc ulong[MaxPrefix + 1];
        var seen = scratch.TokenStamps;
        for (var length = MinPrefix; length <= Math.Min(MaxPrefix, text.Length - MinRemainder); length++)
        {
            var n = FuzzyKeys.PrefixKeys(text[..length], keys);
            for (var k = 0; k < n; k++)
            {
                foreach (ref readonly var hit in Hits(keys[k]))
                {
                    var id = hit.Token;
                    var candidate = _vocabulary[id];
                    if (seen[id] == stamp || candidate is null || candidate.Text.Length > text.Length - MinRemainder
                        || candidate.Text.Length + 1 < MinPrefix)
                    {
                        continue;
                    }

                    seen[id] = stamp;
                    for (var l = candidate.Text.Length - 1; l <= candidate.Text.Length + 1; l++)
                    {
                        if (l <= text.Length - MinRemainder && TokenSimilarity.Of(text[..l], token.Kind, candidate.Text, candidate.Kind) > 0)
                        {
                            beginnings.Add(new Beginning(id, l));
                        }
                    }
                }
            }
        }

        if (beginnings.Count == 0)
        {
            return 0;
        }

        // The endings of each split point, looked up once per split point.
        var endings = scratch.Endings;
        endings.Clear();
        Span<int> endingStart = stackalloc int[text.Length + 1];
        Span<int> endingEnd = stackalloc int[text.Length + 1];
        endingStart.Fill(-1);
        var splits = 0;
        foreach (var beginning in beginnings)
        {
            var split = beginning.Split;
            if (endingStart[split] >= 0 || splits++ >= MaxSplits)
            {
                continue;
            }

            endingStart[split] = endings.Count;
            Probe(text[split..], TokenKind.None, null, text[split..], TokenKind.None, scratch.NextTokenStamp(_vocabulary.Length), scratch, endings);
            endingEnd[split] = endings.Count;
        }

        var joinedStamp = scratch.NextTokenStamp(_vocabulary.Length);
        Span<char> joined = stackalloc char[Compounds.MaxLength];
        long postings = 0;
        foreach (var beginning in beginnings)
        {
            var first = _vocabulary[beginning.Token]!;
            var split = beginning.Split;
            if (endingStart[split] < 0)
            {
                continue;
            }

            for (var e = endingStart[split]; e < endingEnd[split]; e++)
            {
                var second = _vocabulary[endings[e].Token];
                if (second is null || first.Text.Length + second.Text.Length > Compounds.MaxLength)
                {
                    continue;
                }

                first.Text.AsSpan().CopyTo(joined);
                second.Text.AsSpan().CopyTo(joined[first.Text.Length..]);
                var pair = joined[..(first.Text.Length + second.Text.Length)];
                if (!Compounds.LengthsFit(pair.Length, Math.Min(first.Text.Length, second.Text.Length), text.Length))
                {
                    continue;
                }

                foreach (ref readonly var hit in Hits(FuzzyKeys.Exact(pair)))
                {
                    var id = hit.Token;
                    if (seen[id] == joinedStamp)
                    {
                        continue;
                    }

                    seen[id] = joinedStamp;
                    var similarity = TokenSimilarity.Of(token, pair, TokenKind.None);
                    if (similarity > 0)
                    {
                        result.Add(new Neighbour(id, similarity));
                        postings += PostingCount(id);
                    }
                }
            }
        }

        return postings;
    }

    private static int ShortSkeletonLatinLimit(ReadOnlySpan<char> abjad)
    {
        Span<char> skeleton = stackalloc char[Math.Min(abjad.Length, 64)];
        var letters = Phonetic.Skeleton(abjad, skeleton);
        return letters <= 2 ? letters + 2 : int.MaxValue;
    }

    /// <summary>The entries of the key table holding a key.</summary>
    private ReadOnlySpan<KeyEntry> Hits(ulong key)
    {
        var (start, count) = Locate(key);
        return _keyEntries.AsSpan(start, count);
    }

    /// <summary>Where the entries holding a key start in the key table, and how many there are.</summary>
    private (int Start, int Count) Locate(ulong key)
    {
        var bucket = (int)(key >> (64 - _bucketBits));
        var entries = _keyEntries;
        int from = _bucketStart[bucket], end = _bucketStart[bucket + 1];

        // A bucket holds a few keys, but a common key (a four-letter beginning) can fill one with hundreds of entries:
        // halve down to a few, then scan to the key's first entry.
        var to = end;
        while (to - from > 8)
        {
            var middle = from + ((to - from) / 2);
            if (entries[middle].Key < key)
            {
                from = middle + 1;
            }
            else
            {
                to = middle;
            }
        }

        while (from < end && entries[from].Key < key)
        {
            from++;
        }

        var last = from;
        while (last < end && entries[last].Key == key)
        {
            last++;
        }

        return (from, last - from);
    }

    private static void AddKeys(string text, TokenKind kind, int token, Span<ulong> buffer, List<ulong> keys, List<int> keyTokens)
    {
        var n = FuzzyKeys.ForIndex(text, kind, buffer);
        for (var k = 0; k < n; k++)
        {
            keys.Add(buffer[k]);
            keyTokens.Add(token);
        }
    }
}

/// <summary>A vocabulary token's text in the pool and what the similarity's fast path reads, or an exact-only joined token.</summary>
internal readonly record struct VocabularyText(int Start, int Length, TokenKind Kind, byte FirstClass, bool JoinedOnly, bool HasAlternates);

/// <summary>One entry of the fuzzy key table: a key, the signature of the token it reaches, and the token.</summary>
internal readonly record struct KeyEntry(ulong Key, TokenSignature Signature, int Token);
