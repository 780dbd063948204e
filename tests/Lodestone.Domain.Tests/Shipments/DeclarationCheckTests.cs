using Lodestone.Domain.Classification;
using Lodestone.Domain.Common;
using Lodestone.Domain.Licences;
using Lodestone.Domain.Shipments;
using static Lodestone.Domain.Tests.Applications.ApplicationBuilder;

namespace Lodestone.Domain.Tests.Shipments;

/// <summary>The customs checks (art. 18, 21–22): what refuses goods, what holds them, and the drawdown they lead to.</summary>
public sealed class DeclarationCheckTests
{
    private static readonly DateOnly Day = new(2025, 10, 9);
    private static readonly DateTimeOffset Now = new(2025, 10, 9, 2, 0, 0, TimeSpan.Zero);

    internal static Licence NewLicence(decimal kg = 1000m) => Licence.Issue(Guid.NewGuid(), "EL-2025-TEST0001", Routed(), "officer", Filed, validityMonths: null) is var l && kg == 1000m
        ? l
        : Licence.Issue(Guid.NewGuid(), "EL-2025-TEST0001", Filed_(Draft(items: Item(kg, kg * 80m))), "officer", Filed);

    internal static ShipmentItem Magnets(decimal kg, bool withComposition = true, params string[] codes) => new(
        Product.Create(ProductForm.Magnet, withComposition ? Composition.Create([new("Nd", 29m), new("Dy", 0.8m)]) : Composition.Create([]), "8505.11"),
        kg, kg * 80m, codes.Length == 0 && withComposition ? ["1C905.a.4"] : codes, withComposition ? [] : ["No composition declared for the magnet."]);

    internal static ShipmentDeclaration Declared(Licence? licence, params ShipmentItem[] items) => new()
    {
        Number = "220520251009000001",
        DeclaredOn = Day,
        ExporterId = Exporter.Id,
        ConsigneeId = EndUser.Id,
        EndUserId = EndUser.Id,
        Destination = CountryCode.Parse("DE", "d"),
        Currency = "USD",
        LicenceNumber = licence?.Number,
        Items = items.Length == 0 ? [Magnets(400m)] : items,
    };

    [Fact]
    public void Goods_within_the_licence_are_released_and_draw_the_balance()
    {
        var licence = NewLicence();
        var outcome = DeclarationCheck.AgainstLicence(Declared(licence), licence);
        Assert.Equal(ShipmentStatus.Released, outcome.Status);
        Assert.Contains("600 kg left", outcome.Reasons[0], StringComparison.Ordinal);

        licence.Draw(400m, 32000m, Day, "D1", Now);
        Assert.Equal((600m, 48000m, LicenceStatus.Active), (licence.RemainingKg, licence.RemainingValue, licence.Status));
    }

    [Fact]
    public void Beyond_the_quantity_or_value_left_the_goods_are_held_not_refused()
    {
        var licence = NewLicence();
        licence.Draw(800m, 64000m, Day, "D1", Now);
        var outcome = DeclarationCheck.AgainstLicence(Declared(licence, Magnets(300m)), licence);
        Assert.Equal(ShipmentStatus.Held, outcome.Status);
        Assert.Equal("Beyond the balance of licence EL-2025-TEST0001: 300 kg declared, 200 of 1,000 kg left; USD 24,000 declared, USD 16,000 of 80,000 left.", outcome.Reasons.Single());
        Assert.Throws<InvalidStateException>(() => licence.Draw(300m, 24000m, Day, "D2", Now));
    }

    [Fact]
    public void Magnets_without_composition_are_held_naming_the_single_customs_code()
    {
        var licence = NewLicence();
        var outcome = DeclarationCheck.AgainstLicence(Declared(licence, Magnets(10m, withComposition: false)), licence);
        Assert.Equal(ShipmentStatus.Held, outcome.Status);
        Assert.Contains("HS 8505.11 magnets declared without composition evidence; customs has one code for all rare-earth magnets", outcome.Reasons.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Controlled_goods_without_an_authorisation_are_held_and_uncontrolled_ones_released()
    {
        var held = DeclarationCheck.WithoutAuthorisation(Declared(null));
        Assert.Equal(ShipmentStatus.Held, held.Status);
        Assert.Contains("controlled composition (1C905.a.4) but no licence or VEU is cited", held.Reasons.Single(), StringComparison.Ordinal);

        var free = DeclarationCheck.WithoutAuthorisation(Declared(null, new ShipmentItem(Product.Create(ProductForm.Magnet, Composition.Create([new("Nd", 31m)]), "8505.11"), 5m, 100m, [], [])));
        Assert.Equal(ShipmentStatus.Released, free.Status);
    }

    [Fact]
    public void A_declaration_outside_the_licence_is_refused_with_every_reason_and_holds_listed_too()
    {
        var licence = NewLicence();
        var declaration = Declared(licence, Magnets(2000m, true, "1C904.a.4")) with { EndUserId = Guid.NewGuid(), Destination = CountryCode.Parse("FR", "d") };
        var outcome = DeclarationCheck.AgainstLicence(declaration, licence);
        Assert.Equal(ShipmentStatus.Refused, outcome.Status);
        Assert.Contains(outcome.Reasons, r => r.StartsWith("The end user is not the one licensed", StringComparison.Ordinal));
        Assert.Contains(outcome.Reasons, r => r.StartsWith("Destination FR is not the licensed destination DE", StringComparison.Ordinal));
        Assert.Contains(outcome.Reasons, r => r.StartsWith("1C904.a.4 is not among the items licensed on EL-2025-TEST0001 (1C905.a.4)", StringComparison.Ordinal));
        Assert.Contains(outcome.Reasons, r => r.StartsWith("Beyond the balance", StringComparison.Ordinal));
        Assert.Equal(ShipmentStatus.Refused, DeclarationCheck.AgainstLicence(Declared(licence) with { LicenceNumber = "EL-X" }, null).Status);

        // Values count against the licence's balance only in its own currency.
        var yuan = DeclarationCheck.AgainstLicence(Declared(licence) with { Currency = "CNY" }, licence);
        Assert.Equal("Values are declared in CNY; licence EL-2025-TEST0001 counts its value in USD.", yuan.Reasons.Single());
    }

    [Theory]
    [InlineData("suspended")]
    [InlineData("revoked")]
    [InlineData("surrendered")]
    [InlineData("before-validity")]
    public void A_licence_not_in_force_refuses_the_goods(string state)
    {
        var licence = NewLicence();
        var declaration = Declared(licence);
        switch (state)
        {
            case "suspended": licence.Suspend("Investigation", "officer", Now); break;
            case "revoked": licence.Revoke("Diversion", "officer", Now); break;
            case "surrendered": licence.Surrender("Key change", "exporter", Now); break;
            default: declaration = declaration with { DeclaredOn = licence.ValidFrom.AddDays(-1) }; break;
        }

        var outcome = DeclarationCheck.AgainstLicence(declaration, licence);
        Assert.Equal(ShipmentStatus.Refused, outcome.Status);
        Assert.StartsWith("Licence EL-2025-TEST0001 is ", outcome.Reasons[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345678901234567890123456789012345678901", "declarationNumber")]
    [InlineData("", "declarationNumber")]
    public void Malformed_declarations_name_the_field(string number, string field)
    {
        var e = Assert.Throws<DomainException>(() => (Declared(null) with { Number = number }).Validate());
        Assert.Equal(field, e.Field);
        var both = Assert.Throws<DomainException>(() => (Declared(null) with { LicenceNumber = "EL-1", VeuNumber = "VEU-1" }).Validate());
        Assert.Equal("licenceNumber", both.Field);
        var fraction = Assert.Throws<DomainException>(() => Declared(null, Magnets(1.2345m)).Validate());
        Assert.Equal("items[0].quantityKg", fraction.Field);
    }

    [Fact]
    public void Covers_takes_a_code_and_its_sub_entries_only()
    {
        Assert.True(DeclarationCheck.Covers("1C905", "1C905.a.4"));
        Assert.True(DeclarationCheck.Covers("1C905.a.4", "1C905.A.4"));
        Assert.False(DeclarationCheck.Covers("1C905", "1C9051"));
        Assert.False(DeclarationCheck.Covers("1C905.a.4", "1C905"));
    }
}
