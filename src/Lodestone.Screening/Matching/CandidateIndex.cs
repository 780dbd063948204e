using System.Runtime.InteropServices;
using Lodestone.Screening.Normalisation;

namespace Lodestone.Screening.Matching;

/// <summary>One vocabulary token near a query token: its id and their similarity.</summary>
internal readonly record struct Neighbour(int Token, double Similarity);

/// <summary>
/// The candidate stage's data: the vocabulary of distinct tokens (with the entry-side joined tokens of
/// <see cref="Compounds"/>), posting lists from token to name shapes (see <see cref="FormTable"/>: the candidate stage works on shapes), and a fuzzy key table over the vocabulary
/// (<see cref="FuzzyKeys"/>). A query token is looked up against the vocabulary — far smaller than the list of
/// names — and each vocabulary token the keys reach is verified with the scorer's own token similarity, so the
/// neighbours found are the tokens the scorer would pair with it. Immutable once built.
/// </summary>
internal sealed class CandidateIndex
{
    /// <summary>Per id: the token, or null for a joined entry window (its text is in <see cref="_pool"/> only).</summary>
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
        TokenInfo?[] vocabulary, JoinedTexts joined, float[] entryWeight, int[] postingStart, int[] postings, int[] formTokens, int[] formTokenStart, ulong[] keys, int[] keyTokens)
    {
        _formTokens = formTokens;
        _formTokenStart = formTokenStart;
        _vocabulary = vocabulary;
        _entryWeight = entryWeight;
        _texts = new VocabularyText[vocabulary.Length];
        var poolLength = joined.Pool.Length;
        foreach (var token in vocabulary)
        {
            poolLength += token?.Text.Length ?? 0;
        }

        _pool = new char[poolLength];
        var signatures = new TokenSignature[vocabulary.Length];
        var at = 0;
        for (var t = 0; t < vocabulary.Length; t++)
        {
            if (vocabulary[t] is not { } token)
            {
                var window = joined.PerId[t];
                var text = joined.Text(t);
                text.CopyTo(_pool.AsSpan(at));
                _texts[t] = new VocabularyText(at, text.Length, window.Kind, Phonetic.ClassOf(text[0]), JoinedOnly: true, HasAlternates: false);
                signatures[t] = TokenSignature.Of(text, window.Kind, hasAlternates: false);
                at += text.Length;
                continue;
            }

            token.Text.AsSpan().CopyTo(_pool.AsSpan(at));
            _texts[t] = new VocabularyText(at, token.Text.Length, token.Kind, token.FirstClass, JoinedOnly: false, HasAlternates: token.Alternates is not null);
            signatures[t] = TokenSignature.Of(token.Text, token.Kind, token.Alternates is not null);
            at += token.Text.Length;
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

    /// <summary>The text of a vocabulary id (a token or a joined entry window).</summary>
    public ReadOnlySpan<char> Text(int id) => _pool.AsSpan(_texts[id].Start, _texts[id].Length);


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
        TokenInfo?[] vocabulary, JoinedTexts joined, float[] entryWeight, List<int> formVocabulary, List<int> formVocabularyStart)
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
                AddKeys(joined.Text(t), joined.PerId[t].Kind, t, buffer, keys, keyTokens, window: true);
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
        return new CandidateIndex(vocabulary, joined, entryWeight, counts, postings, [.. formVocabulary], [.. formVocabularyStart], keyArray, tokenArray);
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
    /// Looks one reading up. A joined query window (token null) uses the exact and deletion keys only, meets only tokens
    /// its length fits (<see cref="Compounds.LengthsFit"/>, <paramref name="shortestPart"/>), and never a joined entry
    /// window: the scorer pairs a window only with a single token on the other side.
    /// </summary>
    private long Probe(
        ReadOnlySpan<char> reading, TokenKind readingKind, TokenInfo? token, ReadOnlySpan<char> joined, TokenKind joinedKind,
        int stamp, Scratch scratch, List<Neighbour> result, int shortestPart = 0, ReadOnlySpan<char> filterAs = default)
    {
        Span<ulong> keys = stackalloc ulong[FuzzyKeys.MaxLookupKeys + 1];
        var n = FuzzyKeys.ForLookup(reading, readingKind, keys[..FuzzyKeys.MaxLookupKeys], queryWindow: token is null);
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
                // (The skeleton limit is not for the exact key, keys[0]: an identical text scores 1 whatever its kind.)
                var keySignature = hit.Signature;
                if (!TokenSignature.MayMeet(signature, keySignature) || (k > 0 && keySignature.Plain && keySignature.Length > longestLatin))
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
                if (token is null && (text.JoinedOnly
                    || (!text.HasAlternates && shortestPart > 0 && ((joinedKind | text.Kind) & TokenKind.Abjad) == 0
                        && !Compounds.LengthsFit(joined.Length, shortestPart, text.Length))))
                {
                    // (A token with other readings may fit by one of them: the scorer tries each.)
                    continue;
                }

                // Not gated by keys: a key reached the token. Taken over every reading, the similarity may exceed what the
                // scorer credits (a reading pair that shares no key), which keeps the bounds that use it bounds.
                var pooled = _pool.AsSpan(text.Start, text.Length);
                var similarity = token is null
                    ? text.HasAlternates ? TokenSimilarity.Of(joined, joinedKind, _vocabulary[id]!, KeyGate.None) : TokenSimilarity.Of(joined, joinedKind, pooled, text.Kind)
                    : text.JoinedOnly ? TokenSimilarity.OfEntryWindow(token, pooled, text.Kind, KeyGate.None)
                    : text.HasAlternates || token.Alternates is not null ? TokenSimilarity.Of(token, _vocabulary[id]!, KeyGate.None)
                    : TokenSimilarity.Of(token, pooled, text.Kind, text.FirstClass, KeyGate.None);
                if (similarity > 0)
                {
                    result.Add(new Neighbour(id, similarity));
                    postings += PostingCount(id);
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

    private static void AddKeys(
        ReadOnlySpan<char> text, TokenKind kind, int token, Span<ulong> buffer, List<ulong> keys, List<int> keyTokens, bool window = false)
    {
        var n = FuzzyKeys.ForIndex(text, kind, buffer, entryWindow: window);
        for (var k = 0; k < n; k++)
        {
            keys.Add(buffer[k]);
            keyTokens.Add(token);
        }
    }
}

/// <summary>A vocabulary token's text in the pool and what the similarity's fast path reads; <paramref name="JoinedOnly"/>: a joined entry window.</summary>
internal readonly record struct VocabularyText(int Start, int Length, TokenKind Kind, byte FirstClass, bool JoinedOnly, bool HasAlternates);

/// <summary>Where a joined entry window's text lies in <see cref="JoinedTexts.Pool"/>, and its kind.</summary>
internal readonly record struct JoinedText(int Start, int Length, TokenKind Kind);

/// <summary>The joined entry windows of a vocabulary being built: per vocabulary id (empty for ordinary tokens), and their texts.</summary>
internal sealed record JoinedTexts(JoinedText[] PerId, char[] Pool)
{
    public ReadOnlySpan<char> Text(int id) => Pool.AsSpan(PerId[id].Start, PerId[id].Length);
}

/// <summary>One entry of the fuzzy key table: a key, the signature of the token it reaches, and the token.</summary>
internal readonly record struct KeyEntry(ulong Key, TokenSignature Signature, int Token);
