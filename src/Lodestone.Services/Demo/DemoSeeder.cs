using Lodestone.DataFiles;
using Lodestone.Domain.Applications;
using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;
using Lodestone.Persistence;
using Lodestone.Services.Analytics;
using Lodestone.Services.Contracts;
using Lodestone.Services.Facts;
using Lodestone.Services.Screening;
using Lodestone.Services.Veu;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Demo;

/// <summary>What the seeder loaded.</summary>
public sealed record DemoSeedResult(int Parties, int Ownerships, int Applications, int Licences, int Shipments);

/// <summary>
/// Loads the synthetic demo data: the parties of <c>data/demo/parties.yaml</c> and a deterministic history
/// of applications since Ann. 18 took effect, filed and decided through the same services as real ones,
/// on their historical dates, so every lane and status the policy produces appears.
/// </summary>
public sealed class DemoSeeder(LodestoneDbContext db, ReferenceData reference, PartyRisk risks, IVeuCoverage veu, DefaultLists lists, RescreenRunner rescreen, ScreeningIndexCache cache, TimeProvider time, LodestoneOptions options)
{
    /// <summary>Fixed so that every fresh database gets the same demo.</summary>
    private const int Seed = 20250404;

    private static readonly DateOnly HistoryStart = new(2025, 4, 7);

    /// <summary>Loads the demo parties, the default lists from <paramref name="dataDirectory"/> (screening every party against them), then files and decides applications.</summary>
    public async Task<DemoSeedResult> SeedAsync(DemoParties file, string dataDirectory, int applications, IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (await db.Parties.AnyAsync(ct))
        {
            throw new InvalidStateException("The database already holds parties; demo data is loaded only into an empty database.");
        }

        var clock = new DemoClock(time.GetUtcNow());
        var byKey = new Dictionary<string, Party>(StringComparer.Ordinal);
        foreach (var p in file.Parties)
        {
            byKey[p.Key] = Party.Create(Identifiers.NewId(clock), p.Name, p.ChineseName, p.Aliases, p.Country, p.Kind, p.Sectors, p.Roles, p.Facilities, isDemo: true);
        }

        db.Parties.AddRange(byKey.Values);
        var held = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var o in file.Ownership)
        {
            db.Ownerships.Add(Ownership.Create(Identifiers.NewId(clock), byKey[o.Owner].Id, byKey[o.Owned].Id, o.Percent, held.GetValueOrDefault(o.Owned)));
            held[o.Owned] = held.GetValueOrDefault(o.Owned) + o.Percent;
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        // Lists before filings: the demo's history is routed with the list hits of its parties (Lockheed
        // Martin on the Unreliable Entity List, for one), as it would have been.
        await lists.LoadAsync(dataDirectory, ct);
        await rescreen.RunPendingAsync("demo seed", progress: null, ct);
        db.ChangeTracker.Clear();

        var facts = new RoutingFactsBuilder(risks, veu);
        var exporterActor = new FixedActor("demo exporter (synthetic)");
        var officerActor = new FixedActor("demo officer (synthetic)");
        var decided = new DecisionRollups(db, reference);
        var filer = new ApplicationService(db, reference, facts, clock, exporterActor, new VeuCaps(db), decided);
        var officer = new ApplicationService(db, reference, facts, clock, officerActor, new VeuCaps(db), decided);
        var rng = new Random(Seed);
        var exporters = byKey.Values.Where(p => p.Roles.Contains(PartyRole.Exporter)).ToList();
        var endUsers = byKey.Values.Where(p => p.Roles.Contains(PartyRole.EndUser)).ToList();
        var defence = endUsers.Where(p => p.IsDefence).ToList();
        var civil = endUsers.Where(p => !p.IsDefence).ToList();
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var span = today.DayNumber - HistoryStart.DayNumber;
        var licences = 0;

        // The VEU program runs alongside the filings, in date order, so each filing meets the VEUs as they stood.
        var veus = new DemoVeus(db, reference, new VeuVetting(db, risks, cache, clock), clock);
        veus.Schedule(byKey, today);
        var days = Enumerable.Range(0, applications).Select(_ =>
        {
            // A fifth of the filings fall in the last two months, so the queue has open cases to work.
            var filed = NextWorkingDay(rng.NextDouble() < 0.2 ? today.AddDays(-rng.Next(1, 60)) : HistoryStart.AddDays(rng.Next(span)));
            return filed >= today ? PreviousWorkingDay(today.AddDays(-1)) : filed;
        }).Order().ToList();

        for (var i = 0; i < applications; i++)
        {
            var filed = days[i];
            await veus.RunUntilAsync(filed, ct);
            clock.Now = DemoClock.At(filed);

            // Defence firms are a small share of real magnet buyers; most filings are civilian, and some go to VEU holders.
            var inForce = await veus.InForceAsync(filed, ct);
            var holders = inForce.Select(v => v.EndUserId).ToList();
            var draw = rng.NextDouble();
            var pool = draw < 0.15 ? defence : civil;
            var holder = draw > 0.85 && holders.Count > 0 ? holders[rng.Next(holders.Count)] : (Guid?)null;
            var endUser = holder is { } id ? byKey.Values.First(p => p.Id == id) : pool[rng.Next(pool.Count)];
            var request = BuildRequest(exporters[rng.Next(exporters.Count)], endUser, rng);
            if (inForce.FirstOrDefault(v => v.EndUserId == endUser.Id) is { } cover && rng.NextDouble() < 0.8)
            {
                // The holder's usual exporter ships to a covered site for the covered use.
                request = request with
                {
                    Channel = "individual",
                    ExporterId = cover.ExporterIds[rng.Next(cover.ExporterIds.Count)],
                    Facility = cover.Facilities[rng.Next(cover.Facilities.Count)].Name,
                    EndUse = new EndUseDto(WireName.Of(cover.EndUse), request.EndUse?.Description),
                    Documents = ["end-user-certificate", "contract", "technical-description", "end-use-statement"],
                };
            }

            db.Actor = exporterActor;
            var result = await filer.FileAsync(request, isDemo: true, ct);
            db.Actor = officerActor;
            licences += result.Licence is null ? 0 : 1;
            licences += await AdvanceAsync(officer, filer, clock, result.Application, today, rng, ct);
            db.ChangeTracker.Clear();
            progress?.Report(i + 1);
        }

        await veus.RunUntilAsync(today.AddDays(-1), ct);

        // Goods move under the licences and VEUs the history produced.
        var shipments = await new DemoShipments(db, reference, clock, options).PlayAsync(today, rng, ct);

        // The export history behind the dashboard, calibrated to published customs totals.
        await new DemoCustomsHistory(db).LoadAsync(dataDirectory, today, ct);

        // VEUs whose validity ended in the demo's history are expired, as the server's sweep would have done.
        await new VeuReviews(db, time).ExpireDueAsync(ct);

        // End-use checks last, then one re-screening so the watch-listed importer's hit is raised as the server would.
        await new DemoEndUseChecks(db, reference, clock).RunAsync(byKey, today, ct);
        await rescreen.RunPendingAsync("demo seed", progress: null, ct);
        db.ChangeTracker.Clear();

        return new DemoSeedResult(byKey.Count, file.Ownership.Count, applications, licences, shipments);
    }

    private static FileApplicationRequest BuildRequest(Party exporter, Party endUser, Random rng)
    {
        var (item, use, useText) = DemoProducts.For(endUser, rng);
        var roll = rng.NextDouble();
        IReadOnlyList<string> documents = roll < 0.08
            ? ["end-user-certificate", "contract", "end-use-statement"]
            : ["end-user-certificate", "contract", "technical-description", "end-use-statement"];
        if (roll is >= 0.08 and < 0.12)
        {
            // A magnet declared under 8505.11 with no composition: customs has one code for all RE magnets.
            item = item with { Composition = [], Description = "Sintered magnets (composition not declared)" };
        }

        var channel = "individual";
        if (roll is >= 0.12 and < 0.16)
        {
            channel = "registration";
            (use, useText) = rng.NextDouble() < 0.5
                ? (EndUseCategory.Exhibition, "Samples for display at a trade fair, returned afterwards")
                : (EndUseCategory.RepairReturn, "Return of repaired magnet assemblies to the customer");
            item = item with { QuantityKg = Math.Min(item.QuantityKg ?? 1m, 50m), Value = Math.Min(item.Value ?? 0m, 5000m) };
        }
        else if (roll >= 0.9)
        {
            channel = "general";
        }

        return new FileApplicationRequest
        {
            Channel = channel,
            ExporterId = exporter.Id,
            EndUserId = endUser.Id,
            EndUse = new EndUseDto(WireName.Of(use), useText),
            Destination = endUser.Country.Value,
            Items = [item],
            Documents = documents,
        };
    }

    /// <summary>Moves a filed application along as an officer would have, up to today.</summary>
    private async Task<int> AdvanceAsync(ApplicationService officer, ApplicationService filer, DemoClock clock, ApplicationResponse app, DateOnly today, Random rng, CancellationToken ct)
    {
        if (app.Status != WireName.Of(ApplicationStatus.InReview) || app.AcceptedOn is not { } accepted)
        {
            return 0;
        }

        var calendar = reference.Calendar;
        var lane = WireName.Parse<Lane>(app.Lane, "lane");
        var age = calendar.WorkingDaysBetween(accepted, today);
        var roll = rng.NextDouble();

        // Enhanced cases and some standard ones stop the clock for expert consultation or information.
        var stopped = 0;
        if (lane == Lane.Enhanced || (lane == Lane.Standard && roll < 0.15))
        {
            var from = calendar.AddWorkingDays(accepted, rng.Next(3, 10));
            if (from < today)
            {
                var length = rng.Next(5, 25);
                var to = calendar.AddWorkingDays(from, length);
                var open = to >= today;
                var reason = lane == Lane.Enhanced ? "expert-consultation" : "information-request";
                await officer.StopClockAsync(app.Id, new ClockStopRequest(reason, from, open ? null : to, "Synthetic demo clock stop"), ct);
                if (open)
                {
                    return 0;
                }

                stopped = length;
            }
        }

        var decideAfter = rng.Next(15, 44) + stopped;
        if (age <= decideAfter)
        {
            return 0;
        }

        clock.Now = DemoClock.At(calendar.AddWorkingDays(accepted, decideAfter));
        if (roll > 0.97)
        {
            db.Actor = new FixedActor("demo exporter (synthetic)");
            await filer.WithdrawAsync(app.Id, "The customer cancelled the order (synthetic).", ct);
            return 0;
        }

        var approve = lane switch
        {
            Lane.Standard => roll < 0.9,
            Lane.Enhanced => roll < 0.6,
            Lane.PresumptionOfDenial => roll < 0.08,
            _ => false,
        };
        var decision = approve
            ? new DecisionRequest("approved", lane == Lane.PresumptionOfDenial ? "Senior override: civil programme verified on site (synthetic)." : "Civil end use documented; end-user certificate verified (synthetic).", Override: lane == Lane.PresumptionOfDenial)
            : new DecisionRequest("denied", lane switch
            {
                Lane.Prohibited => "Prohibited destination or end user (synthetic).",
                Lane.PresumptionOfDenial => "Military end user; presumption of denial not rebutted (synthetic).",
                _ => "Insufficient end-user evidence (synthetic).",
            });
        var (_, licence) = await officer.DecideAsync(app.Id, decision, ct);
        return licence is null ? 0 : 1;
    }

    private DateOnly NextWorkingDay(DateOnly day)
    {
        while (!reference.Calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private DateOnly PreviousWorkingDay(DateOnly day)
    {
        while (!reference.Calendar.IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }

        return day;
    }
}
