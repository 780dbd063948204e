using Lodestone.Domain.Analytics;
using Lodestone.Domain.Applications;
using Lodestone.Domain.Common;
using Lodestone.Persistence;
using Lodestone.Persistence.Analytics;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Analytics;

/// <summary>
/// Keeps the decision roll-ups (<see cref="DecisionTotal"/>, <see cref="ProcessingTime"/>) in step with
/// outcomes: each approval, denial, withdrawal or not-required filing adds one count per grain with an
/// upsert in the transaction that records it, as <see cref="ExportRollups"/> does for shipments.
/// </summary>
public sealed class DecisionRollups(LodestoneDbContext db, ReferenceData reference)
{
    /// <summary>Adds an application's outcome, in the caller's transaction; does nothing while it is undecided.</summary>
    public async Task AddAsync(LicenceApplication application, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(application);
        var party = await db.Parties.AsNoTracking().FirstOrDefaultAsync(p => p.Id == application.EndUserId, ct);
        var sector = party is { Sectors.Count: > 0 } ? WireName.Of(party.Sectors[0]) : string.Empty;
        foreach (var row in TotalsOf(application, sector))
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO "DecisionTotals" ("Grain", "PeriodStart", "Destination", "ControlCode", "Sector", "Lane", "Outcome", "Applications", "Grams")
                VALUES ({row.Grain}, {row.PeriodStart}, {row.Destination}, {row.ControlCode}, {row.Sector}, {row.Lane}, {row.Outcome}, {row.Applications}, {row.Grams})
                ON CONFLICT ("Grain", "PeriodStart", "Destination", "ControlCode", "Sector", "Lane", "Outcome") DO UPDATE SET
                    "Applications" = "DecisionTotals"."Applications" + excluded."Applications",
                    "Grams" = "DecisionTotals"."Grams" + excluded."Grams"
                """,
                ct);
        }

        foreach (var row in TimesOf(application))
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO "ProcessingTimes" ("Grain", "PeriodStart", "Destination", "Lane", "WorkingDays", "Decisions")
                VALUES ({row.Grain}, {row.PeriodStart}, {row.Destination}, {row.Lane}, {row.WorkingDays}, {row.Decisions})
                ON CONFLICT ("Grain", "PeriodStart", "Destination", "Lane", "WorkingDays") DO UPDATE SET
                    "Decisions" = "ProcessingTimes"."Decisions" + excluded."Decisions"
                """,
                ct);
        }
    }

    /// <summary>Recomputes both roll-ups from every application, in one transaction. Returns the rows written.</summary>
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.DecisionTotals.ExecuteDeleteAsync(ct);
        await db.ProcessingTimes.ExecuteDeleteAsync(ct);
        var sectors = (await db.Parties.AsNoTracking().Select(p => new { p.Id, p.Sectors }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => p.Sectors.Count > 0 ? WireName.Of(p.Sectors[0]) : string.Empty);
        var totals = new Dictionary<(string, DateOnly, string, string, string, string, string), DecisionTotal>();
        var times = new Dictionary<(string, DateOnly, string, string, int), ProcessingTime>();
        // Streamed, untracked: a million applications never sit in memory at once.
        var decided = db.Applications.AsNoTracking()
            .Where(a => a.Status != ApplicationStatus.Submitted && a.Status != ApplicationStatus.InReview && a.Status != ApplicationStatus.ClockStopped)
            .AsAsyncEnumerable();
        await foreach (var application in decided.WithCancellation(ct))
        {
            foreach (var row in TotalsOf(application, sectors.GetValueOrDefault(application.EndUserId, string.Empty)))
            {
                var key = (row.Grain, row.PeriodStart, row.Destination, row.ControlCode, row.Sector, row.Lane, row.Outcome);
                if (totals.TryGetValue(key, out var sum))
                {
                    sum.Applications += row.Applications;
                    sum.Grams += row.Grams;
                }
                else
                {
                    totals[key] = row;
                }
            }

            foreach (var row in TimesOf(application))
            {
                var key = (row.Grain, row.PeriodStart, row.Destination, row.Lane, row.WorkingDays);
                if (times.TryGetValue(key, out var sum))
                {
                    sum.Decisions += row.Decisions;
                }
                else
                {
                    times[key] = row;
                }
            }
        }

        db.DecisionTotals.AddRange(totals.Values);
        db.ProcessingTimes.AddRange(times.Values);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return totals.Count + times.Count;
    }

    /// <summary>The outcome and the day it fell on, or null while the application is undecided.</summary>
    public static (string Outcome, DateOnly Day)? OutcomeOf(LicenceApplication a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Status switch
        {
            ApplicationStatus.Approved or ApplicationStatus.Denied when a.Decision is { } d => (WireName.Of(d.Outcome), ChinaTime.DateOf(d.DecidedAt)),
            ApplicationStatus.Withdrawn when a.WithdrawnAt is { } at => ("withdrawn", ChinaTime.DateOf(at)),
            ApplicationStatus.NotRequired when a.AcceptedOn is { } on => ("not-required", on),
            _ => null,
        };
    }

    private static IEnumerable<DecisionTotal> TotalsOf(LicenceApplication a, string sector)
    {
        if (OutcomeOf(a) is not { } outcome || a.Lane is not { } lane)
        {
            yield break;
        }

        var code = a.Items.SelectMany(i => i.ControlCodes).FirstOrDefault() ?? string.Empty;
        var grams = ExportRollups.ToGrams(a.Items.Sum(i => i.QuantityKg));
        foreach (var grain in Periods.All)
        {
            yield return new DecisionTotal
            {
                Grain = WireName.Of(grain),
                PeriodStart = Periods.StartOf(outcome.Day, grain),
                Destination = a.Destination.Value,
                ControlCode = code,
                Sector = sector,
                Lane = WireName.Of(lane),
                Outcome = outcome.Outcome,
                Applications = 1,
                Grams = grams,
            };
        }
    }

    private IEnumerable<ProcessingTime> TimesOf(LicenceApplication a)
    {
        // Only decisions have a processing time; a withdrawal or a filing that needed no licence has none.
        if (a.Decision is null || a.Lane is not { } lane || OutcomeOf(a) is not { } outcome || a.WorkingDaysToDecision(reference.Calendar) is not { } days)
        {
            yield break;
        }

        foreach (var grain in Periods.All)
        {
            yield return new ProcessingTime
            {
                Grain = WireName.Of(grain),
                PeriodStart = Periods.StartOf(outcome.Day, grain),
                Destination = a.Destination.Value,
                Lane = WireName.Of(lane),
                WorkingDays = days,
                Decisions = 1,
            };
        }
    }
}
