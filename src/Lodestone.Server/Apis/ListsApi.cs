using Lodestone.Services.Contracts;
using Lodestone.Services.Screening;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Lodestone.Server.Apis;

/// <summary>Restricted-party lists: their versions, diffs and entries; imports by a policy administrator.</summary>
internal static class ListsApi
{
    /// <summary>The largest upload accepted (the readers' own limit is the same).</summary>
    private const long MaxUpload = 64L * 1024 * 1024;

    public static RouteGroupBuilder MapListsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/lists").WithTags("Lists");
        group.MapGet("/", ListsAsync).WithName("ListLists").WithSummary("Every list with its kind, current version and entry count.");
        group.MapPost("/", CreateAsync).RequireAuthorization(Hosting.Policies.ManageLists).WithName("CreateList")
            .WithSummary("Creates an empty list: id (slug), name, authority, kind (control, watch, unreliable-entity, military-end-user, external).");
        group.MapGet("/{id}", GetAsync).WithName("GetList").WithSummary("One list.");
        group.MapGet("/{id}/versions", VersionsAsync).WithName("ListVersions").WithSummary("The list's versions, newest first, with diff counts.");
        group.MapGet("/{id}/versions/{number:int}", VersionAsync).WithName("GetListVersion").WithSummary("One version with its diff: entries added, removed and changed.");
        group.MapGet("/{id}/entries", EntriesAsync).WithName("ListEntries").WithSummary("Entries of the current (or a given) version, filtered by name.");
        group.MapPost("/{id}/versions", ImportAsync).RequireAuthorization(Hosting.Policies.ManageLists).WithName("ImportListVersion")
            .WithSummary("Imports a file (multipart field 'file', plus 'format': lodestone, csl, ofac or ftm) as the list's next version. All or nothing; queues a re-screening of every party.")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxUpload));
        return group;
    }

    private static async Task<Ok<IReadOnlyList<ListSummary>>> ListsAsync(ListCatalogService lists, CancellationToken ct) =>
        TypedResults.Ok(await lists.ListsAsync(ct));

    private static async Task<Created<ListSummary>> CreateAsync(CreateListRequest request, ListCatalogService lists, CancellationToken ct)
    {
        var list = await lists.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/lists/{list.Id}", list);
    }

    private static async Task<Ok<ListSummary>> GetAsync(string id, ListCatalogService lists, CancellationToken ct) =>
        TypedResults.Ok(await lists.ListAsync(id, ct));

    private static async Task<Ok<IReadOnlyList<ListVersionResponse>>> VersionsAsync(string id, ListCatalogService lists, CancellationToken ct) =>
        TypedResults.Ok(await lists.VersionsAsync(id, ct));

    private static async Task<Ok<ListVersionResponse>> VersionAsync(string id, int number, ListCatalogService lists, CancellationToken ct) =>
        TypedResults.Ok(await lists.VersionAsync(id, number, ct));

    private static async Task<Ok<PagedList<ListEntryResponse>>> EntriesAsync(string id, string? search, int? version, int? page, int? pageSize, ListCatalogService lists, CancellationToken ct) =>
        TypedResults.Ok(await lists.EntriesAsync(id, search, version, page ?? 1, pageSize ?? 50, ct));

    private static async Task<Created<ImportResult>> ImportAsync(string id, IFormFile? file, [FromForm] string? format, ListCatalogService lists, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            throw new Domain.Common.DomainException("file", "Attach the list file as the multipart field 'file'.");
        }

        await using var stream = file.OpenReadStream();
        var result = await lists.ImportAsync(id, stream, file.FileName, format, ct);
        return TypedResults.Created($"/api/v1/lists/{id}/versions/{result.Version.Number}", result);
    }
}
