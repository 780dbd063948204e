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
/// from above, and every candidate whose bound reaches the threshold is scored (whatever the limit, so that the first
/// results never depend on it).</para>
/// <para>What the keys cannot see, the scorer does not credit: a spelling or skeleton pair counts only if the two tokens
/// share a fuzzy key (<see cref="KeyGate"/>), so the lookups find every pair the scorer rates: token and token, joined
/// query window and token, and token and joined entry window (each entry window is in the vocabulary under its own
/// keys).</para>
/// <para>Scoring: see <see cref="BestPairsScorer"/>. An entry found near the threshold has all its names scored, so its
/// score is that of <see cref="NameMatcher.Compare"/> on its best name. The country is a qualifier (a different country
/// lowers the score by <c>0.08</c>), never a filter.</para>
/// </remarks>
public sealed partial class ScreeningIndex
{
    /// <summary>How far below the threshold a found entry is still completed (all its names scored).</summary>
    private const double CompletionMargin = 0.1;

    private readonly IndexedEntry[] _entries;
    private readonly MatchedNameKind[] _nameKind;
    private readonly string[] _nameText;
    private readonly FormTable _forms;
    private readonly CandidateIndex _candidates;

    /// <summary>Per entry: its first form (forms are stored entry by entry); one more slot at the end.</summary>
    private readonly int[] _entryFormStart;

    /// <summary>
    /// Alongside the flattened forms of all shapes (<see cref="FormTable.ShapeFormStart"/>): each form's entry, with
    /// <see cref="SingleFormBit"/> set when that entry has no other form. Scoring a shape records its forms' entries from
    /// here, one sequential read, instead of a cache miss per form in arrays indexed by form and entry.
    /// </summary>
    private readonly int[] _shapeFormEntry;

    private const int SingleFormBit = 1 << 30;

    /// <summary>Per form, whether its name is written in Chinese characters (on a tie, the name shown is in the query's script).</summary>
    private readonly bool[] _formHan;

    private readonly CountryTable _countries;

    private ScreeningIndex(
        IndexedEntry[] entries, int[] nameEntry, MatchedNameKind[] nameKind, string[] nameText, FormTable forms, CandidateIndex candidates)
    {
        if (entries.Length >= SingleFormBit)
        {
            throw new ArgumentException($"An index holds fewer than {SingleFormBit} entries.", nameof(entries));
        }

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
        var formEntry = new int[forms.Count];
        _formHan = new bool[forms.Count];
        for (var f = 0; f < forms.Count; f++)
        {
            formEntry[f] = nameEntry[forms.Name(f)];
            _formHan[f] = NameNormaliser.HasHan(nameText[forms.Name(f)]);
        }

        _shapeFormEntry = new int[forms.Count];
        for (var shape = 0; shape < forms.ShapeCount; shape++)
        {
            var start = forms.ShapeFormStart(shape);
            var shapeForms = forms.ShapeForms(shape);
            for (var k = 0; k < shapeForms.Length; k++)
            {
                var entry = formEntry[shapeForms[k]];
                var single = _entryFormStart[entry + 1] - _entryFormStart[entry] == 1;
                _shapeFormEntry[start + k] = entry | (single ? SingleFormBit : 0);
            }
        }

        _countries = new CountryTable(entries);
        _entries = entries;
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
        var formWindows = new List<FormWindow>();
        var formWindowStart = new List<int> { 0 };
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var shapeKey = new System.Text.StringBuilder();
        var seenForms = new HashSet<string>(StringComparer.Ordinal);
        var local = new List<int>();
        Span<Compounds.Window> windows = stackalloc Compounds.Window[2 * NameNormaliser.MaxTokens];
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
                var count = Compounds.EntryWindows(tokens, windows);
                for (var w = 0; w < count; w++)
                {
                    var length = Compounds.Join(tokens, windows[w], joined);
                    var kind = Compounds.KindOf(tokens, windows[w]);
                    var id = builder.InternJoined(joined[..length], kind);
                    local.Add(id);
                    formWindows.Add(new FormWindow(
                        id, (byte)windows[w].Start, (byte)windows[w].Length, (byte)Compounds.ShortestPart(tokens, windows[w]), (byte)length,
                        tokens[windows[w].Start].FirstClass, kind == TokenKind.Abjad));
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
                formWindowStart.Add(formWindows.Count);
                formName.Add(n);
            }
        }

        // Shapes renumbered so that those sharing common tokens are neighbours (see ShapeOrder).
        var ordered = ShapeOrder.Renumber(shapeWeights, shapeVocabulary, shapeVocabularyStart, formShape, builder.Tokens.Count);
        var candidates = CandidateIndex.Build(
            [.. builder.Tokens], builder.Joined(), [.. builder.EntryWeights], ordered.Vocabulary, ordered.VocabularyStart);
        var forms = new FormTable([.. formTokens], [.. formStart], [.. formName], ordered.Weights, ordered.FormShape, [.. formWindows], [.. formWindowStart]);
        return new ScreeningIndex(entryArray, [.. nameEntry], [.. nameKind], [.. nameText], forms, candidates);
    }

    /// <summary>Screens one name: matches at or above the threshold, best first, at most the limit.</summary>
    /// <remarks>Only entries with a positive score are reported, whatever the threshold. Removed entries are included
    /// (see the class remarks).</remarks>
    public IReadOnlyList<ScreeningMatch> Screen(ScreeningQuery query, ScreeningOptions? options = null) => Screen(query, options, null);

    private List<ScreeningMatch> Screen(ScreeningQuery query, ScreeningOptions? options, LookupMemo? memo)
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

        var scratch = Scratch.For(_forms.ShapeCount, _candidates.VocabularySize);
        scratch.Shapes.Reset(_forms.ShapeCount, normalised.Forms.Count);
        var queryCountry = _countries.Of(query.Country);
        var queryHan = NameNormaliser.HasHan(query.Name);
        var entries = scratch.Entries;
        entries.Clear();
        var queryForms = new TokenInfo[normalised.Forms.Count][];
        for (var f = 0; f < queryForms.Length; f++)
        {
            queryForms[f] = TokenInfo.From(normalised.Forms[f]);
            CandidateSearch.Collect(_candidates, _forms, queryForms[f], threshold, scratch, memo);

            // Every survivor is scored, whatever the limit, so that the first results never depend on it. (Since the
            // lookups find every pair the scorer credits, the bounds are true upper bounds, and scoring survivors in bound
            // order could stop once the limit is filled with better scores; survivors come in shape order, and that
            // saving is not taken.)
            scratch.Memo.Reset(queryForms[f].Length + Compounds.QueryWindowCount(queryForms[f]));
            foreach (var shape in scratch.Survivors)
            {
                // One score for all the shape's forms. A form scoring below the completion margin can neither be reported
                // nor make its entry worth completing, so its entry is not even touched (another form of it records itself).
                var shapeForms = _forms.ShapeForms(shape);
                var score = ShapeScore(queryForms[f], f, shape, shapeForms[0], scratch, scratch.Memo);
                if (score <= 0 || score < threshold - CompletionMargin)
                {
                    continue;
                }

                var start = _forms.ShapeFormStart(shape);
                for (var k = 0; k < shapeForms.Length; k++)
                {
                    Record(shapeForms[k], _shapeFormEntry[start + k], score, f, queryHan, entries);
                }
            }
        }

        var ranked = new List<(int Entry, double Score, CountryQualifier Country, int State)>();
        for (var i = 0; i < entries.Count; i++)
        {
            ref var state = ref entries[i];
            if (state.Best >= threshold - CompletionMargin && !(state.SingleForm && queryForms.Length == 1))
            {
                Complete(ref state, queryForms, queryHan, scratch);
            }

            var country = _countries.Qualify(queryCountry, state.Entry);
            var score = state.Best - (country == CountryQualifier.Disagrees ? ScoringParameters.CountryDisagreementPenalty : 0);
            if (score >= threshold && score > 0)
            {
                ranked.Add((state.Entry, Math.Max(score, 0), country, i));
            }
        }

        ranked.Sort(static (x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Entry.CompareTo(y.Entry));
        var results = new List<ScreeningMatch>(Math.Min(ranked.Count, options.Limit));
        for (var r = 0; r < ranked.Count && results.Count < options.Limit; r++)
        {
            var (entry, score, country, stateIndex) = ranked[r];
            var form = entries[stateIndex].BestForm;
            var queryForm = entries[stateIndex].BestQueryForm;
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

    /// <summary>Records a scored form for its entry (from <see cref="_shapeFormEntry"/>): the entry keeps its best form.</summary>
    private void Record(int form, int entryAndFlag, double score, int queryForm, bool queryHan, EntryStates entries)
    {
        ref var state = ref entries.Get(entryAndFlag & ~SingleFormBit, out var added);
        if (added)
        {
            state.Best = -1;
            state.SingleForm = (entryAndFlag & SingleFormBit) != 0;
        }

        Offer(ref state, score, form, queryForm, queryHan);
    }

    /// <summary>
    /// Keeps the better of an entry's best form and another: the higher score; on a tie, a name in the query's script
    /// (黄明 for 黄明, HUANG Ming for Huang Ming), then the earlier form (the primary name before aliases) and query form,
    /// so the name shown does not depend on the order forms are scored in.
    /// </summary>
    private void Offer(ref EntryState state, double score, int form, int queryForm, bool queryHan)
    {
        var better = score > state.Best;
        if (score == state.Best)
        {
            bool sameScript = _formHan[form] == queryHan, bestSameScript = _formHan[state.BestForm] == queryHan;
            better = sameScript != bestSameScript ? sameScript
                : form < state.BestForm || (form == state.BestForm && queryForm < state.BestQueryForm);
        }

        if (better)
        {
            state.Best = score;
            state.BestForm = form;
            state.BestQueryForm = queryForm;
        }
    }

    /// <summary>The scorer's value for a query form and an indexed form of the given shape, computed once per shape and query form.</summary>
    /// <remarks>The similarity memo holds the query form being searched: completion, after the search, goes without.</remarks>
    private double ShapeScore(TokenInfo[] query, int queryForm, int shape, int form, Scratch scratch, SimilarityMemo? memo)
    {
        ref var slot = ref scratch.Shapes.Slot(shape, queryForm);
        if (double.IsNaN(slot))
        {
            slot = memo is null
                ? BestPairsScorer.Score(query, _forms.Tokens(form))
                : BestPairsScorer.Score(query, _forms.Tokens(form), memo, _forms.Windows(form), _candidates);
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
    /// <see cref="NameMatcher.Compare"/> gives it, even when that name was not itself a candidate. (A guard: with complete
    /// lookups and true bounds every name at or above the threshold is a candidate, but an entry's score must not rest on
    /// that.)
    /// </summary>
    private void Complete(ref EntryState state, TokenInfo[][] queryForms, bool queryHan, Scratch scratch)
    {
        var entry = state.Entry;
        for (var form = _entryFormStart[entry]; form < _entryFormStart[entry + 1]; form++)
        {
            if (form == state.BestForm && queryForms.Length == 1)
            {
                continue;
            }

            for (var f = 0; f < queryForms.Length; f++)
            {
                Offer(ref state, ShapeScore(queryForms[f], f, _forms.Shape(form), form, scratch, null), form, f, queryHan);
            }
        }
    }

    /// <summary>
    /// Interns tokens at build time: one shared <see cref="TokenInfo"/> per distinct text, kind and alternates. Joined
    /// entry windows get no <see cref="TokenInfo"/>, only their text in one pool: there are about as many of them as
    /// names.
    /// </summary>
    private sealed class VocabularyBuilder
    {
        private readonly Dictionary<(string Text, TokenKind Kind), int> _ids = [];
        private readonly Dictionary<(ulong Hash, TokenKind Kind), int> _joinedIds = [];
        private readonly List<JoinedText> _joined = [];
        private readonly System.Text.StringBuilder _joinedPool = new();

        /// <summary>Per id: the token, or null for a joined entry window.</summary>
        public List<TokenInfo?> Tokens { get; } = [];

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
                _joined.Add(default);
                EntryWeights.Add(0);
                _ids.Add((key, kind), id);
            }

            return id;
        }

        /// <summary>Interns a joined entry window by its text's hash and kind (a 64-bit hash: no text is kept twice).</summary>
        public int InternJoined(ReadOnlySpan<char> joined, TokenKind kind)
        {
            var hash = FuzzyKeys.Exact(joined);
            if (!_joinedIds.TryGetValue((hash, kind), out var id))
            {
                id = Tokens.Count;
                Tokens.Add(null);
                _joined.Add(new JoinedText(_joinedPool.Length, joined.Length, kind));
                _joinedPool.Append(joined);
                EntryWeights.Add(0);
                _joinedIds.Add((hash, kind), id);
            }

            return id;
        }

        /// <summary>The joined windows' texts: per id (ordinary tokens have none) and their pool.</summary>
        public JoinedTexts Joined()
        {
            var pool = new char[_joinedPool.Length];
            _joinedPool.CopyTo(0, pool, pool.Length);
            return new JoinedTexts([.. _joined], pool);
        }
    }
}
