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
/// <para>Candidate stage (<see cref="CandidateSearch"/>): each query token is looked up in the vocabulary of distinct
/// indexed tokens through fuzzy keys (<see cref="FuzzyKeys"/>: exact, one-deletion neighbourhood, first four letters,
/// consonant key, Arabic skeleton) and every token reached is verified with the scorer's own token similarity. The
/// scorer weighs a met pair by the query token's weight, so from the query alone one can tell which tokens an entry
/// must meet to reach the threshold; only those "essential" tokens' posting lists give candidates (MaxScore-style), so
/// "co", "ltd" or "china" never explode the candidate set. The other tokens' postings then bound each candidate's score
/// from above, and candidates are scored best bound first until the limit is filled with better scores.</para>
/// <para>What the keys cannot see: two different words that Jaro-Winkler still rates above the pair floor although they
/// are more than one edit apart, begin differently and sound different ("gazprom" ~ "gazflot" 0.80, "makarov" ~
/// "markov"). Against a brute-force scan of BIS + OFAC with 400 perturbed list names (typo, swap, reversed order), 506
/// of the 517 entries at or above the default threshold were found; every miss was another party that happens to look
/// alike, and the entry each query was made from was found every time (362 of 362).</para>
/// <para>Scoring: see <see cref="BestPairsScorer"/>. An entry found near the threshold has all its names scored, so its
/// score is that of <see cref="NameMatcher.Compare"/> on its best name. The country is a qualifier (a different country
/// lowers the score by <c>0.08</c>), never a filter.</para>
/// </remarks>
public sealed class ScreeningIndex
{
    /// <summary>How far below the threshold a found entry is still completed (all its names scored).</summary>
    private const double CompletionMargin = 0.1;

    private readonly IndexedEntry[] _entries;
    private readonly int[] _nameEntry;
    private readonly MatchedNameKind[] _nameKind;
    private readonly string[] _nameText;
    private readonly FormTable _forms;
    private readonly CandidateIndex _candidates;

    /// <summary>Per entry: its first form (forms are stored entry by entry); one more slot at the end.</summary>
    private readonly int[] _entryFormStart;

    private ScreeningIndex(
        IndexedEntry[] entries, int[] nameEntry, MatchedNameKind[] nameKind, string[] nameText, FormTable forms, CandidateIndex candidates)
    {
        _entryFormStart = new int[entries.Length + 1];
        var form = 0;
        for (var e = 0; e < entries.Length; e++)
        {
            _entryFormStart[e] = form;
            while (form < forms.Count && nameEntry[forms.Name(form)] == e)
            {
                form++;
            }
        }

        _entryFormStart[entries.Length] = forms.Count;
        _entries = entries;
        _nameEntry = nameEntry;
        _nameKind = nameKind;
        _nameText = nameText;
        _forms = forms;
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
        var normalised = new NormalisedName[nameText.Count];
        Parallel.For(0, normalised.Length, i => normalised[i] = NameNormaliser.Normalise(nameText[i]));

        var builder = new VocabularyBuilder();
        var formTokens = new List<TokenInfo>();
        var formStart = new List<int> { 0 };
        var formName = new List<int>();
        var shapeWeights = new List<FormWeights>();
        var shapeVocabulary = new List<int>();
        var shapeVocabularyStart = new List<int> { 0 };
        var formShape = new List<int>();
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var shapeKey = new System.Text.StringBuilder();
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
                shapeKey.Clear();
                var start = formTokens.Count;
                float total = 0, weak = 0, max = 0;
                foreach (var token in form.Tokens)
                {
                    var id = builder.Intern(token.Text, token.Kind, token.Alternates);
                    var info = builder.Tokens[id]!;
                    formTokens.Add(info);
                    local.Add(id);
                    shapeKey.Append((char)(id & 0xFFFF)).Append((char)(id >> 16));
                    builder.Covers(id, info.Weight);
                    total += (float)info.Weight;
                    weak += info.IsWeak ? (float)info.Weight : 0;
                    max = Math.Max(max, (float)info.Weight);
                }

                var key = shapeKey.ToString();
                var newShape = !shapes.TryGetValue(key, out var shape);
                if (newShape)
                {
                    shape = shapes.Count;
                    shapes.Add(key, shape);

                    // Stored rounded up a little so that float rounding never tightens a bound.
                    shapeWeights.Add(new FormWeights(total * 0.999f, weak * 1.001f, max * 1.001f));
                }

                formShape.Add(shape);

                var tokens = CollectionsMarshal.AsSpan(formTokens)[start..];
                var count = Compounds.EntryWindows(tokens, windows, fuzzy);
                for (var w = 0; w < count; w++)
                {
                    var length = Compounds.Join(tokens, windows[w], joined);
                    var id = fuzzy[w]
                        ? builder.Intern(new string(joined[..length]), Compounds.KindOf(tokens, windows[w]), null)
                        : builder.InternExact(joined[..length]);
                    local.Add(id);
                    var parts = 0.0;
                    for (var k = windows[w].Start; k < windows[w].Start + windows[w].Length; k++)
                    {
                        parts += tokens[k].Weight;
                    }

                    builder.Covers(id, parts);
                }

                // The candidate stage works on shapes: a shape's vocabulary is its first form's (they all share it).
                local.Sort();
                for (var k = 0; k < local.Count && newShape; k++)
                {
                    if (k == 0 || local[k] != local[k - 1])
                    {
                        shapeVocabulary.Add(local[k]);
                    }
                }

                if (newShape)
                {
                    shapeVocabularyStart.Add(shapeVocabulary.Count);
                }

                formStart.Add(formTokens.Count);
                formName.Add(n);
            }
        }

        var candidates = CandidateIndex.Build(
            [.. builder.Tokens], [.. builder.ExactKeys], [.. builder.EntryWeights], shapeVocabulary, shapeVocabularyStart);
        var forms = new FormTable([.. formTokens], [.. formStart], [.. formName], [.. shapeWeights], [.. formShape]);
        return new ScreeningIndex(entryArray, [.. nameEntry], [.. nameKind], [.. nameText], forms, candidates);
    }

    /// <summary>Screens one name: matches at or above the threshold, best first, at most the limit.</summary>
    /// <remarks>Only entries with a positive score are reported, whatever the threshold. Removed entries are included
    /// (see the class remarks).</remarks>
    public IReadOnlyList<ScreeningMatch> Screen(ScreeningQuery query, ScreeningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        options ??= ScreeningOptions.Default;
        var threshold = options.Threshold;
        if (options.Limit <= 0 || _forms.Count == 0 || double.IsNaN(threshold) || threshold > 1.0)
        {
            return [];
        }

        var normalised = NameNormaliser.Normalise(query.Name);
        if (normalised.Forms.Count == 0)
        {
            return [];
        }

        var scratch = Scratch.For(_entries.Length, _forms.ShapeCount, _candidates.VocabularySize);
        scratch.Shapes.Reset(_forms.ShapeCount, normalised.Forms.Count);
        var top = new TopEntries(options.Limit);
        var entryStamp = scratch.NextEntryStamp();
        scratch.TouchedEntries.Clear();
        var queryForms = new TokenInfo[normalised.Forms.Count][];
        for (var f = 0; f < queryForms.Length; f++)
        {
            queryForms[f] = TokenInfo.From(normalised.Forms[f]);
            CandidateSearch.Collect(_candidates, _forms, queryForms[f], threshold, scratch);

            // Best bound first: once the limit is filled, a form whose bound is below the last kept score cannot
            // change the result (top-k pruning; ties are still scored).
            scratch.Memo.Reset(queryForms[f].Length + Compounds.QueryWindowCount(queryForms[f]));
            var survivors = CollectionsMarshal.AsSpan(scratch.Survivors);
            survivors.Sort(static (x, y) => y.Bound.CompareTo(x.Bound));
            foreach (var (shape, bound) in survivors)
            {
                if (bound < top.Floor(threshold))
                {
                    break;
                }

                foreach (var form in _forms.ShapeForms(shape))
                {
                    Score(queryForms[f], f, form, query.Country, scratch, entryStamp, threshold, top);
                }
            }
        }

        var ranked = new List<(int Entry, double Score, CountryQualifier Country)>();
        foreach (var entry in scratch.TouchedEntries)
        {
            if (scratch.EntryBest[entry] >= threshold - CompletionMargin)
            {
                Complete(entry, queryForms, scratch);
            }

            var country = Qualify(query.Country, _entries[entry].Entry.Country);
            var score = scratch.EntryBest[entry] - (country == CountryQualifier.Disagrees ? ScoringParameters.CountryDisagreementPenalty : 0);
            if (score >= threshold && score > 0)
            {
                ranked.Add((entry, Math.Max(score, 0), country));
            }
        }

        ranked.Sort(static (x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Entry.CompareTo(y.Entry));
        var results = new List<ScreeningMatch>(Math.Min(ranked.Count, options.Limit));
        for (var r = 0; r < ranked.Count && results.Count < options.Limit; r++)
        {
            var (entry, score, country) = ranked[r];
            var form = scratch.EntryBestForm[entry];
            var queryForm = scratch.EntryBestQueryForm[entry];
            var name = _forms.Name(form);
            var tokens = _forms.Tokens(form);
            var nameScore = BestPairsScorer.Score(queryForms[queryForm], tokens, scratch.Detail);
            var explanation = ExplanationBuilder.Build(
                queryForms[queryForm], normalised.Forms[queryForm].Text, tokens, TextOf(tokens), scratch.Detail, nameScore, score,
                _nameText[name], _nameKind[name], country, ScoringParameters.CountryDisagreementPenalty);
            var indexed = _entries[entry];
            results.Add(new ScreeningMatch(indexed.ListId, indexed.Entry.Id, indexed.Entry.Name, score, explanation));
        }

        return results;
    }

    private void Score(
        TokenInfo[] query, int queryForm, int form, string? queryCountry, Scratch scratch, int entryStamp, double threshold, TopEntries top)
    {
        var score = ShapeScore(query, queryForm, form, scratch, scratch.Memo);
        if (score <= 0)
        {
            return;
        }

        var entry = _nameEntry[_forms.Name(form)];
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
            var adjusted = score - (Qualify(queryCountry, _entries[entry].Entry.Country) == CountryQualifier.Disagrees
                ? ScoringParameters.CountryDisagreementPenalty : 0);
            if (adjusted >= threshold)
            {
                top.Offer(entry, adjusted);
            }
        }
    }

    /// <summary>The scorer's value for a query form and an indexed form, computed once per shape and query form.</summary>
    /// <remarks>The similarity memo holds the query form being searched: completion, after the search, goes without.</remarks>
    private double ShapeScore(TokenInfo[] query, int queryForm, int form, Scratch scratch, SimilarityMemo? memo)
    {
        ref var slot = ref scratch.Shapes.Slot(_forms.Shape(form), queryForm);
        if (double.IsNaN(slot))
        {
            slot = BestPairsScorer.Score(query, _forms.Tokens(form), memo: memo);
        }

        return slot;
    }

    private static string TextOf(ReadOnlySpan<TokenInfo> tokens)
    {
        var parts = new string[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            parts[i] = tokens[i].Text;
        }

        return string.Join(' ', parts);
    }

    /// <summary>
    /// Scores every form of an entry found near the threshold, so that its score is its best name's, as
    /// <see cref="NameMatcher.Compare"/> gives it, even when that name was not itself a candidate (an alias reachable
    /// only through a joined typo, say).
    /// </summary>
    private void Complete(int entry, TokenInfo[][] queryForms, Scratch scratch)
    {
        for (var form = _entryFormStart[entry]; form < _entryFormStart[entry + 1]; form++)
        {
            if (form == scratch.EntryBestForm[entry] && queryForms.Length == 1)
            {
                continue;
            }

            for (var f = 0; f < queryForms.Length; f++)
            {
                var score = ShapeScore(queryForms[f], f, form, scratch, null);
                if (score > scratch.EntryBest[entry])
                {
                    scratch.EntryBest[entry] = score;
                    scratch.EntryBestForm[entry] = form;
                    scratch.EntryBestQueryForm[entry] = f;
                }
            }
        }
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
    /// The best entries so far (at most the limit), to know the lowest score still worth finding. Limits beyond
    /// <see cref="MaxTracked"/> are not tracked (every form reaching the threshold is scored then).
    /// </summary>
    private sealed class TopEntries(int limit)
    {
        private const int MaxTracked = 256;

        private readonly int[] _entries = new int[Math.Clamp(limit, 0, MaxTracked)];
        private readonly double[] _scores = new double[Math.Clamp(limit, 0, MaxTracked)];
        private int _count;

        /// <summary>The score a form must be able to reach to matter.</summary>
        public double Floor(double threshold)
        {
            if (limit > MaxTracked || _count < _entries.Length)
            {
                return threshold - 1e-12;
            }

            var min = double.MaxValue;
            for (var k = 0; k < _count; k++)
            {
                min = Math.Min(min, _scores[k]);
            }

            return Math.Max(threshold, min) - 1e-12;
        }

        public void Offer(int entry, double score)
        {
            if (limit > MaxTracked)
            {
                return;
            }

            var lowest = -1;
            for (var k = 0; k < _count; k++)
            {
                if (_entries[k] == entry)
                {
                    _scores[k] = Math.Max(_scores[k], score);
                    return;
                }

                if (lowest < 0 || _scores[k] < _scores[lowest])
                {
                    lowest = k;
                }
            }

            if (_count < _entries.Length)
            {
                _entries[_count] = entry;
                _scores[_count++] = score;
            }
            else if (lowest >= 0 && score > _scores[lowest])
            {
                _entries[lowest] = entry;
                _scores[lowest] = score;
            }
        }
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

        /// <summary>Per id: the most entry-token weight one occurrence accounts for (see <see cref="CandidateIndex.EntryWeight"/>).</summary>
        public List<float> EntryWeights { get; } = [];

        public void Covers(int id, double weight) => EntryWeights[id] = Math.Max(EntryWeights[id], (float)(weight * 1.001));

        public int Intern(string text, TokenKind kind, string[]? alternates)
        {
            var key = alternates is null ? text : text + "|" + string.Join('|', alternates);
            if (!_ids.TryGetValue((key, kind), out var id))
            {
                id = Tokens.Count;
                Tokens.Add(new TokenInfo(text, kind, alternates, id: id));
                ExactKeys.Add(0);
                EntryWeights.Add(0);
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
                EntryWeights.Add(0);
                _exact.Add(hash, id);
            }

            return id;
        }
    }
}
