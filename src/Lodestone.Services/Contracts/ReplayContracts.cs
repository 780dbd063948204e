using Lodestone.Domain.Analytics;
using Lodestone.Domain.Common;
using Lodestone.Services.Analytics;

namespace Lodestone.Services.Contracts;

/// <summary>A what-if replay as the API and <c>lodestone simulate --json</c> return it; lanes by their wire names.</summary>
public sealed record ReplayResponse(
    DateOnly From,
    DateOnly To,
    string? DraftVersion,
    int Replayed,
    int Flipped,
    int WithoutFacts,
    decimal ApprovedKg,
    decimal DraftApprovedKg,
    IReadOnlyDictionary<string, decimal> ApprovalShares,
    IReadOnlyList<LaneShiftResponse> Shifts,
    IReadOnlyList<ReplayCellResponse> Cells,
    IReadOnlyList<LaneFlipResponse> Flips,
    IReadOnlyList<string> UnknownPolicyVersions)
{
    public static ReplayResponse Of(ReplayReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var r = report.Result;
        return new ReplayResponse(
            report.From,
            report.To,
            r.DraftVersion,
            r.Replayed,
            r.Flipped,
            report.WithoutFacts,
            r.ApprovedKg,
            r.DraftApprovedKg,
            r.ApprovalShares.ToDictionary(s => WireName.Of(s.Key), s => s.Value),
            r.Shifts.Select(s => new LaneShiftResponse(WireName.Of(s.From), WireName.Of(s.To), s.Applications, s.Kg)).ToList(),
            r.Cells.Select(c => new ReplayCellResponse(
                c.Month, c.Destination, c.Historical.ToDictionary(l => WireName.Of(l.Key), l => l.Value), c.Draft.ToDictionary(l => WireName.Of(l.Key), l => l.Value),
                c.Flipped, c.ApprovedKg, c.DraftApprovedKg)).ToList(),
            r.Flips.Select(Flip).ToList(),
            r.UnknownPolicyVersions);
    }

    private static LaneFlipResponse Flip(LaneFlip f) =>
        new(f.Id, f.Number, f.FiledOn, f.Destination, f.Kg, WireName.Of(f.FromLane), f.FromRule, WireName.Of(f.ToLane), f.ToRule, f.DecidingRule, f.Why);
}

/// <summary>Applications moving from one lane to another.</summary>
public sealed record LaneShiftResponse(string From, string To, int Applications, decimal Kg);

/// <summary>One month and destination: applications per lane as routed and under the draft, and approved tonnage.</summary>
public sealed record ReplayCellResponse(DateOnly Month, string Destination, IReadOnlyDictionary<string, int> Historical, IReadOnlyDictionary<string, int> Draft, int Flipped, decimal ApprovedKg, decimal DraftApprovedKg);

/// <summary>An application the draft routes differently, and the rule that made the difference.</summary>
public sealed record LaneFlipResponse(Guid Id, string Number, DateOnly FiledOn, string Destination, decimal Kg, string FromLane, string FromRule, string ToLane, string ToRule, string DecidingRule, string Why);
