using System.Numerics;
using System.Runtime.InteropServices;
using Lodestone.Screening.Lists;
using Lodestone.Screening.Normalisation;

namespace Lodestone.Screening.Matching;

/// <summary>
/// The two-stage screening engine: a candidate index (tokens, n-grams, phonetic keys) that never drops a true match,
/// then a scorer that ranks and explains. Immutable once built; safe to share across threads.
/// </summary>
/// <remarks>
/// <para>Every name of every entry is indexed, the Chinese name and the English names alike, and so are entries with
/// <see cref="ListEntry.Removed"/> set: the index has no clock. Callers screening "as of" a date drop matches whose
/// entry is not <see cref="ListEntry.InForceOn"/> that date (ask for a few more than the limit to allow for them).</para>
/// <para>Candidate stage: each query token is looked up in the vocabulary of distinct indexed tokens through fuzzy
/// keys (exact, one-deletion neighbourhood of the first 7 letters, consonant key) and every token reached is verified
/// with the scorer's own token similarity. The scorer weighs a met pair by the query token's weight, so from the query
/// alone one can tell which tokens an entry must meet to reach the threshold: tokens are taken cheapest-to-skip first
/// (longest posting lists: legal forms, common words) while an entry meeting only them would still score below the
/// threshold; only the remaining "essential" tokens' posting lists are walked (MaxScore-style pruning). Every entry
/// that could reach the threshold meets an essential token, so no such entry is dropped, yet "co", "ltd" or "china"
/// never explode the candidate set.</para>
/// <para>Scoring: see <see cref="BestPairsScorer"/>; the country is a qualifier (a different country lowers the score
/// by a fixed amount), never a filter.</para>
/// </remarks>
public sealed class ScreeningIndex
{
    internal static long ScoredForms; // TEMP
    internal static long Cands, Good; // TEMP
    internal static long TNorm, TNeigh, TGather, TScore, TExplain; // TEMP

    private readonly IndexedEntry[] _entries;
    private readonly int[] _nameEntry;
    private readonly MatchedNameKind[] _nameKind;
    private readonly string[] _nameText;
    private readonly TokenInfo[] _formTokens;
    private readonly int[] _formStart;
    private readonly int[] _formName;
    private readonly CandidateIndex _candidates;

    private ScreeningIndex(
        IndexedEntry[] entries, int[] nameEntry, MatchedNameKind[] nameKind, string[] nameText, TokenInfo[] formTokens, int[] formStart,
        int[] formName, CandidateIndex candidates)
    {
        _entries = entries;
        _nameEntry = nameEntry;
        _nameKind = nameKind;
        _nameText = nameText;
        _formTokens = formTokens;
        _formStart = formStart;
        _formName = formName;
        _candidates = candidates;
    }

    /// <summary>The number of indexed names (all names of all entries).</summary>
    public int NameCount => _nameText.Length;

    /// <summary>The number of indexed entries.</summary>
    public int EntryCount => _entries.Length;

    /// <summary>Builds an index over the entries (all their names, Chinese and English; removed entries included).</summary>
    public static ScreeningIndex Build(IEnumerable<IndexedEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var entryArray = entries.ToArray();
        var nameText = new List<string>();
        var nameEntry = new List<int>();
        var nameKind = new List<MatchedNameKind>();
        for (var e = 0; e < entryArray.Length; e++)
        {
            var entry = entryArray[e].Entry;
            foreach (var name in entry.AllNames())
            {
                nameText.Add(name);
                nameEntry.Add(e);
                nameKind.Add(string.Equals(name, entry.Name, StringComparison.Ordinal) ? MatchedNameKind.Primary
                    : string.Equals(name, entry.ChineseName, StringComparison.Ordinal) ? MatchedNameKind.Chinese
                    : MatchedNameKind.Alias);
            }
        }

        // Normalising is the costly part of a build (transliteration, glossary); names are independent.
        var swTemp = System.Diagnostics.Stopwatch.StartNew(); // TEMP
        var normalised = new NormalisedName[nameText.Count];
        Parallel.For(0, normalised.Length, i => normalised[i] = NameNormaliser.Normalise(nameText[i]));

        Console.Error.WriteLine($"TEMP normalise {swTemp.ElapsedMilliseconds}"); swTemp.Restart();
        var builder = new VocabularyBuilder();
        var formTokens = new List<TokenInfo>();
        var formStart = new List<int> { 0 };
        var formName = new List<int>();
        var formVocabulary = new List<int>();
        var formVocabularyStart = new List<int> { 0 };
        var seenForms = new HashSet<string>(StringComparer.Ordinal);
        var local = new List<int>();
        Span<Compounds.Window> windows = stackalloc Compounds.Window[2 * NameNormaliser.MaxTokens];
        Span<bool> fuzzy = stackalloc bool[2 * NameNormaliser.MaxTokens];
        Span<char> joined = stackalloc char[Compounds.MaxLength];
        var currentEntry = -1;
        for (var n = 0; n < normalised.Length; n++)
        {
            if (nameEntry[n] != currentEntry)
            {
                currentEntry = nameEntry[n];
                seenForms.Clear();
            }

            foreach (var form in normalised[n].Forms)
            {
                // Two names of one entry that normalise alike (HUAWEI TECHNOLOGIES CO., LTD. / Huawei Technologies Co Ltd)
                // are one form: the first (primary before aliases) stands for both.
                if (!seenForms.Add(form.Text))
                {
                    continue;
                }

                local.Clear();
                var start = formTokens.Count;
                foreach (var token in form.Tokens)
                {
                    var id = builder.Intern(token.Text, token.Kind, token.Alternates);
                    formTokens.Add(builder.Tokens[id]!);
                    local.Add(id);
                }

                var tokens = CollectionsMarshal.AsSpan(formTokens)[start..];
                var count = Compounds.EntryWindows(tokens, windows, fuzzy);
                for (var w = 0; w < count; w++)
                {
                    var length = Compounds.Join(tokens, windows[w], joined);
                    local.Add(fuzzy[w]
                        ? builder.Intern(new string(joined[..length]), Compounds.KindOf(tokens, windows[w]), null)
                        : builder.InternExact(joined[..length]));
                }

                local.Sort();
                for (var k = 0; k < local.Count; k++)
                {
                    if (k == 0 || local[k] != local[k - 1])
                    {
                        formVocabulary.Add(local[k]);
                    }
                }

                formVocabularyStart.Add(formVocabulary.Count);
                formStart.Add(formTokens.Count);
                formName.Add(n);
            }
        }

        Console.Error.WriteLine($"TEMP forms {swTemp.ElapsedMilliseconds}"); swTemp.Restart();
        var candidates = CandidateIndex.Build([.. builder.Tokens], [.. builder.ExactKeys], formVocabulary, formVocabularyStart);
        Console.Error.WriteLine($"TEMP candidates {swTemp.ElapsedMilliseconds}");
        return new ScreeningIndex(
            entryArray, [.. nameEntry], [.. nameKind], [.. nameText], [.. formTokens], [.. formStart], [.. formName], candidates);
    }

    /// <summary>Screens one name: matches at or above the threshold, best first, at most the limit.</summary>
    /// <remarks>Only entries with a positive score are reported, whatever the threshold. Removed entries are included
    /// (see the class remarks).</remarks>
    public IReadOnlyList<ScreeningMatch> Screen(ScreeningQuery query, ScreeningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        options ??= ScreeningOptions.Default;
        var threshold = options.Threshold;
        if (options.Limit <= 0 || _formName.Length == 0 || double.IsNaN(threshold) || threshold > 1.0)
        {
            return [];
        }

        var t0 = System.Diagnostics.Stopwatch.GetTimestamp(); // TEMP
        var normalised = NameNormaliser.Normalise(query.Name);
        TNorm += System.Diagnostics.Stopwatch.GetTimestamp() - t0; // TEMP
        if (normalised.Forms.Count == 0)
        {
            return [];
        }

        var scratch = Scratch.For(_entries.Length, _formName.Length);
        var entryStamp = scratch.NextEntryStamp();
        scratch.TouchedEntries.Clear();
        var queryForms = new TokenInfo[normalised.Forms.Count][];
        for (var f = 0; f < queryForms.Length; f++)
        {
            queryForms[f] = TokenInfo.From(normalised.Forms[f]);
            Collect(queryForms[f], f, threshold, scratch, entryStamp);
        }

        var ranked = new List<(int Entry, double Score, CountryQualifier Country)>();
        foreach (var entry in scratch.TouchedEntries)
        {
            var country = Qualify(query.Country, _entries[entry].Entry.Country);
            var score = scratch.EntryBest[entry] - (country == CountryQualifier.Disagrees ? ScoringParameters.CountryDisagreementPenalty : 0);
            if (score >= threshold && score > 0)
            {
                ranked.Add((entry, Math.Max(score, 0), country));
            }
        }

        var t1 = System.Diagnostics.Stopwatch.GetTimestamp(); // TEMP
        ranked.Sort(static (x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Entry.CompareTo(y.Entry));
        var results = new List<ScreeningMatch>(Math.Min(ranked.Count, options.Limit));
        for (var r = 0; r < ranked.Count && results.Count < options.Limit; r++)
        {
            var (entry, score, country) = ranked[r];
            var form = scratch.EntryBestForm[entry];
            var queryForm = scratch.EntryBestQueryForm[entry];
            var name = _formName[form];
            var tokens = FormTokens(form);
            var nameScore = BestPairsScorer.Score(queryForms[queryForm], tokens, scratch.Detail);
            var explanation = ExplanationBuilder.Build(
                queryForms[queryForm], normalised.Forms[queryForm].Text, tokens, TextOf(tokens), scratch.Detail, nameScore, score,
                _nameText[name], _nameKind[name], country, ScoringParameters.CountryDisagreementPenalty);
            var indexed = _entries[entry];
            results.Add(new ScreeningMatch(indexed.ListId, indexed.Entry.Id, indexed.Entry.Name, score, explanation));
        }

        TExplain += System.Diagnostics.Stopwatch.GetTimestamp() - t1; // TEMP
        return results;
    }

    /// <summary>
    /// Finds and scores the candidates of one query form, keeping each entry's best score. Candidates come from the
    /// essential tokens' postings; every other token's postings (unless too long to be worth it) then mark which query
    /// tokens each candidate can meet, and a candidate whose bound from those marks is below the threshold is not scored.
    /// </summary>
    private void Collect(TokenInfo[] query, int queryForm, double threshold, Scratch scratch, int entryStamp)
    {
        var n = query.Length;
        var t0 = System.Diagnostics.Stopwatch.GetTimestamp(); // TEMP
        var neighbours = scratch.Neighbours;
        neighbours.Clear();
        Span<int> start = stackalloc int[n + 1];
        Span<long> cost = stackalloc long[n];
        for (var i = 0; i < n; i++)
        {
            start[i] = neighbours.Count;
            cost[i] = _candidates.Neighbours(query[i], default, TokenKind.None, scratch, neighbours);
        }

        start[n] = neighbours.Count;

        // Joined query windows ("hua wei" → "huawei") reach entry tokens their parts alone may not.
        Span<Compounds.Window> windows = stackalloc Compounds.Window[2 * n];
        Span<char> joined = stackalloc char[Compounds.MaxLength];
        var windowCount = Compounds.QueryWindows(query, windows);
        Span<int> windowStart = stackalloc int[windowCount + 1];
        Span<long> windowCost = stackalloc long[windowCount];
        for (var w = 0; w < windowCount; w++)
        {
            windowStart[w] = neighbours.Count;
            var length = Compounds.Join(query, windows[w], joined);
            windowCost[w] = _candidates.Neighbours(null, joined[..length], Compounds.KindOf(query, windows[w]), scratch, neighbours);
        }

        windowStart[windowCount] = neighbours.Count;
        var t1 = System.Diagnostics.Stopwatch.GetTimestamp(); // TEMP
        TNeigh += t1 - t0;
        Span<bool> essential = stackalloc bool[n];
        ChooseEssential(query, cost, threshold, essential);

        var formStamp = scratch.NextFormStamp();
        var candidates = scratch.Candidates;
        candidates.Clear();
        for (var i = 0; i < n; i++)
        {
            if (essential[i])
            {
                Gather(neighbours, start[i], start[i + 1], 1UL << i, scratch, formStamp);
            }
        }

        for (var w = 0; w < windowCount; w++)
        {
            if (Touches(windows[w], essential))
            {
                Gather(neighbours, windowStart[w], windowStart[w + 1], Bits(windows[w]), scratch, formStamp);
            }
        }

        if (candidates.Count == 0)
        {
            return;
        }

        // Marks from the other tokens. A token whose lookup is not exhaustive (an initial meets any word it starts) or
        // whose postings are too long to walk is assumed met: the bound stays an upper bound.
        var budget = Math.Max(8L * candidates.Count, 4096L);
        ulong assumed = 0;
        for (var i = 0; i < n; i++)
        {
            if (essential[i])
            {
                continue;
            }

            if ((query[i].Kind & TokenKind.Initial) != 0 || cost[i] > budget)
            {
                assumed |= 1UL << i;
            }
            else
            {
                Mark(neighbours, start[i], start[i + 1], 1UL << i, scratch, formStamp);
            }
        }

        for (var w = 0; w < windowCount; w++)
        {
            if (Touches(windows[w], essential))
            {
                continue;
            }

            if (windowCost[w] > budget)
            {
                assumed |= Bits(windows[w]);
            }
            else
            {
                Mark(neighbours, windowStart[w], windowStart[w + 1], Bits(windows[w]), scratch, formStamp);
            }
        }

        var total = 0.0;
        foreach (var token in query)
        {
            total += token.Weight;
        }

        var omission = Math.Min(ScoringParameters.UnmatchedQueryWeight, ScoringParameters.ConflictWeight);
        var t2 = System.Diagnostics.Stopwatch.GetTimestamp(); // TEMP
        TGather += t2 - t1;
        var masks = scratch.FormMasks;
        foreach (var form in CollectionsMarshal.AsSpan(candidates))
        {
            var met = 0.0;
            var mask = masks[form] | assumed;
            while (mask != 0)
            {
                met += query[BitOperations.TrailingZeroCount(mask)].Weight;
                mask &= mask - 1;
            }

            var rest = total - met;
            Cands++; // TEMP
            if (rest > 1e-12 && met / (met + (omission * rest)) < threshold - 1e-9)
            {
                continue;
            }

            Score(query, queryForm, form, scratch, entryStamp, threshold);
        }

        TScore += System.Diagnostics.Stopwatch.GetTimestamp() - t2; // TEMP
    }

    private static bool Touches(Compounds.Window window, ReadOnlySpan<bool> essential)
    {
        for (var k = window.Start; k < window.Start + window.Length; k++)
        {
            if (essential[k])
            {
                return true;
            }
        }

        return false;
    }

    private static ulong Bits(Compounds.Window window) => ((1UL << window.Length) - 1) << window.Start;

    /// <summary>Adds the forms of some neighbours' postings to the candidates, marking the query tokens they meet.</summary>
    private void Gather(List<Neighbour> neighbours, int from, int to, ulong bits, Scratch scratch, int formStamp)
    {
        var stamps = scratch.FormStamps;
        var masks = scratch.FormMasks;
        var candidates = scratch.Candidates;
        var list = CollectionsMarshal.AsSpan(neighbours);
        for (var k = from; k < to; k++)
        {
            foreach (var form in _candidates.Postings(list[k].Token))
            {
                if (stamps[form] != formStamp)
                {
                    stamps[form] = formStamp;
                    masks[form] = bits;
                    candidates.Add(form);
                }
                else
                {
                    masks[form] |= bits;
                }
            }
        }
    }

    /// <summary>Marks, on forms already candidates, the query tokens some neighbours' postings meet.</summary>
    private void Mark(List<Neighbour> neighbours, int from, int to, ulong bits, Scratch scratch, int formStamp)
    {
        var stamps = scratch.FormStamps;
        var masks = scratch.FormMasks;
        var list = CollectionsMarshal.AsSpan(neighbours);
        for (var k = from; k < to; k++)
        {
            foreach (var form in _candidates.Postings(list[k].Token))
            {
                if (stamps[form] == formStamp)
                {
                    masks[form] |= bits;
                }
            }
        }
    }

    private void Score(TokenInfo[] query, int queryForm, int form, Scratch scratch, int entryStamp, double threshold)
    {
        ScoredForms++; // TEMP
        var score = BestPairsScorer.Score(query, FormTokens(form));
        if (score >= threshold) Good++; // TEMP
        if (score <= 0)
        {
            return;
        }

        var entry = _nameEntry[_formName[form]];
        if (scratch.EntryStamps[entry] != entryStamp)
        {
            scratch.EntryStamps[entry] = entryStamp;
            scratch.EntryBest[entry] = -1;
            scratch.TouchedEntries.Add(entry);
        }

        if (score > scratch.EntryBest[entry])
        {
            scratch.EntryBest[entry] = score;
            scratch.EntryBestForm[entry] = form;
            scratch.EntryBestQueryForm[entry] = queryForm;
        }
    }

    /// <summary>
    /// Marks the tokens an entry must meet to reach the threshold. The scorer's value for an entry meeting only the
    /// query tokens in a set S is at most w(S) / (w(S) + λq·w(rest)), whatever the entry; tokens are moved to the
    /// skippable set, costliest first, while that bound stays below the threshold.
    /// </summary>
    private static void ChooseEssential(TokenInfo[] query, ReadOnlySpan<long> cost, double threshold, Span<bool> essential)
    {
        var n = query.Length;
        Span<int> order = stackalloc int[n];
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
            total += query[i].Weight;
            essential[i] = true;
        }

        for (var i = 1; i < n; i++)
        {
            // Insertion sort: costliest first (names have a handful of tokens).
            var x = order[i];
            var k = i - 1;
            while (k >= 0 && (cost[order[k]] < cost[x] || (cost[order[k]] == cost[x] && query[order[k]].Weight > query[x].Weight)))
            {
                order[k + 1] = order[k];
                k--;
            }

            order[k + 1] = x;
        }

        var skipped = 0.0;
        foreach (var i in order)
        {
            var met = skipped + query[i].Weight;
            var rest = total - met;
            var bound = rest <= 0 ? 1.0 : met / (met + (Math.Min(ScoringParameters.UnmatchedQueryWeight, ScoringParameters.ConflictWeight) * rest));
            if (bound < threshold - 1e-9)
            {
                essential[i] = false;
                skipped = met;
            }
        }
    }

    private ReadOnlySpan<TokenInfo> FormTokens(int form) => _formTokens.AsSpan(_formStart[form], _formStart[form + 1] - _formStart[form]);

    private static string TextOf(ReadOnlySpan<TokenInfo> tokens)
    {
        var parts = new string[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            parts[i] = tokens[i].Text;
        }

        return string.Join(' ', parts);
    }

    private static CountryQualifier Qualify(string? query, string? entry)
    {
        if (string.IsNullOrWhiteSpace(query) || string.IsNullOrWhiteSpace(entry))
        {
            return CountryQualifier.Unknown;
        }

        return string.Equals(query.Trim(), entry.Trim(), StringComparison.OrdinalIgnoreCase) ? CountryQualifier.Agrees : CountryQualifier.Disagrees;
    }

    /// <summary>
    /// Interns tokens at build time: one shared <see cref="TokenInfo"/> per distinct text, kind and alternates. Joined
    /// entry tokens without a short part are interned by their exact-key hash alone (no text kept): there are about as
    /// many of them as names, and they only need to be found by an exactly joined query token ("SergeiLavrov").
    /// </summary>
    private sealed class VocabularyBuilder
    {
        private readonly Dictionary<(string Text, TokenKind Kind), int> _ids = [];
        private readonly Dictionary<ulong, int> _exact = [];

        /// <summary>Per id: the token, or null for an exact-only joined token.</summary>
        public List<TokenInfo?> Tokens { get; } = [];

        /// <summary>Per id: the exact key of an exact-only joined token (0 for ordinary tokens).</summary>
        public List<ulong> ExactKeys { get; } = [];

        public int Intern(string text, TokenKind kind, string[]? alternates)
        {
            var key = alternates is null ? text : text + "|" + string.Join('|', alternates);
            if (!_ids.TryGetValue((key, kind), out var id))
            {
                id = Tokens.Count;
                Tokens.Add(new TokenInfo(text, kind, alternates));
                ExactKeys.Add(0);
                _ids.Add((key, kind), id);
            }

            return id;
        }

        public int InternExact(ReadOnlySpan<char> joined)
        {
            var hash = FuzzyKeys.Exact(joined);
            if (!_exact.TryGetValue(hash, out var id))
            {
                id = Tokens.Count;
                Tokens.Add(null);
                ExactKeys.Add(hash);
                _exact.Add(hash, id);
            }

            return id;
        }
    }
}
