using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;
using Lodestone.Services.Contracts;

namespace Lodestone.Services.Demo;

/// <summary>
/// Typical products per end-user sector, with compositions from domain.md §3.2: NdFeB ≈30% Nd/Pr,
/// 64–69% Fe, ≈1% B; standard grades 0.6–1.2% Dy, hot EV grades up to ≈8–11% Dy/Tb, direct-drive wind ≈4% Dy.
/// </summary>
internal static class DemoProducts
{
    public static (ItemDto Item, EndUseCategory Use, string UseText) For(Party endUser, Random rng)
    {
        var sectors = endUser.Sectors;
        if (sectors.Contains(Sector.Defence) || sectors.Contains(Sector.Aerospace))
        {
            var smco = rng.NextDouble() < 0.6;
            var use = sectors.Contains(Sector.Defence)
                ? (rng.NextDouble() < 0.4 ? EndUseCategory.Military : EndUseCategory.Industrial)
                : EndUseCategory.CivilAerospace;
            return (smco ? SmCo(rng, 50, 600) : NdFeB(rng, dy: Between(rng, 2m, 6m), tb: Between(rng, 0m, 1m), kgFrom: 100, kgTo: 2000, "High-coercivity NdFeB"), use,
                use == EndUseCategory.Military ? "Actuators and guidance-system motors" : "Actuators, generators and sensors for aircraft systems");
        }

        if (sectors.Contains(Sector.Wind))
        {
            return (NdFeB(rng, dy: Between(rng, 3m, 4.5m), tb: 0m, kgFrom: 8000, kgTo: 60000, "Direct-drive generator magnets"), EndUseCategory.WindEnergy, "Permanent-magnet generators for direct-drive wind turbines");
        }

        if (sectors.Contains(Sector.Automotive))
        {
            return rng.NextDouble() < 0.12
                ? (NdFeB(rng, dy: 0m, tb: 0m, kgFrom: 2000, kgTo: 25000, "Dy-free NdFeB (grain-boundary diffused grade)"), EndUseCategory.Automotive, "Auxiliary motors (pumps, seats, wipers)")
                : (NdFeB(rng, dy: Between(rng, 2m, 8m), tb: Between(rng, 0m, 1.5m), kgFrom: 2000, kgTo: 40000, "EV traction-motor magnets"), EndUseCategory.Automotive, "Traction motors for battery electric vehicles");
        }

        if (sectors.Contains(Sector.Medical))
        {
            return (NdFeB(rng, dy: Between(rng, 0.6m, 1.2m), tb: 0m, kgFrom: 500, kgTo: 5000, "MRI magnet blocks"), EndUseCategory.Medical, "Permanent-magnet MRI scanners");
        }

        if (sectors.Contains(Sector.Research))
        {
            return rng.NextDouble() < 0.5
                ? (Priced(new ItemDto("metal", new() { ["Gd"] = 99.9m }, "2805301910", "Gadolinium metal, 99.9%", Kg(rng, 5, 200), null), 240m), EndUseCategory.Research, "Magnetocaloric materials research")
                : (Priced(new ItemDto("oxide", new() { ["Y"] = 78.7m, ["O"] = 21.3m }, "2846901940", "Yttrium oxide, 99.99%", Kg(rng, 10, 500), null), 12m), EndUseCategory.Research, "Laser crystal and ceramic research");
        }

        if (sectors.Contains(Sector.Electronics) || sectors.Contains(Sector.Semiconductors))
        {
            return rng.NextDouble() < 0.2
                ? (SmCo(rng, 100, 1500), EndUseCategory.Electronics, "Sensors and precision motors")
                : (NdFeB(rng, dy: Between(rng, 0.6m, 1.2m), tb: 0m, kgFrom: 500, kgTo: 15000, "Micro-motor and speaker magnets"), EndUseCategory.Electronics, "Voice-coil motors, speakers and haptics for consumer devices");
        }

        return (NdFeB(rng, dy: Between(rng, 0.8m, 2.5m), tb: 0m, kgFrom: 1000, kgTo: 20000, "Industrial servo-motor magnets"), EndUseCategory.Industrial, "Servo motors and industrial robots");
    }

    public static ItemDto NdFeB(Random rng, decimal dy, decimal tb, int kgFrom, int kgTo, string description)
    {
        var composition = new Dictionary<string, decimal> { ["Nd"] = 29.5m - dy - tb, ["Pr"] = 1.5m, ["Fe"] = 66m, ["B"] = 1m, ["Co"] = 1m };
        if (dy > 0)
        {
            composition["Dy"] = dy;
        }

        if (tb > 0)
        {
            composition["Tb"] = tb;
        }

        var kg = Kg(rng, kgFrom, kgTo);
        return new ItemDto("magnet", composition, "8505111000", description, kg, decimal.Round(kg * Between(rng, 55m, 95m) * (1 + (dy + tb) / 10m), 0));
    }

    public static ItemDto SmCo(Random rng, int kgFrom, int kgTo)
    {
        var kg = Kg(rng, kgFrom, kgTo);
        return new ItemDto("magnet", new() { ["Sm"] = 25m, ["Co"] = 50m, ["Fe"] = 16m, ["Cu"] = 6m, ["Zr"] = 3m }, "8505111000", "Sm2Co17 magnets", kg, decimal.Round(kg * Between(rng, 140m, 220m), 0));
    }

    private static ItemDto Priced(ItemDto item, decimal perKg) => item with { Value = item.QuantityKg * perKg };

    private static decimal Kg(Random rng, int from, int to) => decimal.Round((decimal)(from + (rng.NextDouble() * (to - from))), 0);

    private static decimal Between(Random rng, decimal from, decimal to) => decimal.Round(from + ((decimal)rng.NextDouble() * (to - from)), 1);
}
