using Lodestone.Services.Contracts;
using Lodestone.Services.Screening;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lodestone.Server.Apis;

/// <summary>Screening names against the lists in force, and the officers' queue of party hits.</summary>
internal static class ScreeningApi
{
    public static RouteGroupBuilder MapScreeningApi(this RouteGroupBuilder api)
    {
        var screenings = api.MapGroup("/screenings").WithTags("Screening");
        screenings.MapPost("/", ScreenAsync).WithName("Screen")
            .WithSummary("Screens one name (Latin or Chinese) against every list in force; matches best first, each with its explanation.");
        screenings.MapPost("/batch", ScreenBatchAsync).WithName("ScreenBatch")
            .WithSummary($"Screens up to {NameScreeningService.MaxBatch} names; one result per query id, in order.");

        var hits = api.MapGroup("/screening/hits").WithTags("Screening");
        hits.MapGet("/", QueueAsync).RequireAuthorization(Hosting.Policies.ReadHits).WithName("ListHits")
            .WithSummary("Party hits by review state (default unreviewed: the officers' queue), oldest first.");
        hits.MapPost("/{id:guid}/confirm", ConfirmAsync).RequireAuthorization(Hosting.Policies.Review).WithName("ConfirmHit")
            .WithSummary("Confirms that the party is the listed entry.");
        hits.MapPost("/{id:guid}/clear", ClearAsync).RequireAuthorization(Hosting.Policies.Review).WithName("ClearHit")
            .WithSummary("Clears a reviewed false positive until expiresOn, or until the entry changes.");
        api.MapGet("/screening/jobs", JobsAsync).RequireAuthorization(Hosting.Policies.ReadHits).WithTags("Screening").WithName("ListRescreenJobs")
            .WithSummary("Background re-screenings after list changes, newest first.");
        return screenings;
    }

    private static async Task<Ok<ScreenResponse>> ScreenAsync(ScreenRequest request, NameScreeningService screening, CancellationToken ct) =>
        TypedResults.Ok(await screening.ScreenAsync(request, ct));

    private static async Task<Ok<BatchScreenResponse>> ScreenBatchAsync(BatchScreenRequest request, NameScreeningService screening, CancellationToken ct) =>
        TypedResults.Ok(await screening.ScreenBatchAsync(request, ct));

    private static async Task<Ok<PagedList<HitResponse>>> QueueAsync(string? review, int? page, int? pageSize, PartyScreeningService screening, CancellationToken ct) =>
        TypedResults.Ok(await screening.QueueAsync(review, page ?? 1, pageSize ?? 50, ct));

    private static async Task<Ok<HitResponse>> ConfirmAsync(Guid id, ReviewHitRequest request, PartyScreeningService screening, CancellationToken ct) =>
        TypedResults.Ok(await screening.ConfirmAsync(id, request, ct));

    private static async Task<Ok<HitResponse>> ClearAsync(Guid id, ReviewHitRequest request, PartyScreeningService screening, CancellationToken ct) =>
        TypedResults.Ok(await screening.ClearAsync(id, request, ct));

    private static async Task<Ok<IReadOnlyList<RescreenJobResponse>>> JobsAsync(ListCatalogService lists, CancellationToken ct) =>
        TypedResults.Ok(await lists.JobsAsync(ct));
}
