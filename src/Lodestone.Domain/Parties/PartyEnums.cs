namespace Lodestone.Domain.Parties;

/// <summary>What kind of legal person a party is.</summary>
public enum PartyKind
{
    /// <summary>A company.</summary>
    Company,

    /// <summary>A natural person.</summary>
    Person,

    /// <summary>A government body, institute, university or other organisation.</summary>
    Organisation,
}

/// <summary>
/// Business sectors. <see cref="Defence"/> marks a military user: under Ann. 61 (2025) foreign military
/// users are in principle not approved, and the proposed VEU hinders firms tied to the US military.
/// </summary>
public enum Sector
{
    /// <summary>Defence and military.</summary>
    Defence,

    /// <summary>Aerospace (a dual civil/defence sector).</summary>
    Aerospace,

    /// <summary>Automotive and EV.</summary>
    Automotive,

    /// <summary>Wind power.</summary>
    Wind,

    /// <summary>Electronics.</summary>
    Electronics,

    /// <summary>Research institutes and universities.</summary>
    Research,

    /// <summary>Industrial machinery.</summary>
    Industrial,

    /// <summary>Medical devices.</summary>
    Medical,

    /// <summary>Magnet and rare-earth materials makers.</summary>
    Magnets,

    /// <summary>Semiconductors.</summary>
    Semiconductors,

    /// <summary>Energy other than wind.</summary>
    Energy,

    /// <summary>Trading and distribution.</summary>
    Trading,

    /// <summary>Robotics and automation.</summary>
    Robotics,
}

/// <summary>The roles a party usually plays in applications (used to offer choices, not to restrict them).</summary>
public enum PartyRole
{
    /// <summary>Exporter (in China's system only the Chinese exporter holds licences).</summary>
    Exporter,

    /// <summary>Consignee or importer.</summary>
    Consignee,

    /// <summary>End user.</summary>
    EndUser,
}
