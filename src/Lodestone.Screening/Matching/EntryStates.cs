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

    /// <summary>Where the entry's key sits in the table (to clear it).</summary>
    internal int Slot;
}

/// <summary>
/// The entries one query touches, by entry id: an open-addressing table. A query touches about a hundred entries on
/// average at a million names, so the table stays in the first-level cache, where a stamped array over all entries (18 MB)
/// cost a cache miss per form scored. It grows for a name that thousands of entries share, and clearing it costs the
/// entries touched, not its size.
/// </summary>
internal sealed class EntryStates
{
    private int[] _keys = NewKeys(512);
    private int[] _values = new int[512];
    private EntryState[] _states = new EntryState[256];
    private int _mask = 511;

    /// <summary>The number of entries touched so far.</summary>
    public int Count { get; private set; }

    /// <summary>The i-th entry touched (in the order they were first touched).</summary>
    public ref EntryState this[int i] => ref _states[i];

    /// <summary>Forgets the previous query's entries (costs what they were, not the table's size).</summary>
    public void Clear()
    {
        for (var i = 0; i < Count; i++)
        {
            _keys[_states[i].Slot] = -1;
        }

        Count = 0;
    }

    /// <summary>The state of an entry; a new one (<paramref name="added"/>) has only its entry id set.</summary>
    public ref EntryState Get(int entry, out bool added)
    {
        if (2 * (Count + 1) > _keys.Length)
        {
            Grow();
        }

        var mask = _mask;
        for (var at = Slot(entry, mask); ; at = (at + 1) & mask)
        {
            var key = _keys[at];
            if (key == entry)
            {
                added = false;
                return ref _states[_values[at]];
            }

            if (key < 0)
            {
                if (Count == _states.Length)
                {
                    Array.Resize(ref _states, _states.Length * 2);
                }

                _keys[at] = entry;
                _values[at] = Count;
                ref var state = ref _states[Count++];
                state = new EntryState { Entry = entry, Slot = at };
                added = true;
                return ref state;
            }
        }
    }

    private static int Slot(int entry, int mask) => (int)(unchecked((uint)entry * 0x9E3779B1u) >> 7) & mask;

    private static int[] NewKeys(int length)
    {
        var keys = new int[length];
        Array.Fill(keys, -1);
        return keys;
    }

    private void Grow()
    {
        _keys = NewKeys(_keys.Length * 2);
        _values = new int[_keys.Length];
        _mask = _keys.Length - 1;
        for (var i = 0; i < Count; i++)
        {
            var at = Slot(_states[i].Entry, _mask);
            while (_keys[at] >= 0)
            {
                at = (at + 1) & _mask;
            }

            _keys[at] = _states[i].Entry;
            _values[at] = i;
            _states[i].Slot = at;
        }
    }
}
