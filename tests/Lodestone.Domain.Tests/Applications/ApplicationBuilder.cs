using Lodestone.Domain.Applications;
using Lodestone.Domain.Classification;
using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;

namespace Lodestone.Domain.Tests.Applications;

/// <summary>Builds valid applications; each test changes only what it is about.</summary>
internal static class ApplicationBuilder
{
    public static readonly DateTimeOffset Filed = new(2025, 9, 15, 2, 0, 0, TimeSpan.Zero); // 10:00 Beijing, Monday

    public static readonly Party Exporter = Party.Create(Guid.NewGuid(), "JL MAG Rare-Earth Co., Ltd.", "江西金力永磁科技股份有限公司", null, CountryCode.Parse("CN", "c"), PartyKind.Company, [Sector.Magnets], [PartyRole.Exporter], null);

    public static readonly Party EndUser = Party.Create(Guid.NewGuid(), "Example Motors GmbH", null, null, CountryCode.Parse("DE", "c"), PartyKind.Company, [Sector.Automotive], [PartyRole.EndUser], null);

    public static ApplicationItem Item(decimal kg = 1000m, decimal value = 80000m) =>
        new(Product.Create(ProductForm.Magnet, Composition.Create([new("Nd", 29m), new("Dy", 0.8m)]), "8505111000"), kg, value, ["1C905.a.4"], []);

    public static ApplicationDraft Draft(Channel channel = Channel.Individual, params ApplicationItem[] items) => new()
    {
        Channel = channel,
        ExporterId = Exporter.Id,
        EndUserId = EndUser.Id,
        EndUse = new EndUse(EndUseCategory.Automotive, "EV traction motors"),
        Destination = CountryCode.Parse("DE", "destination"),
        Items = items.Length == 0 ? [Item()] : items,
        Documents = [DocumentKind.EndUserCertificate, DocumentKind.Contract, DocumentKind.TechnicalDescription, DocumentKind.EndUseStatement],
    };

    public static LicenceApplication Filed_(ApplicationDraft? draft = null, Party? exporter = null) =>
        LicenceApplication.File(Guid.NewGuid(), "LA-2025-TEST0001", draft ?? Draft(), exporter ?? Exporter, EndUser, Filed);

    /// <summary>Plain facts: a controlled item to a civilian German car maker, no hits.</summary>
    public static RoutingFacts Facts(decimal quantityKg = 100m) => new()
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
        QuantityKg = quantityKg,
    };

    public static LicenceApplication Routed(Lane lane = Lane.Standard, int? workingDays = 45, Channel channel = Channel.Individual)
    {
        var application = Filed_(Draft(channel));
        application.Route(new RoutingDecision(lane, "2025.1", ["rule"], [new Reason("rule", "why")], workingDays), Facts(), ChinaTime.DateOf(Filed), ReferenceFiles.ChinaCalendar);
        return application;
    }
}
