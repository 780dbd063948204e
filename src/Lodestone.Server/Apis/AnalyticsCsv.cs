using System.Globalization;
using Lodestone.Domain.Analytics;
using Lodestone.Domain.Common;
using Lodestone.Domain.Routing;
using Lodestone.Services.Analytics;

namespace Lodestone.Server.Apis;

/// <summary>The analytics tables as CSV rows (the API's downloads and the dashboard's links share them).</summary>
internal static class AnalyticsCsv
{
    public static (IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<string?>> Rows) Exports(IReadOnlyList<ExportRow> rows) =>
        (["month", "week", "destination", "control_code", "sector", "authorisation", "kg", "value", "shipments"],
         rows.Select(r => (IReadOnlyList<string?>)[Month(r.Month), r.Week, r.Destination, r.ControlCode, r.Sector, r.Authorisation, N(r.Kg), N(r.Value), N(r.Shipments)]));

    public static (IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<string?>> Rows) Decisions(IReadOnlyList<DecisionRow> rows) =>
        (["month", "week", "destination", "control_code", "sector", "lane", "applications", "approved", "denied", "withdrawn", "not_required", "approval_rate", "denial_rate", "approved_kg", "denied_kg"],
         rows.Select(r => (IReadOnlyList<string?>)
         [
             Month(r.Month), r.Week, r.Destination, r.ControlCode, r.Sector, r.Lane, N(r.Applications), N(r.Approved), N(r.Denied), N(r.Withdrawn), N(r.NotRequired),
             r.ApprovalRate is { } a ? N(a) : null, r.DenialRate is { } d ? N(d) : null, N(r.ApprovedKg), N(r.DeniedKg),
         ]));

    public static (IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<string?>> Rows) ProcessingTimes(IReadOnlyList<ProcessingTimeRow> rows) =>
        (["month", "week", "destination", "lane", "decisions", "median_working_days", "p90_working_days", "p95_working_days", "max_working_days", "mean_working_days"],
         rows.Select(r => (IReadOnlyList<string?>)[Month(r.Month), r.Week, r.Destination, r.Lane, N(r.Decisions), N(r.Median), N(r.P90), N(r.P95), N(r.Max), N(r.Mean)]));

    public static (IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<string?>> Rows) Movements(IReadOnlyList<MovementRow> rows) =>
        (["month", "destination", "kg", "previous_kg", "year_ago_kg", "month_on_month", "year_on_year", "description"],
         rows.Select(r => (IReadOnlyList<string?>)
         [
             Month(r.Month), r.Destination, N(r.Kg), r.PreviousKg is { } p ? N(p) : null, r.YearAgoKg is { } y ? N(y) : null,
             r.MonthOnMonth is { } mm ? N(mm) : null, r.YearOnYear is { } yy ? N(yy) : null, r.Description,
         ]));

    /// <summary>One row per month and destination: applications per lane as routed and under the draft, then the tonnage.</summary>
    public static (IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<string?>> Rows) ReplayCells(ReplayResult result)
    {
        var lanes = Enum.GetValues<Lane>();
        IReadOnlyList<string> header =
        [
            "month", "destination",
            .. lanes.Select(l => "historical_" + WireName.Of(l)), .. lanes.Select(l => "draft_" + WireName.Of(l)),
            "flipped", "approved_kg", "draft_approved_kg",
        ];
        return (header, result.Cells.Select(c => (IReadOnlyList<string?>)
        [
            Month(c.Month), c.Destination,
            .. lanes.Select(l => N(c.Historical.GetValueOrDefault(l))), .. lanes.Select(l => N(c.Draft.GetValueOrDefault(l))),
            N(c.Flipped), N(c.ApprovedKg), N(c.DraftApprovedKg),
        ]));
    }

    public static (IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<string?>> Rows) ReplayFlips(ReplayResult result) =>
        (["application", "filed_on", "destination", "kg", "from_lane", "from_rule", "to_lane", "to_rule", "deciding_rule", "why"],
         result.Flips.Select(f => (IReadOnlyList<string?>)
         [
             f.Number, f.FiledOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.Destination, N(f.Kg),
             WireName.Of(f.FromLane), f.FromRule, WireName.Of(f.ToLane), f.ToRule, f.DecidingRule, f.Why,
         ]));

    private static string? Month(DateOnly? month) => month?.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
