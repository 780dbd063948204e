using System.Runtime.InteropServices;
using Lodestone.Screening.Normalisation;

namespace Lodestone.Screening.Matching;

/// <summary>One vocabulary token near a query token: its id and their similarity.</summary>
internal readonly record struct Neighbour(int Token, double Similarity);

/// <summary>
/// The candidate stage's data: the vocabulary of distinct tokens (with the entry-side joined tokens of
/// <see cref="Compounds"/>), posting lists from token to name forms, and a fuzzy key table over the vocabulary
/// (<see cref="FuzzyKeys"/>). A query token is looked up against the vocabulary — far smaller than the list of
/// names — and each vocabulary token the keys reach is verified with the scorer's own token similarity, so the
/// neighbours found are exactly the tokens the scorer would pair with it. Immutable once built.
/// </summary>
internal sealed class CandidateIndex
{
    /// <summary>Per id: the token, or null for a joined entry token indexed by its exact key only.</summary>
    private readonly TokenInfo?[] _vocabulary;
    private readonly int[] _postingStart;
    private readonly int[] _postings;
    private readonly ulong[] _keys;
    private readonly int[] _keyTokens;

    private CandidateIndex(TokenInfo?[] vocabulary, int[] postingStart, int[] postings, ulong[] keys, int[] keyTokens)
    {
        _vocabulary = vocabulary;
        _postingStart = postingStart;
        _postings = postings;
        _keys = keys;
        _keyTokens = keyTokens;
    }

    /// <summary>Query tokens at least this long are also probed for the tokens that begin them.</summary>
    private const int PrefixProbeLength = 8;

    private const int MinPrefix = 4;

    private const int MinRemainder = 2;

    public int VocabularySize => _vocabulary.Length;

    internal static long Verified, PrefixVerified, Probes; // TEMP

    /// <summary>The forms containing a vocabulary token (ascending form ids).</summary>
    public ReadOnlySpan<int> Postings(int token) => _postings.AsSpan(_postingStart[token], _postingStart[token + 1] - _postingStart[token]);

    public int PostingCount(int token) => _postingStart[token + 1] - _postingStart[token];

    /// <summary>
    /// Builds the index. <paramref name="formVocabulary"/> lists, per form, the vocabulary ids it contains (tokens
    /// and joined tokens), flattened with <paramref name="formVocabularyStart"/> offsets.
    /// </summary>
    public static CandidateIndex Build(TokenInfo?[] vocabulary, ulong[] exactKeys, List<int> formVocabulary, List<int> formVocabularyStart)
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

        var postingStart = (int[])counts.Clone();
        var postings = new int[flat.Length];
        var fill = (int[])counts.Clone();
        for (var form = 0; form < formCount; form++)
        {
            for (var k = formVocabularyStart[form]; k < formVocabularyStart[form + 1]; k++)
            {
                postings[fill[flat[k]]++] = form;
            }
        }

        var keys = new List<ulong>(vocabulary.Length * 8);
        var keyTokens = new List<int>(vocabulary.Length * 8);
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
        return new CandidateIndex(vocabulary, postingStart, postings, keyArray, tokenArray);
    }

    /// <summary>
    /// The vocabulary tokens a query token (or joined query window) would be paired with by the scorer: every token a
    /// fuzzy key reaches whose similarity is above the floor. Appends to <paramref name="result"/>; returns the total
    /// number of postings they carry.
    /// </summary>
    public long Neighbours(TokenInfo? token, ReadOnlySpan<char> joined, TokenKind joinedKind, Scratch scratch, List<Neighbour> result)
    {
        var stamp = scratch.NextTokenStamp(_vocabulary.Length);
        long postings = 0;
        Span<ulong> keys = stackalloc ulong[FuzzyKeys.MaxKeys + 1];
        if (token is null)
        {
            postings += Probe(joined, joinedKind, null, joined, joinedKind, keys, stamp, scratch, result);
            return postings;
        }

        postings += Probe(token.Text, token.Kind, token, default, TokenKind.None, keys, stamp, scratch, result);
        if (token.Text.Length >= PrefixProbeLength && token.Kind == TokenKind.None)
        {
            // A fresh stamp: a token the fuzzy probe rejected as a whole-token match may still begin this one.
            postings += ProbePrefixes(token, scratch.NextTokenStamp(_vocabulary.Length), scratch, result);
        }

        if (token.Alternates is not null)
        {
            foreach (var alternate in token.Alternates)
            {
                postings += Probe(alternate, token.Kind, token, default, TokenKind.None, keys, stamp, scratch, result);
            }
        }

        return postings;
    }

    private long Probe(
        ReadOnlySpan<char> reading, TokenKind readingKind, TokenInfo? token, ReadOnlySpan<char> joined, TokenKind joinedKind,
        Span<ulong> keys, int stamp, Scratch scratch, List<Neighbour> result)
    {
        if ((readingKind & TokenKind.Initial) != 0)
        {
            // An initial meets every word it starts; looking those up would visit a good share of the index. Initials
            // weigh too little to be essential unless a query is nothing but initials, when only exact ones are sought.
            readingKind |= TokenKind.Number;
        }

        // Very short consonant keys ("4" for Ali) are shared by thousands of tokens; only romanised Arabic or Hebrew,
        // which may have no other key in common with its Latin spelling, looks them up.
        var phoneticMinimum = (readingKind & TokenKind.Abjad) != 0 ? 1 : 2;
        var n = FuzzyKeys.Of(reading, readingKind, keys, phoneticMinimum);
        if (reading.Length > 1 && (readingKind & TokenKind.Number) == 0)
        {
            // A word meets the initial it starts with (John ~ J.), and initials are indexed under their exact key.
            keys[n++] = FuzzyKeys.Exact(reading[..1]);
        }

        var seen = scratch.TokenStamps;
        long postings = 0;
        for (var k = 0; k < n; k++)
        {
            Probes++; // TEMP
            var at = Array.BinarySearch(_keys, keys[k]);
            if (at < 0)
            {
                continue;
            }

            while (at > 0 && _keys[at - 1] == keys[k])
            {
                at--;
            }

            for (; at < _keys.Length && _keys[at] == keys[k]; at++)
            {
                var id = _keyTokens[at];
                if (seen[id] == stamp)
                {
                    continue;
                }

                seen[id] = stamp;
                Verified++; // TEMP
                var candidate = _vocabulary[id];
                var similarity = candidate is null ? 1.0 // exact-only joined token: reached by the exact key alone
                    : token is not null ? TokenSimilarity.Of(token, candidate) : TokenSimilarity.Of(joined, joinedKind, candidate);
                if (similarity > 0)
                {
                    result.Add(new Neighbour(id, similarity));
                    postings += PostingCount(id);
                }
            }
        }

        return postings;
    }

    /// <summary>
    /// A long query token may be two names run together ("FridrichBuchenberg"), to be met by a joined pair of entry
    /// tokens whose exact join it misses by a typo. Such entries are reached through their first token: vocabulary
    /// tokens that (fuzzily) begin the query token, found with the prefix keys of its first 4–7 letters.
    /// </summary>
    private long ProbePrefixes(TokenInfo token, int stamp, Scratch scratch, List<Neighbour> result)
    {
        var text = token.Text.AsSpan();
        Span<char> buffer = stackalloc char[FuzzyKeys.PrefixLength];
        Span<ulong> keys = stackalloc ulong[FuzzyKeys.PrefixLength + 1];
        var seen = scratch.TokenStamps;
        long postings = 0;
        for (var length = MinPrefix; length <= Math.Min(FuzzyKeys.PrefixLength, text.Length - MinRemainder); length++)
        {
            var n = FuzzyKeys.PrefixKeys(text[..length], buffer, keys);
            for (var k = 0; k < n; k++)
            {
                var at = Array.BinarySearch(_keys, keys[k]);
                if (at < 0)
                {
                    continue;
                }

                while (at > 0 && _keys[at - 1] == keys[k])
                {
                    at--;
                }

                for (; at < _keys.Length && _keys[at] == keys[k]; at++)
                {
                    var id = _keyTokens[at];
                    var candidate = _vocabulary[id];
                    if (seen[id] == stamp || candidate is null || candidate.Text.Length > text.Length - MinRemainder)
                    {
                        continue;
                    }

                    PrefixVerified++; // TEMP
                    var similarity = 0.0;
                    for (var l = candidate.Text.Length - 1; l <= candidate.Text.Length + 1; l++)
                    {
                        similarity = Math.Max(similarity, TokenSimilarity.Of(text[..l], token.Kind, candidate.Text, candidate.Kind));
                    }

                    if (similarity > 0)
                    {
                        seen[id] = stamp;
                        result.Add(new Neighbour(id, similarity));
                        postings += PostingCount(id);
                    }
                }
            }
        }

        return postings;
    }

    private static void AddKeys(string text, TokenKind kind, int token, Span<ulong> buffer, List<ulong> keys, List<int> keyTokens)
    {
        var n = FuzzyKeys.Of(text, kind, buffer);
        for (var k = 0; k < n; k++)
        {
            keys.Add(buffer[k]);
            keyTokens.Add(token);
        }
    }
}
