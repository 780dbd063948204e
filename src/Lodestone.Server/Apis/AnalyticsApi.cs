using System.Globalization;
using Lodestone.DataFiles;
using Lodestone.Domain.Common;
using Lodestone.Services.Analytics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lodestone.Server.Apis;

/// <summary>Aggregates of export flows (analysts see these and nothing finer).</summary>
internal static class AnalyticsApi
{
    private static readonly string[] CsvHeader = ["month", "destination", "control_code", "sector", "authorisation", "kg", "value", "shipments"];

    public static RouteGroupBuilder MapAnalyticsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/analytics").WithTags("Analytics").RequireAuthorization(Hosting.Policies.Analytics);
        group.MapGet("/exports", ExportsAsync).WithName("AnalyticsExports")
            .WithSummary("Released exports between two months (from=2025-01&to=2025-12), grouped by month, destination, controlCode, sector and/or authorisation: kg, value, shipments.");
        group.MapGet("/exports.csv", ExportsCsvAsync).WithName("AnalyticsExportsCsv").WithSummary("The same table as CSV.");
        group.MapGet("/movements", MovementsAsync).WithName("AnalyticsMovements")
            .WithSummary("Month-on-month and year-on-year change per destination for a month (default: the latest), biggest first.");
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

    private static async Task<Ok<IReadOnlyList<ExportRow>>> ExportsAsync(string? from, string? to, string? groupBy, string? destination, AnalyticsService analytics, CancellationToken ct) =>
        TypedResults.Ok(await analytics.ExportsAsync(ParseMonth(from, "from"), ParseMonth(to, "to"), groupBy, destination, ct));

    private static async Task<FileContentHttpResult> ExportsCsvAsync(string? from, string? to, string? groupBy, string? destination, AnalyticsService analytics, CancellationToken ct)
    {
        var rows = await analytics.ExportsAsync(ParseMonth(from, "from"), ParseMonth(to, "to"), groupBy, destination, ct);
        using var stream = new MemoryStream();
        CsvExport.Write(stream, CsvHeader, rows.Select(r => (IReadOnlyList<string?>)
        [
            r.Month?.ToString("yyyy-MM", CultureInfo.InvariantCulture), r.Destination, r.ControlCode, r.Sector, r.Authorisation,
            r.Kg.ToString(CultureInfo.InvariantCulture), r.Value.ToString(CultureInfo.InvariantCulture), r.Shipments.ToString(CultureInfo.InvariantCulture),
        ]));
        return TypedResults.File(stream.ToArray(), "text/csv; charset=utf-8", "exports.csv");
    }

    private static async Task<Ok<IReadOnlyList<MovementRow>>> MovementsAsync(string? month, decimal? minimumKg, AnalyticsService analytics, CancellationToken ct) =>
        TypedResults.Ok(await analytics.MovementsAsync(ParseMonth(month, "month"), minimumKg ?? 0m, ct));
}
