using Lodestone.Domain.Applications;
using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;

namespace Lodestone.Domain.Tests.Routing;

/// <summary>A builder of routing facts: a civilian German automotive export of a Dy magnet, changed per test.</summary>
internal static class Facts
{
    public static RoutingFacts Civilian() => new()
    {
        Channel = Channel.Individual,
        ItemControlled = true,
        ControlCodes = ["1C905.a.4"],
        Destination = CountryCode.Parse("DE", "destination"),
        EndUse = EndUseCategory.Automotive,
        EndUserSectors = [Sector.Automotive],
        ListHits = [],
        MilitaryLinked = false,
        MissingEvidence = [],
    };

    public static CountryCode Country(string code) => CountryCode.Parse(code, "country");
}
