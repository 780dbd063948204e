using Lodestone.Services;
using Lodestone.Services.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lodestone.Server.Apis;

/// <summary>The party registry: exporters, consignees, end users and their owners.</summary>
internal static class PartiesApi
{
    public static RouteGroupBuilder MapPartiesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/parties").WithTags("Parties");
        group.MapPost("/", CreateAsync).WithName("CreateParty").WithSummary("Registers a party.").RequireAuthorization(Hosting.Policies.RegisterParties)
            .AddEndpointFilter<Hosting.IdempotencyFilter>();
        group.MapGet("/", ListAsync).RequireAuthorization(Hosting.Policies.ReadCases).WithName("ListParties").WithSummary("Lists parties, optionally by name and role.");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Hosting.Policies.ReadCases).WithName("GetParty").WithSummary("A party with its owners, holdings and military ties.");
        group.MapPost("/{id:guid}/owners", AddOwnerAsync).RequireAuthorization(Hosting.Policies.Ownership).WithName("AddOwner").WithSummary("Records that ownerId holds percent of the party.")
            .AddEndpointFilter<Hosting.IdempotencyFilter>();
        group.MapPut("/{id:guid}/names", RenameAsync).RequireAuthorization(Hosting.Policies.Ownership).WithName("RenameParty")
            .WithSummary("Corrects the party's names (name, chineseName, aliases) and screens it again under them.");
        return group;
    }

    private static async Task<Created<PartyResponse>> CreateAsync(CreatePartyRequest request, PartyService parties, CancellationToken ct)
    {
        var party = await parties.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/parties/{party.Id}", party);
    }

    private static async Task<Ok<IReadOnlyList<PartyRef>>> ListAsync(string? search, string? role, PartyService parties, CancellationToken ct) =>
        TypedResults.Ok(await parties.ListAsync(search, role, ct));

    private static async Task<Ok<PartyResponse>> GetAsync(Guid id, PartyService parties, CancellationToken ct) =>
        TypedResults.Ok(await parties.GetAsync(id, ct));

    private static async Task<Ok<PartyResponse>> RenameAsync(Guid id, RenamePartyRequest request, PartyService parties, CancellationToken ct) =>
        TypedResults.Ok(await parties.RenameAsync(id, request, ct));

    private static async Task<Ok<PartyResponse>> AddOwnerAsync(Guid id, AddOwnerRequest request, PartyService parties, CancellationToken ct) =>
        TypedResults.Ok(await parties.AddOwnerAsync(id, request, ct));
}
