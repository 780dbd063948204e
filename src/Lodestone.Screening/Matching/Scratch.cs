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

    public int[] FormStamps { get; private set; } = [];

    /// <summary>Per form (valid where its stamp is current): the query tokens it can meet, as bits.</summary>
    public ulong[] FormMasks { get; private set; } = [];

    public int[] EntryStamps { get; private set; } = [];

    public double[] EntryBest { get; private set; } = [];

    public int[] EntryBestForm { get; private set; } = [];

    public int[] EntryBestQueryForm { get; private set; } = [];

    public List<int> TouchedEntries { get; } = [];

    public List<Neighbour> Neighbours { get; } = [];

    public List<int> Candidates { get; } = [];

    public ScoreDetail Detail { get; } = new();

    /// <summary>The calling thread's scratch, sized for an index of the given shape.</summary>
    public static Scratch For(int entries, int forms)
    {
        var scratch = _current ??= new Scratch();
        scratch.Ensure(entries, forms);
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

    public int NextFormStamp() => Next(ref _formGeneration, FormStamps);

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
        if (FormStamps.Length < forms)
        {
            FormStamps = new int[forms];
            FormMasks = new ulong[forms];
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
