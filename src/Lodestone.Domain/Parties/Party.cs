using Lodestone.Domain.Common;

namespace Lodestone.Domain.Parties;

/// <summary>An exporter, consignee, end user or owner, with its names in both scripts.</summary>
public sealed class Party
{
    private Party()
    {
        Name = string.Empty;
    }

    /// <summary>The longest name kept (the column width on both databases).</summary>
    public const int MaxNameLength = 400;

    /// <summary>Identity.</summary>
    public Guid Id { get; private set; }

    /// <summary>Name in Latin script.</summary>
    public string Name { get; private set; }

    /// <summary>Name in Chinese characters, when known.</summary>
    public string? ChineseName { get; private set; }

    /// <summary>Other names, former names, abbreviations.</summary>
    public IReadOnlyList<string> Aliases { get; private set; } = [];

    /// <summary>Country of registration.</summary>
    public CountryCode Country { get; private set; }

    /// <summary>Legal kind.</summary>
    public PartyKind Kind { get; private set; }

    /// <summary>Business sectors.</summary>
    public IReadOnlyList<Sector> Sectors { get; private set; } = [];

    /// <summary>Usual roles.</summary>
    public IReadOnlyList<PartyRole> Roles { get; private set; } = [];

    /// <summary>Sites.</summary>
    public IReadOnlyList<Facility> Facilities { get; private set; } = [];

    /// <summary>True for parties loaded as synthetic demo data.</summary>
    public bool IsDemo { get; private set; }

    /// <summary>The organisation whose account registered the party (an exporter registering its customer); null when the authority did.</summary>
    public Guid? RegisteredByOrganisationId { get; private set; }

    /// <summary>Creates a party after checking its names.</summary>
    public static Party Create(
        Guid id,
        string name,
        string? chineseName,
        IEnumerable<string>? aliases,
        CountryCode country,
        PartyKind kind,
        IEnumerable<Sector>? sectors,
        IEnumerable<PartyRole>? roles,
        IEnumerable<Facility>? facilities,
        bool isDemo = false,
        Guid? registeredByOrganisationId = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("name", "A party needs a name.");
        }

        if (name.Trim().Length > MaxNameLength || chineseName?.Trim().Length > MaxNameLength)
        {
            throw new DomainException("name", $"Names are at most {MaxNameLength} characters.");
        }

        if (country == default)
        {
            throw new DomainException("country", "A party needs a country (ISO 3166-1 alpha-2).");
        }

        var facilityList = (facilities ?? []).ToList();
        for (var i = 0; i < facilityList.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(facilityList[i].Name) || string.IsNullOrWhiteSpace(facilityList[i].Address))
            {
                throw new DomainException($"facilities[{i}]", "A facility needs a name and an address.");
            }
        }

        return new Party
        {
            Id = id,
            Name = name.Trim(),
            ChineseName = string.IsNullOrWhiteSpace(chineseName) ? null : chineseName.Trim(),
            Aliases = (aliases ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.Ordinal).ToList(),
            Country = country,
            Kind = kind,
            Sectors = (sectors ?? []).Distinct().ToList(),
            Roles = (roles ?? []).Distinct().ToList(),
            Facilities = facilityList,
            IsDemo = isDemo,
            RegisteredByOrganisationId = registeredByOrganisationId,
        };
    }

    /// <summary>Corrects or adds the party's names; the caller re-screens it (a new name may meet a list entry).</summary>
    public void Rename(string name, string? chineseName, IEnumerable<string>? aliases)
    {
        var renamed = Create(Id, name, chineseName, aliases, Country, Kind, Sectors, Roles, Facilities);
        Name = renamed.Name;
        ChineseName = renamed.ChineseName;
        Aliases = renamed.Aliases;
    }

    /// <summary>True when the party is itself a military user.</summary>
    public bool IsDefence => Sectors.Contains(Sector.Defence);
}
