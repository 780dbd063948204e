namespace Lodestone.Domain.Routing;

/// <summary>The lanes an application can be routed into (domain.md §4.3).</summary>
public enum Lane
{
    /// <summary>No item is controlled on the date: no licence is needed.</summary>
    NotControlled,

    /// <summary>Control-list ban, WMD or terrorism, or a country ban: denied; only an art. 29 special application remains.</summary>
    Prohibited,

    /// <summary>Foreign military user or use: denied unless a senior officer overrides, on the record.</summary>
    PresumptionOfDenial,

    /// <summary>Watch list, dual civil/defence firms, sensitive uses or missing evidence: expert or on-site checks.</summary>
    Enhanced,

    /// <summary>Individual licence decided within 45 working days of acceptance (art. 17).</summary>
    Standard,

    /// <summary>Covered by an active validated end-user authorisation: issued at once.</summary>
    VeuFastTrack,

    /// <summary>Art. 19 cases (repair or test returns, exhibitions, civil-aircraft spares): a voucher on filing.</summary>
    Registration,
}

/// <summary>The kinds of restricted-party list whose hits the policy can test.</summary>
public enum ListKind
{
    /// <summary>China's export control list (管控名单, arts. 28–30).</summary>
    Control,

    /// <summary>China's watch list (关注名单, art. 26).</summary>
    Watch,

    /// <summary>The Unreliable Entity List.</summary>
    UnreliableEntity,

    /// <summary>A military end-user list.</summary>
    MilitaryEndUser,

    /// <summary>Informational external lists (e.g. the US Entity List).</summary>
    External,
}
