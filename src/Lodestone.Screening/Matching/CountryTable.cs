namespace Lodestone.Screening.Matching;

/// <summary>
/// The entries' countries as small ids, so that the country qualifier of a scored form reads one int instead of the
/// entry's object and string. Countries compare as the qualifier always did: trimmed, ignoring case.
/// </summary>
internal sealed class CountryTable
{
    /// <summary>No country given (the qualifier is unknown).</summary>
    public const int Unknown = -1;

    /// <summary>A country no entry has (it disagrees with every entry that has one).</summary>
    private const int Other = -2;

    private readonly Dictionary<string, int> _ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly int[] _entryCountry;

    public CountryTable(IReadOnlyList<IndexedEntry> entries)
    {
        _entryCountry = new int[entries.Count];
        for (var e = 0; e < entries.Count; e++)
        {
            var country = entries[e].Entry.Country;
            if (string.IsNullOrWhiteSpace(country))
            {
                _entryCountry[e] = Unknown;
                continue;
            }

            if (!_ids.TryGetValue(country.Trim(), out var id))
            {
                id = _ids.Count;
                _ids.Add(country.Trim(), id);
            }

            _entryCountry[e] = id;
        }
    }

    /// <summary>A query country's id.</summary>
    public int Of(string? country) => string.IsNullOrWhiteSpace(country) ? Unknown : _ids.GetValueOrDefault(country.Trim(), Other);

    /// <summary>How a query country (by id) stands against an entry's.</summary>
    public CountryQualifier Qualify(int queryCountry, int entry)
    {
        if (queryCountry == Unknown)
        {
            // Without a query country the entry's is not read at all (a cache miss per entry at a million names).
            return CountryQualifier.Unknown;
        }

        var entryCountry = _entryCountry[entry];
        return entryCountry == Unknown ? CountryQualifier.Unknown
            : queryCountry == entryCountry ? CountryQualifier.Agrees
            : CountryQualifier.Disagrees;
    }
}
