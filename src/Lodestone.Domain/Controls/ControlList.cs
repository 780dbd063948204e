using Lodestone.Domain.Common;

namespace Lodestone.Domain.Controls;

/// <summary>The control list: instruments and the entries they list, checked for consistency on creation.</summary>
public sealed class ControlList
{
    private readonly Dictionary<string, Instrument> _instruments;

    private ControlList(string version, IReadOnlyList<Instrument> instruments, IReadOnlyList<ControlEntry> entries)
    {
        Version = version;
        Instruments = instruments;
        Entries = entries;
        _instruments = instruments.ToDictionary(i => i.Id, StringComparer.Ordinal);
    }

    /// <summary>The list's version string, recorded with each classification.</summary>
    public string Version { get; }

    /// <summary>All instruments.</summary>
    public IReadOnlyList<Instrument> Instruments { get; }

    /// <summary>All entries, in force or not.</summary>
    public IReadOnlyList<ControlEntry> Entries { get; }

    /// <summary>Builds a list; throws when codes repeat or an entry names an unknown instrument.</summary>
    public static ControlList Create(string version, IReadOnlyList<Instrument> instruments, IReadOnlyList<ControlEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(entries);
        var duplicateInstrument = instruments.GroupBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicateInstrument is not null)
        {
            throw new DomainException("instruments", $"Instrument '{duplicateInstrument.Key}' is defined twice.");
        }

        var ids = instruments.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (!seen.Add(entry.Code))
            {
                throw new DomainException("entries", $"Control code {entry.Code} is listed twice.");
            }

            if (!ids.Contains(entry.InstrumentId))
            {
                throw new DomainException("entries", $"Control code {entry.Code} names unknown instrument '{entry.InstrumentId}'.");
            }
        }

        return new ControlList(version, instruments, entries);
    }

    /// <summary>The instrument of an entry.</summary>
    public Instrument InstrumentOf(ControlEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _instruments[entry.InstrumentId];
    }

    /// <summary>Entries whose instrument applies on <paramref name="date"/>.</summary>
    public IEnumerable<ControlEntry> InForce(DateOnly date) => Entries.Where(e => InstrumentOf(e).IsInForce(date));
}
