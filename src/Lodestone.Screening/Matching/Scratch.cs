namespace Lodestone.Screening.Matching;

/// <summary>
/// Per-thread working memory of a search: stamp arrays that mark visited tokens, forms and entries without clearing
/// them between queries (a stamp is valid only for the generation that wrote it), and reusable lists. One per thread
/// ([ThreadStatic]), grown to the largest index it has served; the index itself stays immutable and shared.
/// </summary>
internal sealed class Scratch
{
    [ThreadStatic]
    private static Scratch? _current;

    private int _tokenGeneration;
    private int _formGeneration;
    private int _entryGeneration;

    public int[] TokenStamps { get; private set; } = [];

    /// <summary>Per form: the stamp of the query form it is a candidate of, and its slot in <see cref="Candidates"/> (one
    /// cache line read per posting, not two).</summary>
    public FormMark[] FormMarks { get; private set; } = [];

    public int[] EntryStamps { get; private set; } = [];

    public double[] EntryBest { get; private set; } = [];

    public int[] EntryBestForm { get; private set; } = [];

    public int[] EntryBestQueryForm { get; private set; } = [];

    public List<int> TouchedEntries { get; } = [];

    public List<Neighbour> Neighbours { get; } = [];

    /// <summary>Working lists of a split query token: tokens that begin it (with the split point) and that end it.</summary>
    public List<Beginning> Beginnings { get; } = [];

    public List<Neighbour> Endings { get; } = [];

    /// <summary>Candidate forms of the current query form, by slot.</summary>
    public List<int> Candidates { get; } = [];


    /// <summary>Per candidate slot, per query token: the best (sharpened) similarity the token can reach.</summary>
    public double[] CandidateSimilarities { get; private set; } = new double[1024];

    /// <summary>Per candidate slot: an upper bound of the entry weight the query can meet.</summary>
    public double[] CandidateEntryMet { get; private set; } = new double[64];

    /// <summary>Forms whose bound reaches the threshold, with their bound: the ones to score.</summary>
    public List<(int Form, double Bound)> Survivors { get; } = [];

    /// <summary>Memoised similarities of the current query form's tokens to vocabulary tokens (by id).</summary>
    public SimilarityMemo Memo { get; } = new();

    /// <summary>Adds a candidate form with a zeroed row for <paramref name="tokens"/> query tokens; returns its slot.</summary>
    public int AddCandidate(int form, int tokens)
    {
        var slot = Candidates.Count;
        Candidates.Add(form);
        if (CandidateEntryMet.Length <= slot)
        {
            var entryMet = CandidateEntryMet;
            Array.Resize(ref entryMet, Math.Max(slot + 1, entryMet.Length * 2));
            CandidateEntryMet = entryMet;
        }

        if (CandidateSimilarities.Length < (slot + 1) * tokens)
        {
            var similarities = CandidateSimilarities;
            Array.Resize(ref similarities, Math.Max((slot + 1) * tokens, similarities.Length * 2));
            CandidateSimilarities = similarities;
        }

        CandidateEntryMet[slot] = 0;
        CandidateSimilarities.AsSpan(slot * tokens, tokens).Clear();
        return slot;
    }

    public ScoreDetail Detail { get; } = new();

    /// <summary>The calling thread's scratch, sized for an index of the given shape.</summary>
    public static Scratch For(int entries, int forms, int vocabulary)
    {
        var scratch = _current ??= new Scratch();
        scratch.Ensure(entries, forms);
        scratch.Memo.Ensure(vocabulary);
        return scratch;
    }

    /// <summary>A fresh stamp for the token array (one per query-token lookup).</summary>
    public int NextTokenStamp(int vocabulary)
    {
        if (TokenStamps.Length < vocabulary)
        {
            TokenStamps = new int[vocabulary];
            _tokenGeneration = 0;
        }

        return Next(ref _tokenGeneration, TokenStamps);
    }

    public int NextFormStamp()
    {
        if (_formGeneration == int.MaxValue)
        {
            Array.Clear(FormMarks);
            _formGeneration = 0;
        }

        return ++_formGeneration;
    }

    public int NextEntryStamp() => Next(ref _entryGeneration, EntryStamps);

    private static int Next(ref int generation, int[] stamps)
    {
        if (generation == int.MaxValue)
        {
            Array.Clear(stamps);
            generation = 0;
        }

        return ++generation;
    }

    private void Ensure(int entries, int forms)
    {
        if (FormMarks.Length < forms)
        {
            FormMarks = new FormMark[forms];
            _formGeneration = 0;
        }

        if (EntryStamps.Length < entries)
        {
            EntryStamps = new int[entries];
            EntryBest = new double[entries];
            EntryBestForm = new int[entries];
            EntryBestQueryForm = new int[entries];
            _entryGeneration = 0;
        }
    }
}

/// <summary>
/// Similarities of the current query form's tokens to the vocabulary tokens met so far: forms share tokens ("co",
/// "electronic", common names), so each (query token, vocabulary token) pair is computed once per query. Reset per
/// query form by a new stamp.
/// </summary>
internal sealed class SimilarityMemo
{
    private int[] _stamps = [];
    private int[] _rows = [];
    private double[] _values = new double[256];
    private int _generation;
    private int _count;
    private int _width;

    public void Ensure(int vocabulary)
    {
        if (_stamps.Length < vocabulary)
        {
            _stamps = new int[vocabulary];
            _rows = new int[vocabulary];
            _generation = 0;
        }
    }

    /// <summary>Starts a query form of <paramref name="width"/> tokens.</summary>
    public void Reset(int width)
    {
        if (_generation == int.MaxValue)
        {
            Array.Clear(_stamps);
            _generation = 0;
        }

        _generation++;
        _count = 0;
        _width = width;
    }

    /// <summary>The row of similarities for a vocabulary token, and whether it still has to be filled.</summary>
    public Span<double> Row(int id, out bool fresh)
    {
        fresh = _stamps[id] != _generation;
        if (fresh)
        {
            _stamps[id] = _generation;
            _rows[id] = _count++;
            if (_values.Length < _count * _width)
            {
                Array.Resize(ref _values, Math.Max(_count * _width, _values.Length * 2));
            }
        }

        return _values.AsSpan(_rows[id] * _width, _width);
    }
}

/// <summary>A form's candidate mark: the stamp it was marked with and its candidate slot.</summary>
internal struct FormMark
{
    public int Stamp;
    public int Slot;
}
