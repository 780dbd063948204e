using Lodestone.Services;
using Lodestone.Services.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lodestone.Server.Apis;

/// <summary>Issued licences.</summary>
internal static class LicencesApi
{
    public static RouteGroupBuilder MapLicencesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/licences").WithTags("Licences");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Hosting.Policies.ReadCases).WithName("GetLicence").WithSummary("A licence with its scope, validity and balance.");
        return group;
    }

    private static async Task<Ok<LicenceResponse>> GetAsync(Guid id, LicenceService licences, CancellationToken ct) =>
        TypedResults.Ok(await licences.GetAsync(id, ct));
}
