using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Persistence;
using Lodestone.Services.Checks;
using Lodestone.Services.Contracts;
using Lodestone.Services.Screening;

namespace Lodestone.Services.Demo;

/// <summary>
/// The demo's end-use checks, played through the same services as real ones on their historical dates: a
/// document check of an invented trading importer that never answers and ends on the watch list (art. 26),
/// and a verified on-site check of a wind-turbine maker. The importer is invented, not a real company, because
/// a watch-list listing is an adverse finding. SYNTHETIC DEMO DATA.
/// </summary>
internal sealed class DemoEndUseChecks(LodestoneDbContext db, ReferenceData reference, DemoClock clock)
{
    /// <summary>The invented importer that ends on the watch list.</summary>
    public const string WatchedImporter = "Harbourline Magnet Trading FZE";

    private static readonly DateOnly Opened = new(2025, 10, 13);

    /// <summary>Plays the checks; <paramref name="parties"/> are the demo parties by key.</summary>
    public async Task RunAsync(IReadOnlyDictionary<string, Party> parties, DateOnly today, CancellationToken ct)
    {
        var officer = new FixedActor("demo officer (synthetic)");
        db.Actor = officer;
        var checks = new EndUseCheckService(db, reference, new CheckListings(db, new ListCatalogService(db, clock, officer), clock), clock, officer);

        clock.Now = At(Opened);
        var importer = Party.Create(
            Identifiers.NewId(clock), WatchedImporter, null, ["Harbourline Trading"], CountryCode.Parse("AE", "country"), PartyKind.Company,
            [Sector.Trading], [PartyRole.Consignee], [], isDemo: true);
        db.Parties.Add(importer);
        await db.SaveChangesAsync(ct);

        var watched = await checks.OpenAsync(
            new OpenCheckRequest
            {
                Kind = "document",
                PartyId = importer.Id,
                Role = "importer",
                Reason = "Re-export suspected: 2 t of Dy-bearing NdFeB magnets declared for a local motor workshop far beyond its capacity (synthetic).",
                WorkingDays = 20,
            },
            isDemo: true,
            ct);
        clock.Now = At(Opened.AddDays(1));
        await checks.RequestDocumentsAsync(watched.Id, new CheckNoteRequest("End-user certificate, sales ledger for the magnets, photos of the workshop's motor line (synthetic)."), ct);
        var after = reference.Calendar.AddWorkingDays(watched.Deadline, 3);
        if (after < today)
        {
            clock.Now = At(after);
            await checks.RecordNonCooperationAsync(watched.Id, new CheckFindingsRequest("No documents and no answer to two reminders by the deadline (synthetic)."), ct);
        }

        if (parties.TryGetValue("vestas", out var vestas) && Opened.AddDays(40) < today)
        {
            clock.Now = At(Opened.AddDays(10));
            var verified = await checks.OpenAsync(
                new OpenCheckRequest { Kind = "on-site", PartyId = vestas.Id, Role = "end-user", Reason = "Routine post-shipment visit to a first-time buyer of Tb-bearing magnets (synthetic)." },
                isDemo: true,
                ct);
            clock.Now = At(Opened.AddDays(38));
            await checks.VerifyAsync(verified.Id, new CheckFindingsRequest("Magnets found in generator assembly at the declared plant; stock matches the ledger (synthetic)."), ct);
        }

        db.ChangeTracker.Clear();
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);
}
