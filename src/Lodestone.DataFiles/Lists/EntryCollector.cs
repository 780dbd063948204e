using Lodestone.Screening.Lists;

namespace Lodestone.DataFiles.Lists;

/// <summary>Gathers a file's entries, refusing a repeated id and more entries than the limit.</summary>
internal sealed class EntryCollector
{
    private readonly string _file;
    private readonly ListReadLimits _limits;
    private readonly List<ListEntry> _entries = [];
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    public EntryCollector(string file, ListReadLimits limits)
    {
        _file = file;
        _limits = limits;
    }

    public IReadOnlyList<ListEntry> Entries => _entries;

    public bool Contains(string id) => _lines.ContainsKey(id);

    public void Add(ListEntry entry, int line, string idField)
    {
        if (_lines.TryGetValue(entry.Id, out var first))
        {
            throw new DataFileException(_file, line, idField, $"the id '{entry.Id}' is used twice (first on line {first}).");
        }

        if (_entries.Count >= _limits.MaxEntries)
        {
            throw new DataFileException(_file, line, "(entries)", $"the file holds more than the limit of {_limits.MaxEntries:N0} entries.");
        }

        _lines.Add(entry.Id, line);
        _entries.Add(entry);
    }
}
