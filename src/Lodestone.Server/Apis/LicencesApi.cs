using Lodestone.Services;
using Lodestone.Services.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lodestone.Server.Apis;

/// <summary>Issued licences and their lifecycle (art. 18).</summary>
internal static class LicencesApi
{
    public static RouteGroupBuilder MapLicencesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/licences").WithTags("Licences");
        group.MapGet("/", ListAsync).RequireAuthorization(Hosting.Policies.ReadCases).WithName("ListLicences").WithSummary("Licences the caller may see, by status, newest first.");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Hosting.Policies.ReadCases).WithName("GetLicence").WithSummary("A licence with its scope, validity, balance and history.");
        group.MapPost("/{id:guid}/suspend", SuspendAsync).RequireAuthorization(Hosting.Policies.Review).WithName("SuspendLicence").WithSummary("An officer suspends an active licence.");
        group.MapPost("/{id:guid}/reinstate", ReinstateAsync).RequireAuthorization(Hosting.Policies.Review).WithName("ReinstateLicence").WithSummary("An officer restores a suspended licence.");
        group.MapPost("/{id:guid}/revoke", RevokeAsync).RequireAuthorization(Hosting.Policies.Review).WithName("RevokeLicence").WithSummary("An officer revokes an active or suspended licence.");
        group.MapPost("/{id:guid}/surrender", SurrenderAsync).RequireAuthorization(Hosting.Policies.Fileapplications).WithName("SurrenderLicence").WithSummary("The holder hands the licence back.");
        group.MapGet("/{id:guid}/changes", ChangesAsync).RequireAuthorization(Hosting.Policies.ReadCases).WithName("ListLicenceChanges").WithSummary("Change requests on a licence.");
        group.MapPost("/{id:guid}/changes", RequestChangeAsync).RequireAuthorization(Hosting.Policies.Fileapplications).WithName("RequestLicenceChange")
            .WithSummary("The holder asks for a change: a key change (item, destination, end-user, end-use) suspends the licence and needs a new application; others are decided within 20 working days.");
        group.MapPost("/{id:guid}/changes/{changeId:guid}/decision", DecideChangeAsync).RequireAuthorization(Hosting.Policies.Review).WithName("DecideLicenceChange")
            .WithSummary("An officer approves or refuses a non-key change.");
        return group;
    }

    private static async Task<Ok<PagedList<LicenceSummary>>> ListAsync(string? status, int? page, int? pageSize, LicenceService licences, CancellationToken ct) =>
        TypedResults.Ok(await licences.ListAsync(status, page ?? 1, pageSize ?? 50, ct));

    private static async Task<Ok<LicenceResponse>> GetAsync(Guid id, LicenceService licences, CancellationToken ct) =>
        TypedResults.Ok(await licences.GetAsync(id, ct));

    private static async Task<Ok<LicenceResponse>> SuspendAsync(Guid id, ReasonRequest request, LicenceService licences, CancellationToken ct) =>
        TypedResults.Ok(await licences.SuspendAsync(id, request, ct));

    private static async Task<Ok<LicenceResponse>> ReinstateAsync(Guid id, ReasonRequest request, LicenceService licences, CancellationToken ct) =>
        TypedResults.Ok(await licences.ReinstateAsync(id, request, ct));

    private static async Task<Ok<LicenceResponse>> RevokeAsync(Guid id, ReasonRequest request, LicenceService licences, CancellationToken ct) =>
        TypedResults.Ok(await licences.RevokeAsync(id, request, ct));

    private static async Task<Ok<LicenceResponse>> SurrenderAsync(Guid id, ReasonRequest request, LicenceService licences, CancellationToken ct) =>
        TypedResults.Ok(await licences.SurrenderAsync(id, request, ct));

    private static async Task<Ok<IReadOnlyList<LicenceChangeResponse>>> ChangesAsync(Guid id, LicenceService licences, CancellationToken ct) =>
        TypedResults.Ok(await licences.ChangesAsync(id, ct));

    private static async Task<Created<LicenceChangeResponse>> RequestChangeAsync(Guid id, LicenceChangeRequest request, LicenceService licences, CancellationToken ct)
    {
        var change = await licences.RequestChangeAsync(id, request, ct);
        return TypedResults.Created($"/api/v1/licences/{id}/changes", change);
    }

    private static async Task<Ok<LicenceChangeResponse>> DecideChangeAsync(Guid id, Guid changeId, LicenceChangeDecisionRequest request, LicenceService licences, CancellationToken ct) =>
        TypedResults.Ok(await licences.DecideChangeAsync(id, changeId, request, ct));
}
