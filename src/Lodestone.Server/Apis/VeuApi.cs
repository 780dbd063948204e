using Lodestone.DataFiles;
using Lodestone.Services.Contracts;
using Lodestone.Services.Veu;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lodestone.Server.Apis;

/// <summary>The VEU program: applications, vetting, committee votes, suspension and revocation, and the public register.</summary>
internal static class VeuApi
{
    public static RouteGroupBuilder MapVeuApi(this RouteGroupBuilder api)
    {
        var veu = api.MapGroup("/veu").WithTags("VEU");

        // Public, as BIS publishes Supp. 7 to part 748: no sign-in needed.
        veu.MapGet("/register", RegisterAsync).AllowAnonymous().WithName("VeuRegister")
            .WithSummary("The public register of active VEUs: end user, country, facilities, control codes, end use and validity.");
        veu.MapGet("/register.csv", RegisterCsvAsync).AllowAnonymous().WithName("VeuRegisterCsv")
            .WithSummary("The public register as CSV.");

        veu.MapPost("/", ApplyAsync).RequireAuthorization(Hosting.Policies.ApplyVeu).AddEndpointFilter<Hosting.IdempotencyFilter>().WithName("ApplyVeu")
            .WithSummary("Applies for a VEU: an exporter for an end user, or an end user naming its exporters.");
        veu.MapGet("/", ListAsync).RequireAuthorization(Hosting.Policies.ReadVeu).WithName("ListVeus")
            .WithSummary("VEUs the caller may see, open cases first; filter by status.");
        veu.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Hosting.Policies.ReadVeu).WithName("GetVeu")
            .WithSummary("A VEU with its scope, vetting findings, votes, history and cap usage.");
        veu.MapPost("/{id:guid}/vetting", VetAsync).RequireAuthorization(Hosting.Policies.Review).WithName("VetVeu")
            .WithSummary("Opens vetting (or refreshes it): screening of the end user, facilities, owners and exporters; fixes the committee panel.");
        veu.MapPost("/{id:guid}/information-requests", RequestInformationAsync).RequireAuthorization(Hosting.Policies.Review).WithName("RequestVeuInformation")
            .WithSummary("Asks the applicant for more information; the vetting clock stops.");
        veu.MapPost("/{id:guid}/information", ProvideInformationAsync).RequireAuthorization(Hosting.Policies.AnswerVeu).WithName("ProvideVeuInformation")
            .WithSummary("Answers the open request for information; the clock runs again.");
        veu.MapPost("/{id:guid}/votes", VoteAsync).RequireAuthorization(Hosting.Policies.Committee).WithName("VoteVeu")
            .WithSummary("A committee member votes grant or deny (unanimity grants); in a review, deny votes to remove.");
        veu.MapPost("/{id:guid}/suspend", SuspendAsync).RequireAuthorization(Hosting.Policies.Review).WithName("SuspendVeu")
            .WithSummary("Suspends an active VEU or one under review.");
        veu.MapPost("/{id:guid}/reinstate", ReinstateAsync).RequireAuthorization(Hosting.Policies.Review).WithName("ReinstateVeu")
            .WithSummary("Reinstates a VEU under review or suspended, after vetting it again.");
        veu.MapPost("/{id:guid}/revoke", RevokeAsync).RequireAuthorization(Hosting.Policies.Committee).WithName("RevokeVeu")
            .WithSummary("A committee member votes to revoke; a majority of the panel revokes it.");
        return veu;
    }

    private static async Task<Ok<IReadOnlyList<VeuRegisterEntry>>> RegisterAsync(VeuRegister register, CancellationToken ct) =>
        TypedResults.Ok(await register.ListAsync(ct));

    private static async Task<FileContentHttpResult> RegisterCsvAsync(VeuRegister register, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        CsvExport.Write(stream, VeuRegister.CsvHeader, VeuRegister.CsvRows(await register.ListAsync(ct)));
        return TypedResults.File(stream.ToArray(), "text/csv; charset=utf-8", "veu-register.csv");
    }

    private static async Task<Created<VeuResponse>> ApplyAsync(ApplyVeuRequest request, VeuService veus, CancellationToken ct)
    {
        var veu = await veus.ApplyAsync(request, ct);
        return TypedResults.Created($"/api/v1/veu/{veu.Id}", veu);
    }

    private static async Task<Ok<IReadOnlyList<VeuSummary>>> ListAsync(string? status, VeuService veus, CancellationToken ct) =>
        TypedResults.Ok(await veus.ListAsync(status, ct));

    private static async Task<Ok<VeuResponse>> GetAsync(Guid id, VeuService veus, CancellationToken ct) => TypedResults.Ok(await veus.GetAsync(id, ct));

    private static async Task<Ok<VeuResponse>> VetAsync(Guid id, VeuService veus, CancellationToken ct) => TypedResults.Ok(await veus.VetAsync(id, ct));

    private static async Task<Ok<VeuResponse>> RequestInformationAsync(Guid id, VeuReasonRequest request, VeuService veus, CancellationToken ct) =>
        TypedResults.Ok(await veus.RequestInformationAsync(id, request, ct));

    private static async Task<Ok<VeuResponse>> ProvideInformationAsync(Guid id, VeuReasonRequest request, VeuService veus, CancellationToken ct) =>
        TypedResults.Ok(await veus.ProvideInformationAsync(id, request, ct));

    private static async Task<Ok<VeuResponse>> VoteAsync(Guid id, VeuVoteRequest request, VeuService veus, CancellationToken ct) =>
        TypedResults.Ok(await veus.VoteAsync(id, request, ct));

    private static async Task<Ok<VeuResponse>> SuspendAsync(Guid id, VeuReasonRequest request, VeuService veus, CancellationToken ct) =>
        TypedResults.Ok(await veus.SuspendAsync(id, request, ct));

    private static async Task<Ok<VeuResponse>> ReinstateAsync(Guid id, VeuReasonRequest request, VeuService veus, CancellationToken ct) =>
        TypedResults.Ok(await veus.ReinstateAsync(id, request, ct));

    private static async Task<Ok<VeuResponse>> RevokeAsync(Guid id, VeuReasonRequest request, VeuService veus, CancellationToken ct) =>
        TypedResults.Ok(await veus.RevokeAsync(id, request, ct));
}
