using Lodestone.Services.Contracts;
using Lodestone.Services.Shipments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lodestone.Server.Apis;

/// <summary>Customs declarations, the holds queue, and post-shipment reports.</summary>
internal static class ShipmentsApi
{
    public static RouteGroupBuilder MapShipmentsApi(this RouteGroupBuilder api)
    {
        var shipments = api.MapGroup("/shipments").WithTags("Shipments");
        shipments.MapPost("/", DeclareAsync).RequireAuthorization(Hosting.Policies.Fileapplications).AddEndpointFilter<Hosting.IdempotencyFilter>().WithName("DeclareShipment")
            .WithSummary("Records a customs declaration against a licence or VEU (or neither); it is released (drawing the balance), held or refused, with reasons.");
        shipments.MapGet("/", ListAsync).RequireAuthorization(Hosting.Policies.ReadCases).WithName("ListShipments")
            .WithSummary("Shipments the caller may see; filter by status (held is the holds queue, oldest first), licenceId or veuId.");
        shipments.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Hosting.Policies.ReadCases).WithName("GetShipment")
            .WithSummary("One shipment with its items, checks, history and reports.");
        shipments.MapPost("/{id:guid}/release", ReleaseAsync).RequireAuthorization(Hosting.Policies.Review).WithName("ReleaseShipment")
            .WithSummary("An officer releases held goods; the licence or VEU is drawn and reports fall due.");
        shipments.MapPost("/{id:guid}/refuse", RefuseAsync).RequireAuthorization(Hosting.Policies.Review).WithName("RefuseShipment")
            .WithSummary("An officer refuses held goods.");
        shipments.MapPost("/{id:guid}/reports", FileReportAsync).RequireAuthorization(Hosting.Policies.Fileapplications).WithName("FileReport")
            .WithSummary("The exporter files a post-shipment report: transport, arrival, installation or use (art. 18).");

        var reports = api.MapGroup("/reports").WithTags("Shipments");
        reports.MapGet("/", ReportsAsync).RequireAuthorization(Hosting.Policies.ReadCases).WithName("ListReports")
            .WithSummary("Post-shipment reports, earliest due first; filter by state: due, overdue or filed.");
        return shipments;
    }

    private static async Task<Created<ShipmentResponse>> DeclareAsync(DeclareShipmentRequest request, ShipmentService shipments, CancellationToken ct)
    {
        var shipment = await shipments.DeclareAsync(request, ct);
        return TypedResults.Created($"/api/v1/shipments/{shipment.Id}", shipment);
    }

    private static async Task<Ok<PagedList<ShipmentSummary>>> ListAsync(string? status, Guid? licenceId, Guid? veuId, int? page, int? pageSize, ShipmentService shipments, CancellationToken ct) =>
        TypedResults.Ok(await shipments.ListAsync(status, licenceId, veuId, page ?? 1, pageSize ?? 50, ct));

    private static async Task<Ok<ShipmentResponse>> GetAsync(Guid id, ShipmentService shipments, CancellationToken ct) => TypedResults.Ok(await shipments.GetAsync(id, ct));

    private static async Task<Ok<ShipmentResponse>> ReleaseAsync(Guid id, ReasonRequest request, ShipmentService shipments, CancellationToken ct) =>
        TypedResults.Ok(await shipments.ReleaseAsync(id, request, ct));

    private static async Task<Ok<ShipmentResponse>> RefuseAsync(Guid id, ReasonRequest request, ShipmentService shipments, CancellationToken ct) =>
        TypedResults.Ok(await shipments.RefuseAsync(id, request, ct));

    private static async Task<Ok<ReportResponse>> FileReportAsync(Guid id, FileReportRequest request, ReportService reports, CancellationToken ct) =>
        TypedResults.Ok(await reports.FileAsync(id, request, ct));

    private static async Task<Ok<PagedList<ReportResponse>>> ReportsAsync(string? state, int? page, int? pageSize, ReportService reports, CancellationToken ct) =>
        TypedResults.Ok(await reports.ListAsync(state, page ?? 1, pageSize ?? 50, ct));
}
