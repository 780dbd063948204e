using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;
using Lodestone.Domain.Veu;
using Lodestone.Persistence;
using Lodestone.Services.Contracts;
using Lodestone.Services.Veu;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Demo;

/// <summary>
/// The demo's VEU program, played through history as events the seeder runs when its clock reaches them:
/// civilian end users granted (automotive and wind in Germany, Korea and Vietnam, electronics in Japan), one
/// under review, one suspended, one revoked, one with votes pending, and two defence-linked applicants refused.
/// SYNTHETIC DEMO DATA: no real company holds or applied for these authorisations.
/// </summary>
internal sealed class DemoVeus(LodestoneDbContext db, ReferenceData reference, VeuVetting vetting, DemoClock clock)
{
    private enum Outcome
    {
        Granted,
        UnderReview,
        Suspended,
        Revoked,
        VotesPending,
        Refused,
    }

    private sealed record Plan(string EndUser, string[] Exporters, EndUseCategory Use, string UseText, decimal CapKg, int Months, DateOnly Applied, Outcome Outcome);

    private static readonly string[] Codes = ["1C902", "1C904", "1C905"];

    private static readonly Plan[] Plans =
    [
        new("bosch", ["jl-mag", "ningbo-yunsheng"], EndUseCategory.Automotive, "Traction and auxiliary motors for passenger cars built at the named plants", 400_000m, 24, new(2025, 5, 12), Outcome.Granted),
        new("enercon", ["jl-mag", "zhong-ke-san-huan"], EndUseCategory.WindEnergy, "Permanent-magnet generators for direct-drive onshore wind turbines", 600_000m, 24, new(2025, 5, 14), Outcome.Granted),
        new("hyundai-motor", ["ningbo-yunsheng", "tianhe-magnetics"], EndUseCategory.Automotive, "EV traction motors for the Ioniq range", 350_000m, 24, new(2025, 5, 20), Outcome.UnderReview),
        new("vinfast", ["jl-mag"], EndUseCategory.Automotive, "Traction motors for electric cars and scooters", 150_000m, 12, new(2025, 6, 3), Outcome.Granted),
        new("tdk", ["zhong-ke-san-huan", "earth-panda"], EndUseCategory.Electronics, "Magnets for sensors, actuators and voice-coil motors", 80_000m, 24, new(2025, 6, 10), Outcome.Granted),
        new("lg-magna", ["ningbo-yunsheng"], EndUseCategory.Automotive, "e-Powertrain motors for OEM customers", 200_000m, 24, new(2025, 5, 26), Outcome.Suspended),
        new("samsung-electro-mechanics", ["jl-mag"], EndUseCategory.Electronics, "Micro-motors and camera-module actuators", 60_000m, 24, new(2025, 6, 16), Outcome.Revoked),
        new("nidec", ["jl-mag", "ningbo-yunsheng"], EndUseCategory.Industrial, "Servo motors and robot drives", 120_000m, 24, new(2026, 10, 20), Outcome.VotesPending),
        new("hanwha-aerospace", ["jl-mag"], EndUseCategory.Industrial, "Industrial drives (declared)", 50_000m, 12, new(2025, 9, 1), Outcome.Refused),
        new("rheinmetall-automotive", ["ningbo-yunsheng"], EndUseCategory.Automotive, "Pumps and actuators for passenger cars", 80_000m, 12, new(2025, 9, 15), Outcome.Refused),
    ];

    private readonly List<(DateOnly On, int Order, Func<CancellationToken, Task> Act)> _events = [];
    private readonly Dictionary<string, Guid> _ids = new(StringComparer.Ordinal);

    /// <summary>Schedules every plan's events, up to <paramref name="today"/>.</summary>
    public void Schedule(IReadOnlyDictionary<string, Party> parties, DateOnly today)
    {
        foreach (var plan in Plans.Where(p => parties.ContainsKey(p.EndUser) && p.Exporters.All(parties.ContainsKey)))
        {
            var endUser = parties[plan.EndUser];
            var request = new ApplyVeuRequest
            {
                ExporterIds = plan.Exporters.Select(e => parties[e].Id).ToList(),
                EndUserId = endUser.Id,
                Facilities = endUser.Facilities.Count > 0
                    ? endUser.Facilities.Select(f => new FacilityDto(f.Name, f.Address, f.Country.Value)).ToList()
                    : [new FacilityDto("Main plant", $"{endUser.Name}, main plant (synthetic address)", endUser.Country.Value)],
                ControlCodes = Codes,
                EndUse = new EndUseDto(WireName.Of(plan.Use), plan.UseText),
                AnnualCapKg = plan.CapKg,
                ForecastAnnualKg = plan.CapKg * 0.8m,
                ValidityMonths = plan.Months,
                Documents = VeuApplication.RequiredDocuments.Select(d => WireName.Of(d)).ToList(),
            };
            var key = plan.EndUser;
            At(plan.Applied, async ct => _ids[key] = (await Service("demo exporter (synthetic)").ApplyAsync(request, isDemo: true, ct)).Id);
            At(plan.Applied.AddDays(7), ct => Service("demo officer (synthetic)").VetAsync(_ids[key], ct));
            var voted = plan.Applied.AddDays(21);
            var members = AccountService.DemoCommittee;
            var grant = plan.Outcome != Outcome.Refused;
            var reason = grant ? "Civil end use verified; ICP and end-user certificate in order (synthetic)." : "Military-linked end user: outside the program (synthetic).";
            var count = plan.Outcome == Outcome.VotesPending ? 1 : members.Count;
            for (var i = 0; i < count; i++)
            {
                var member = members[(i + 1) % members.Count];
                At(voted.AddDays(i), ct => Service(member).VoteAsync(_ids[key], new VeuVoteRequest(grant ? "grant" : "deny", reason), ct));
            }

            if (plan.Outcome == Outcome.UnderReview)
            {
                At(new DateOnly(2026, 10, 5), async ct =>
                {
                    db.Actor = new FixedActor("system");
                    await new VeuReviews(db, clock).PutUnderReviewAsync(endUser.Id, "Ownership change notified by the end user: a new 20% shareholder (synthetic)", ct);
                    await db.SaveChangesAsync(ct);
                });
            }
            else if (plan.Outcome == Outcome.Suspended)
            {
                At(new DateOnly(2026, 3, 2), ct => Service("demo officer (synthetic)").SuspendAsync(_ids[key], new VeuReasonRequest("Post-shipment reports for Q4 2025 not filed; suspended pending an on-site check (synthetic)."), ct));
            }
            else if (plan.Outcome == Outcome.Revoked)
            {
                At(new DateOnly(2026, 1, 12), ct => Service("demo officer (synthetic)").SuspendAsync(_ids[key], new VeuReasonRequest("Goods found at an unlisted site during an on-site check (synthetic)."), ct));
                At(new DateOnly(2026, 1, 26), ct => Service(members[0]).RevokeAsync(_ids[key], new VeuReasonRequest("Diversion to an unlisted facility (synthetic)."), ct));
                At(new DateOnly(2026, 1, 27), ct => Service(members[1]).RevokeAsync(_ids[key], new VeuReasonRequest("Agree: the no-transfer commitment was broken (synthetic)."), ct));
            }
        }

        _events.RemoveAll(e => e.On >= today);
        _events.Sort((a, b) => a.On != b.On ? a.On.CompareTo(b.On) : a.Order.CompareTo(b.Order));
    }

    /// <summary>Runs the events due on or before <paramref name="day"/>.</summary>
    public async Task RunUntilAsync(DateOnly day, CancellationToken ct)
    {
        while (_events.Count > 0 && _events[0].On <= day)
        {
            var (on, _, act) = _events[0];
            _events.RemoveAt(0);
            clock.Now = new DateTimeOffset(on.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);
            await act(ct);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The VEUs in force on a day.</summary>
    public async Task<IReadOnlyList<VeuAuthorization>> InForceAsync(DateOnly day, CancellationToken ct) =>
        (await db.VeuAuthorizations.AsNoTracking().Where(v => v.Status == VeuStatus.Active).ToListAsync(ct))
            .Where(v => v.InForceOn(day)).ToList();

    private void At(DateOnly on, Func<CancellationToken, Task> act) => _events.Add((on, _events.Count, act));

    private VeuService Service(string actor)
    {
        db.Actor = new FixedActor(actor);
        return new VeuService(db, reference, vetting, new FixedCommittee(AccountService.DemoCommittee), clock, db.Actor);
    }
}
