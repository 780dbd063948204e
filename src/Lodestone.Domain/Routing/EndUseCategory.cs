namespace Lodestone.Domain.Routing;

/// <summary>End-use categories an applicant declares and the policy tests.</summary>
public enum EndUseCategory
{
    /// <summary>Vehicles and EV traction motors.</summary>
    Automotive,

    /// <summary>Wind turbine generators.</summary>
    WindEnergy,

    /// <summary>Consumer and industrial electronics.</summary>
    Electronics,

    /// <summary>Industrial motors, robots, machinery.</summary>
    Industrial,

    /// <summary>Medical devices (MRI and the like).</summary>
    Medical,

    /// <summary>Civil research and development.</summary>
    Research,

    /// <summary>Civil aerospace.</summary>
    CivilAerospace,

    /// <summary>Advanced chips (≤14 nm logic, ≥256-layer memory): case-by-case under Ann. 61.</summary>
    AdvancedSemiconductor,

    /// <summary>AI with potential military use: case-by-case under Ann. 61.</summary>
    MilitaryAi,

    /// <summary>Military end use.</summary>
    Military,

    /// <summary>Weapons of mass destruction or their delivery.</summary>
    Wmd,

    /// <summary>Terrorism.</summary>
    Terrorism,

    /// <summary>Repair or test return (art. 19 registration case).</summary>
    RepairReturn,

    /// <summary>Exhibition (art. 19 registration case).</summary>
    Exhibition,

    /// <summary>Civil-aircraft spares (art. 19 registration case).</summary>
    CivilAircraftSpares,

    /// <summary>Anything else.</summary>
    Other,
}
