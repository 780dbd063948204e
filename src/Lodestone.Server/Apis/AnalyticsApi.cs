using System.Globalization;
using System.Security.Claims;
using Lodestone.DataFiles;
using Lodestone.Domain.Common;
using Lodestone.Services;
using Lodestone.Services.Analytics;
using Lodestone.Services.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lodestone.Server.Apis;

/// <summary>Aggregates of export flows and decisions, and the what-if replay (analysts see aggregates and nothing finer).</summary>
internal static class AnalyticsApi
{
    /// <summary>The largest draft policy accepted for a replay.</summary>
    public const int MaxPolicyChars = 256 * 1024;

    public static RouteGroupBuilder MapAnalyticsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/analytics").WithTags("Analytics").RequireAuthorization(Hosting.Policies.Analytics);
        group.MapGet("/exports", ExportsAsync).WithName("AnalyticsExports")
            .WithSummary("Released exports between two months (from=2025-01&to=2025-12), grouped by month or week, destination, controlCode, sector and/or authorisation: kg, value, shipments.");
        group.MapGet("/exports.csv", ExportsCsvAsync).WithName("AnalyticsExportsCsv").WithSummary("The same table as CSV.");
        group.MapGet("/decisions", DecisionsAsync).WithName("AnalyticsDecisions")
            .WithSummary("Outcomes reached between two months, grouped by month or week, destination, controlCode, sector and/or lane: counts, approval and denial rates, tonnage.");
        group.MapGet("/decisions.csv", DecisionsCsvAsync).WithName("AnalyticsDecisionsCsv").WithSummary("The same table as CSV.");
        group.MapGet("/processing-times", ProcessingTimesAsync).WithName("AnalyticsProcessingTimes")
            .WithSummary("Working days from acceptance to decision (clock stops excluded): median, p90, p95, max and mean per lane and destination, or grouped by month or week.");
        group.MapGet("/processing-times.csv", ProcessingTimesCsvAsync).WithName("AnalyticsProcessingTimesCsv").WithSummary("The same table as CSV.");
        group.MapGet("/movements", MovementsAsync).WithName("AnalyticsMovements")
            .WithSummary("Month-on-month and year-on-year change per destination for a month (default: the latest), biggest first.");
        group.MapGet("/movements.csv", MovementsCsvAsync).WithName("AnalyticsMovementsCsv").WithSummary("The same table as CSV.");
        group.MapPost("/replays", ReplayAsync).WithName("AnalyticsReplay")
            .WithSummary("What-if: replays every application filed between two days through a draft policy (YAML text), on the facts each was routed on. Without a policy, replays under the versions in force.");
        return group;
    }

    /// <summary>"2025-09" or "2025-09-01" (any day selects its month).</summary>
    internal static DateOnly? ParseMonth(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string[] formats = ["yyyy-MM", "yyyy-MM-dd"];
        return DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new DateOnly(day.Year, day.Month, 1)
            : throw new DomainException(field, $"'{text}' is not a month of the form 2025-09.");
    }

    /// <summary>Whether the caller sees individual applications in a replay (analysts see aggregates only).</summary>
    internal static bool SeesApplications(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Officer) || user.IsInRole(Roles.PolicyAdmin) || user.IsInRole(Roles.Auditor);

    private static async Task<Ok<IReadOnlyList<ExportRow>>> ExportsAsync(string? from, string? to, string? groupBy, string? destination, AnalyticsService analytics, CancellationToken ct) =>
        TypedResults.Ok(await analytics.ExportsAsync(ParseMonth(from, "from"), ParseMonth(to, "to"), groupBy, destination, ct));

    private static async Task<FileContentHttpResult> ExportsCsvAsync(string? from, string? to, string? groupBy, string? destination, AnalyticsService analytics, CancellationToken ct) =>
        Csv("exports.csv", AnalyticsCsv.Exports(await analytics.ExportsAsync(ParseMonth(from, "from"), ParseMonth(to, "to"), groupBy, destination, ct)));

    private static async Task<Ok<IReadOnlyList<DecisionRow>>> DecisionsAsync(string? from, string? to, string? groupBy, string? destination, AnalyticsService analytics, CancellationToken ct) =>
        TypedResults.Ok(await analytics.DecisionsAsync(ParseMonth(from, "from"), ParseMonth(to, "to"), groupBy, destination, ct));

    private static async Task<FileContentHttpResult> DecisionsCsvAsync(string? from, string? to, string? groupBy, string? destination, AnalyticsService analytics, CancellationToken ct) =>
        Csv("decisions.csv", AnalyticsCsv.Decisions(await analytics.DecisionsAsync(ParseMonth(from, "from"), ParseMonth(to, "to"), groupBy, destination, ct)));

    private static async Task<Ok<IReadOnlyList<ProcessingTimeRow>>> ProcessingTimesAsync(string? from, string? to, string? groupBy, string? destination, AnalyticsService analytics, CancellationToken ct) =>
        TypedResults.Ok(await analytics.ProcessingTimesAsync(ParseMonth(from, "from"), ParseMonth(to, "to"), groupBy, destination, ct));

    private static async Task<FileContentHttpResult> ProcessingTimesCsvAsync(string? from, string? to, string? groupBy, string? destination, AnalyticsService analytics, CancellationToken ct) =>
        Csv("processing-times.csv", AnalyticsCsv.ProcessingTimes(await analytics.ProcessingTimesAsync(ParseMonth(from, "from"), ParseMonth(to, "to"), groupBy, destination, ct)));

    private static async Task<Ok<IReadOnlyList<MovementRow>>> MovementsAsync(string? month, decimal? minimumKg, AnalyticsService analytics, CancellationToken ct) =>
        TypedResults.Ok(await analytics.MovementsAsync(ParseMonth(month, "month"), minimumKg ?? 0m, ct));

    private static async Task<FileContentHttpResult> MovementsCsvAsync(string? month, decimal? minimumKg, AnalyticsService analytics, CancellationToken ct) =>
        Csv("movements.csv", AnalyticsCsv.Movements(await analytics.MovementsAsync(ParseMonth(month, "month"), minimumKg ?? 0m, ct)));

    private static async Task<Ok<ReplayResponse>> ReplayAsync(ReplayRequest request, ClaimsPrincipal user, PolicyReplayService replays, CancellationToken ct)
    {
        var from = request.From ?? throw new DomainException("from", "The first filing day to replay is required.");
        var to = request.To ?? throw new DomainException("to", "The last filing day to replay is required.");
        if (request.Policy?.Length > MaxPolicyChars)
        {
            throw new DomainException("policy", $"A draft policy is at most {MaxPolicyChars / 1024} KB.");
        }

        var draft = string.IsNullOrWhiteSpace(request.Policy) ? null : PolicyReplayService.ParseDraftText(request.Policy);
        var flips = SeesApplications(user) ? Math.Clamp(request.Flips ?? 1000, 0, 100_000) : 0;
        return TypedResults.Ok(ReplayResponse.Of(await replays.RunAsync(draft, from, to, flips, progress: null, ct)));
    }

    private static FileContentHttpResult Csv(string name, (IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<string?>> Rows) table)
    {
        using var stream = new MemoryStream();
        CsvExport.Write(stream, table.Header, table.Rows);
        return TypedResults.File(stream.ToArray(), "text/csv; charset=utf-8", name);
    }
}

/// <summary>A what-if run: the draft policy's YAML (none: the versions in force) and the filing days to replay.</summary>
/// <param name="Policy">The draft policy as YAML text.</param>
/// <param name="From">First filing day.</param>
/// <param name="To">Last filing day.</param>
/// <param name="Flips">How many flipped applications to list (default 1,000; analysts get none).</param>
internal sealed record ReplayRequest(string? Policy, DateOnly? From, DateOnly? To, int? Flips);
