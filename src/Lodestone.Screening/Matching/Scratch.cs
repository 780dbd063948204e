namespace Lodestone.Screening.Matching;

/// <summary>
/// Per-thread working memory of a search: stamp arrays that mark visited tokens and forms without clearing
/// them between queries (a stamp is valid only for the generation that wrote it), and reusable lists. One per thread
/// ([ThreadStatic]), grown to the largest index it has served; the index itself stays immutable and shared.
/// </summary>
internal sealed class Scratch
{
    [ThreadStatic]
    private static Scratch? _current;

    private int _tokenGeneration;

    public int[] TokenStamps { get; private set; } = [];

    /// <summary>
    /// Per shape (see <see cref="FormTable"/>), during one query form's candidate stage (all zero between them: the stage clears what it set): in the low
    /// 16 bits which query tokens it meets (one bit each) and whether it is a candidate; in the high 16 bits the entry
    /// weight its walked neighbours account for (see <see cref="FormMarks"/>). One word, so a posting costs one write.
    /// </summary>
    public uint[] FormMasks { get; private set; } = [];

    /// <summary>The entries the current query has scored a form of, with their best form so far.</summary>
    public EntryStates Entries { get; } = new();

    public List<Neighbour> Neighbours { get; } = [];

    /// <summary>Candidate forms of the current query form, by slot.</summary>
    public List<int> Candidates { get; } = [];


    /// <summary>The candidate stage's cheap bounds of the current query form.</summary>
    public MaskBounds MaskBounds { get; } = new();

    /// <summary>The current query form's neighbours, chained per vocabulary id (see <see cref="LinkTable"/>).</summary>
    public NeighbourLink[] Links { get; private set; } = new NeighbourLink[256];

    /// <summary>
    /// Open-addressing table from vocabulary id to its first link: a few hundred ids, small enough to stay in the
    /// first-level cache while thousands of candidates are checked against it (an array over the whole vocabulary
    /// would cost a cache miss per token checked).
    /// </summary>
    public LinkTable LinkTable { get; } = new();

    private int _linkCount;

    /// <summary>Shapes whose bound reaches the threshold: the ones whose forms are scored.</summary>
    public List<int> Survivors { get; } = [];

    /// <summary>Scores of the current query by shape and query form.</summary>
    public ShapeMemo Shapes { get; } = new();

    /// <summary>Memoised similarities of the current query form's tokens to vocabulary tokens (by id).</summary>
    public SimilarityMemo Memo { get; } = new();

    /// <summary>Forgets the previous query form's links.</summary>
    public void ClearLinks()
    {
        _linkCount = 0;
        LinkTable.Clear();
    }

    /// <summary>Files a neighbour (vocabulary id) of query tokens [first, first + count) under its id.</summary>
    public void AddLink(int token, int first, int count, double similarity, float entryWeight)
    {
        if (_linkCount == Links.Length)
        {
            var links = Links;
            Array.Resize(ref links, links.Length * 2);
            Links = links;
        }

        var head = LinkTable.Replace(token, _linkCount);
        Links[_linkCount++] = new NeighbourLink(head, first, count, similarity, entryWeight);
    }

    public ScoreDetail Detail { get; } = new();

    /// <summary>The calling thread's scratch, sized for an index of the given shape.</summary>
    public static Scratch For(int forms, int vocabulary)
    {
        var scratch = _current ??= new Scratch();
        scratch.Ensure(forms);
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

    private static int Next(ref int generation, Array stamps)
    {
        if (generation == int.MaxValue)
        {
            Array.Clear(stamps);
            generation = 0;
        }

        return ++generation;
    }

    private void Ensure(int forms)
    {
        if (FormMasks.Length < forms)
        {
            FormMasks = new uint[forms];
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

/// <summary>
/// The scores of one query by indexed shape (see <see cref="FormTable"/>) and query form: forms of one shape get one
/// scorer call per query form. Rows are handed out to the shapes met, so memory follows the shapes scored, not the index.
/// </summary>
internal sealed class ShapeMemo
{
    // The same stamped rows as the similarity memo: one row per shape met, one column per query form.
    private readonly SimilarityMemo _rows = new();

    /// <summary>Starts a query of <paramref name="queryForms"/> forms over an index of <paramref name="shapes"/> shapes.</summary>
    public void Reset(int shapes, int queryForms)
    {
        _rows.Ensure(shapes);
        _rows.Reset(queryForms);
    }

    /// <summary>The slot of a shape's score against a query form: NaN until computed.</summary>
    public ref double Slot(int shape, int queryForm)
    {
        var row = _rows.Row(shape, out var fresh);
        if (fresh)
        {
            row.Fill(double.NaN);
        }

        return ref row[queryForm];
    }
}

/// <summary>
/// One neighbour of query tokens [<paramref name="First"/>, +<paramref name="Count"/>): its sharpened similarity and
/// the entry weight it can account for; <paramref name="Next"/> chains the links of one vocabulary id (-1 ends).
/// </summary>
internal readonly record struct NeighbourLink(int Next, int First, int Count, double Similarity, float EntryWeight);

/// <summary>
/// A small open-addressing hash table from a non-negative id to an int: vocabulary id to first link for one query form,
/// entry to its state for one query (<see cref="EntryStates"/>). It grows as needed; clearing it costs the ids stored,
/// not its size, so one query that filled it does not slow every later one.
/// </summary>
internal sealed class LinkTable
{
    private int[] _keys;
    private int[] _values = new int[256];

    /// <summary>The slots in use, in the order they were filled.</summary>
    private int[] _used = new int[128];

    private int _count;
    private int _mask = 255;

    public LinkTable()
    {
        _keys = new int[256];
        Array.Fill(_keys, -1);
    }

    public void Clear()
    {
        for (var i = 0; i < _count; i++)
        {
            _keys[_used[i]] = -1;
        }

        _count = 0;
    }

    /// <summary>The value stored for an id, or -1.</summary>
    public int Get(int id)
    {
        var keys = _keys;
        var mask = _mask;
        for (var at = Slot(id, mask); ; at = (at + 1) & mask)
        {
            var key = keys[at];
            if (key == id)
            {
                return _values[at];
            }

            if (key < 0)
            {
                return -1;
            }
        }
    }

    /// <summary>Stores a value for an id; returns the previous one, or -1.</summary>
    public int Replace(int id, int value)
    {
        if (2 * (_count + 1) > _keys.Length)
        {
            Grow();
        }

        for (var at = Slot(id, _mask); ; at = (at + 1) & _mask)
        {
            if (_keys[at] == id)
            {
                var previous = _values[at];
                _values[at] = value;
                return previous;
            }

            if (_keys[at] < 0)
            {
                _keys[at] = id;
                _values[at] = value;
                _used[_count++] = at;
                return -1;
            }
        }
    }

    private static int Slot(int id, int mask) => (int)(unchecked((uint)id * 0x9E3779B1u) >> 7) & mask;

    private void Grow()
    {
        var keys = _keys;
        var values = _values;
        _keys = new int[keys.Length * 2];
        _values = new int[keys.Length * 2];
        _used = new int[keys.Length];
        _mask = _keys.Length - 1;
        Array.Fill(_keys, -1);
        _count = 0;
        for (var k = 0; k < keys.Length; k++)
        {
            if (keys[k] >= 0)
            {
                Replace(keys[k], values[k]);
            }
        }
    }
}
