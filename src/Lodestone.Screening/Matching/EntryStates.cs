namespace Lodestone.Screening.Matching;

/// <summary>
/// An entry's best form in the current query: together, so that a form scored costs one lookup for its entry.
/// </summary>
internal struct EntryState
{
    public int Entry;

    public int BestForm;

    public int BestQueryForm;

    /// <summary>Whether the entry has no form but the one recorded (nothing to complete for a one-form query).</summary>
    public bool SingleForm;

    public double Best;
}

/// <summary>
/// The entries one query touches, in the order they were first touched, found by entry id through a
/// <see cref="LinkTable"/>. A query touches about a hundred entries on average at a million names, so the table stays in
/// the first-level cache, where a stamped array over all entries (18 MB) cost a cache miss per form scored. It grows for
/// a name that thousands of entries share.
/// </summary>
internal sealed class EntryStates
{
    private readonly LinkTable _index = new();
    private EntryState[] _states = new EntryState[256];

    /// <summary>The number of entries touched so far.</summary>
    public int Count { get; private set; }

    /// <summary>The i-th entry touched (in the order they were first touched).</summary>
    public ref EntryState this[int i] => ref _states[i];

    /// <summary>Forgets the previous query's entries.</summary>
    public void Clear()
    {
        _index.Clear();
        Count = 0;
    }

    /// <summary>The state of an entry; a new one (<paramref name="added"/>) has only its entry id set.</summary>
    public ref EntryState Get(int entry, out bool added)
    {
        var at = _index.Get(entry);
        added = at < 0;
        if (!added)
        {
            return ref _states[at];
        }

        if (Count == _states.Length)
        {
            Array.Resize(ref _states, _states.Length * 2);
        }

        _index.Replace(entry, Count);
        ref var state = ref _states[Count++];
        state = new EntryState { Entry = entry };
        return ref state;
    }
}
