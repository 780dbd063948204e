using Lodestone.Domain.Applications;
using Lodestone.Domain.Classification;
using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Persistence.Tests;

/// <summary>Migrates a real database and reads an application back exactly as it was saved.</summary>
public abstract class RoundTripTests(DatabaseKind kind) : DatabaseTest(kind)
{
    [Fact]
    public async Task An_application_with_items_reasons_and_stops_reads_back_unchanged()
    {
        await using (var db = Open())
        {
            await db.Database.MigrateAsync();
        }

        var exporter = Party.Create(Guid.NewGuid(), "JL MAG", "江西金力永磁科技股份有限公司", ["JL Mag"], CountryCode.Parse("CN", "c"), PartyKind.Company, [Sector.Magnets], [PartyRole.Exporter], [new Facility("Ganzhou plant", "Ganzhou, Jiangxi", CountryCode.Parse("CN", "c"))]);
        var endUser = Party.Create(Guid.NewGuid(), "Motors GmbH", null, null, CountryCode.Parse("DE", "c"), PartyKind.Company, [Sector.Automotive], [PartyRole.EndUser], null);
        var product = Product.Create(ProductForm.Magnet, Composition.Create([new("Nd", 29m), new("Dy", 0.8m)]), "8505111000", "EV magnets");
        var draft = new ApplicationDraft
        {
            Channel = Channel.Individual,
            ExporterId = exporter.Id,
            EndUserId = endUser.Id,
            EndUse = new EndUse(EndUseCategory.Automotive, "Traction motors"),
            Destination = CountryCode.Parse("DE", "d"),
            Items = [new ApplicationItem(product, 1200.5m, 96000m, ["1C905.a.4"], [])],
            Documents = [DocumentKind.Contract],
        };
        var now = new DateTimeOffset(2025, 9, 15, 2, 0, 0, TimeSpan.Zero);
        var application = LicenceApplication.File(Guid.NewGuid(), "LA-2025-RT000001", draft, exporter, endUser, now);
        var calendar = new Domain.Calendar.WorkingDayCalendar("plain", new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), [], []);
        application.Route(new RoutingDecision(Lane.Standard, "2025.1", ["standard-review"], [new Reason("standard-review", "Standard; 标准")], 45), RoundTripFacts.Plain(), new DateOnly(2025, 9, 15), calendar);
        application.StopClock(Guid.NewGuid(), ClockStopReason.ExpertConsultation, "expert", new DateOnly(2025, 9, 20), new DateOnly(2025, 9, 25), calendar);

        await using (var db = Open())
        {
            db.Parties.AddRange(exporter, endUser);
            db.Applications.Add(application);
            await db.SaveChangesAsync();
        }

        await using (var db = Open())
        {
            var read = await db.Applications.SingleAsync(a => a.Id == application.Id);
            Assert.Equal((Lane.Standard, ApplicationStatus.InReview, application.DueDate), (read.Lane, read.Status, read.DueDate));
            Assert.Equal(now, read.SubmittedAt);
            Assert.Equal(0.8m, read.Items.Single().Product.Composition.PercentOf("Dy"));
            Assert.Equal(1200.5m, read.Items.Single().QuantityKg);
            Assert.Equal("Standard; 标准", read.Reasons.Single().Text);
            Assert.Equal(ClockStopReason.ExpertConsultation, read.ClockStops.Single().Reason);
            Assert.Equal(EndUseCategory.Automotive, read.EndUse.Category);
            Assert.Equal(1200.5m, read.RoutedOn!.QuantityKg);
            Assert.Equal("观察名单", read.RoutedOn.ListHits.Single().Detail);
            Assert.Equal(ListKind.Watch, read.RoutedOn.ListHits.Single().Kind);
            var party = await db.Parties.SingleAsync(p => p.Id == exporter.Id);
            Assert.Equal("江西金力永磁科技股份有限公司", party.ChineseName);
            Assert.Equal("Ganzhou plant", party.Facilities.Single().Name);

            // Queries filter on the stored wire names.
            Assert.Equal(1, await db.Applications.CountAsync(a => a.Lane == Lane.Standard && a.Status == ApplicationStatus.InReview));
        }
    }
}

internal static class RoundTripFacts
{
    public static RoutingFacts Plain() => new()
    {
        Channel = Channel.Individual,
        ItemControlled = true,
        ControlCodes = ["1C905.a.4"],
        Destination = CountryCode.Parse("DE", "d"),
        EndUse = EndUseCategory.Automotive,
        EndUserSectors = [Sector.Automotive],
        ListHits = [new ListHit(ListKind.Watch, "cn-watch v1", "end-user", "观察名单")],
        MilitaryLinked = false,
        MissingEvidence = [],
        QuantityKg = 1200.5m,
    };
}

public sealed class SqliteRoundTripTests() : RoundTripTests(DatabaseKind.Sqlite);

public sealed class PostgresRoundTripTests() : RoundTripTests(DatabaseKind.Postgres);
