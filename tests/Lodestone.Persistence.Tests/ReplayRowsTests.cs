using Lodestone.Domain.Applications;
using Lodestone.Domain.Calendar;
using Lodestone.Domain.Classification;
using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;
using Lodestone.Persistence.Analytics;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Persistence.Tests;

/// <summary>The replay's raw reader returns what EF reads, in whichever slices it is cut.</summary>
public abstract class ReplayRowsTests(DatabaseKind kind) : DatabaseTest(kind)
{
    private static readonly WorkingDayCalendar Calendar = new("plain", new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31), [], []);
    private static readonly string[] Destinations = ["DE", "US", "KR", "JP", "VN"];
    private static readonly Lane[] Lanes = [Lane.Standard, Lane.Enhanced, Lane.PresumptionOfDenial, Lane.Registration];

    [Fact]
    public async Task Every_slice_reads_the_routed_applications_of_its_period_exactly_as_ef_does()
    {
        var filed = await SeedAsync();
        var from = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await using var db = Open();

        // The whole history: SQLite scans row-id ranges (its planner would walk the index), PostgreSQL cuts time.
        var wide = ReplayRows.Slices(db, from, to, 3);
        Assert.Equal(3, wide.Count);
        Assert.All(wide, s => Assert.Equal(Kind == DatabaseKind.Sqlite, s.Rows is not null));
        await AssertSameAsEfAsync(db, wide, from, to, expected: filed - 1);

        // A month of a two-year history goes through the filing-time index on both.
        var monthFrom = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var monthTo = monthFrom.AddMonths(1);
        var narrow = ReplayRows.Slices(db, monthFrom, monthTo, 2);
        Assert.All(narrow, s => Assert.Null(s.Rows));
        Assert.Equal(monthFrom, narrow[0].Start);
        Assert.Equal(monthTo, narrow[^1].End);
        await AssertSameAsEfAsync(db, narrow, monthFrom, monthTo, expected: 5);
    }

    private static async Task AssertSameAsEfAsync(LodestoneDbContext db, IReadOnlyList<ReplaySlice> slices, DateTimeOffset from, DateTimeOffset to, int expected)
    {
        var read = slices.SelectMany(s => ReplayRows.Read(db, s)).Select(r => (r.Id, r.Number, r.SubmittedAt, r.Destination, r.Lane, r.RuleId, r.PolicyVersion, r.Status, r.RoutedOn!.QuantityKg, r.RoutedOn.ListHits.Single().Detail)).OrderBy(r => r.Number, StringComparer.Ordinal).ToList();
        var rows = await db.Applications.AsNoTracking().Where(a => a.Lane != null && a.SubmittedAt >= from && a.SubmittedAt < to).ToListAsync();
        var ef = rows.Select(a => (a.Id, a.Number, a.SubmittedAt, a.Destination, a.Lane!.Value, a.RuleIds[0], a.PolicyVersion, a.Status, a.RoutedOn!.QuantityKg, a.RoutedOn.ListHits.Single().Detail)).OrderBy(r => r.Number, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, read.Count);
        Assert.Equal(ef, read);
    }

    /// <summary>One application a week from January 2025 to June 2026, and one filed but never routed.</summary>
    private async Task<int> SeedAsync()
    {
        await using (var db = Open())
        {
            await db.Database.MigrateAsync();
        }

        var exporter = Party.Create(Guid.NewGuid(), "JL MAG", null, null, CountryCode.Parse("CN", "c"), PartyKind.Company, [Sector.Magnets], [PartyRole.Exporter], null);
        var endUser = Party.Create(Guid.NewGuid(), "Motors GmbH", null, null, CountryCode.Parse("DE", "c"), PartyKind.Company, [Sector.Automotive], [PartyRole.EndUser], null);
        var product = Product.Create(ProductForm.Magnet, Composition.Create([new("Nd", 29m), new("Dy", 0.8m)]), "8505111000", "EV magnets");
        await using var write = Open();
        write.Parties.AddRange(exporter, endUser);
        var count = 0;
        for (var at = new DateTimeOffset(2025, 1, 6, 3, 0, 0, TimeSpan.Zero); at < new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero); at = at.AddDays(7), count++)
        {
            var destination = CountryCode.Parse(Destinations[count % Destinations.Length], "d");
            var application = LicenceApplication.File(Guid.NewGuid(), $"LA-RR-{count:D4}", Draft(destination, 100m + count), exporter, endUser, at);
            var lane = Lanes[count % Lanes.Length];
            var facts = RoundTripFacts.Plain() with { Destination = destination, QuantityKg = 100m + count, ListHits = [new ListHit(ListKind.Watch, "cn-watch v1", "end-user", $"entry {count}")] };
            application.Route(new RoutingDecision(lane, count < 40 ? "2025.1" : "2026.1", [$"{WireName.Of(lane)}-rule", "catch-all"], [new Reason("r", "reason")], 45), facts, ChinaTime.DateOf(at), Calendar);
            write.Applications.Add(application);
        }

        write.Applications.Add(LicenceApplication.File(Guid.NewGuid(), "LA-RR-UNROUTED", Draft(CountryCode.Parse("DE", "d"), 5m), exporter, endUser, new DateTimeOffset(2025, 6, 2, 3, 0, 0, TimeSpan.Zero)));
        await write.SaveChangesAsync();
        return count + 1;

        ApplicationDraft Draft(CountryCode destination, decimal kg) => new()
        {
            Channel = Channel.Individual,
            ExporterId = exporter.Id,
            EndUserId = endUser.Id,
            EndUse = new EndUse(EndUseCategory.Automotive, "Traction motors"),
            Destination = destination,
            Items = [new ApplicationItem(product, kg, kg * 80m, ["1C905.a.4"], [])],
            Documents = [DocumentKind.Contract],
        };
    }
}

public sealed class SqliteReplayRowsTests() : ReplayRowsTests(DatabaseKind.Sqlite);

public sealed class PostgresReplayRowsTests() : ReplayRowsTests(DatabaseKind.Postgres);
