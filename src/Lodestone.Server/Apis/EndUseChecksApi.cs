using Lodestone.Services.Checks;
using Lodestone.Services.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lodestone.Server.Apis;

/// <summary>End-use checks (arts. 24–28) and the control-list proposals their violations raise.</summary>
internal static class EndUseChecksApi
{
    public static RouteGroupBuilder MapEndUseChecksApi(this RouteGroupBuilder api)
    {
        var checks = api.MapGroup("/end-use-checks").WithTags("End-use checks");
        checks.MapPost("/", OpenAsync).RequireAuthorization(Hosting.Policies.Review).AddEndpointFilter<Hosting.IdempotencyFilter>().WithName("OpenEndUseCheck")
            .WithSummary("Opens a document or on-site check of an importer or end user, with a deadline (a date, or working days from today; 30 by default).");
        checks.MapGet("/", ListAsync).RequireAuthorization(Hosting.Policies.ReadChecks).WithName("ListEndUseChecks")
            .WithSummary("Checks, open ones first by deadline; filter by status.");
        checks.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Hosting.Policies.ReadChecks).WithName("GetEndUseCheck")
            .WithSummary("A check with its history and any control-list proposal.");
        checks.MapPost("/{id:guid}/documents-requested", RequestDocumentsAsync).RequireAuthorization(Hosting.Policies.Review).WithName("RequestCheckDocuments")
            .WithSummary("Records that documents (or access to the site) were requested from the party.");
        checks.MapPost("/{id:guid}/verified", VerifyAsync).RequireAuthorization(Hosting.Policies.Review).WithName("VerifyEndUseCheck")
            .WithSummary("The end use is verified; a party on the watch list through a check comes off it (art. 26).");
        checks.MapPost("/{id:guid}/non-cooperation", NonCooperationAsync).RequireAuthorization(Hosting.Policies.Review).WithName("RecordNonCooperation")
            .WithSummary("After the deadline only: the party goes on the watch list (cn-watch) as a new version, and re-screening follows (art. 26).");
        checks.MapPost("/{id:guid}/violation", ViolationAsync).RequireAuthorization(Hosting.Policies.Review).WithName("RecordViolation")
            .WithSummary("A violation: proposes the party for the control list, for a policy administrator to confirm (art. 28).");

        var proposals = api.MapGroup("/list-proposals").WithTags("End-use checks");
        proposals.MapGet("/", ProposalsAsync).RequireAuthorization(Hosting.Policies.ReadChecks).WithName("ListProposals")
            .WithSummary("Proposals to put a party on the control list, pending ones first; filter by status.");
        proposals.MapPost("/{id:guid}/confirm", ConfirmAsync).RequireAuthorization(Hosting.Policies.ManageLists).WithName("ConfirmListProposal")
            .WithSummary("Confirms: the party enters the control list as a new version, and re-screening follows.");
        proposals.MapPost("/{id:guid}/reject", RejectAsync).RequireAuthorization(Hosting.Policies.ManageLists).WithName("RejectListProposal")
            .WithSummary("Rejects, with a reason: the list is unchanged.");
        return checks;
    }

    private static async Task<Created<EndUseCheckResponse>> OpenAsync(OpenCheckRequest request, EndUseCheckService checks, CancellationToken ct)
    {
        var check = await checks.OpenAsync(request, ct);
        return TypedResults.Created($"/api/v1/end-use-checks/{check.Id}", check);
    }

    private static async Task<Ok<IReadOnlyList<EndUseCheckSummary>>> ListAsync(string? status, EndUseCheckService checks, CancellationToken ct) =>
        TypedResults.Ok(await checks.ListAsync(status, ct));

    private static async Task<Ok<EndUseCheckResponse>> GetAsync(Guid id, EndUseCheckService checks, CancellationToken ct) => TypedResults.Ok(await checks.GetAsync(id, ct));

    private static async Task<Ok<EndUseCheckResponse>> RequestDocumentsAsync(Guid id, CheckNoteRequest request, EndUseCheckService checks, CancellationToken ct) =>
        TypedResults.Ok(await checks.RequestDocumentsAsync(id, request, ct));

    private static async Task<Ok<EndUseCheckResponse>> VerifyAsync(Guid id, CheckFindingsRequest request, EndUseCheckService checks, CancellationToken ct) =>
        TypedResults.Ok(await checks.VerifyAsync(id, request, ct));

    private static async Task<Ok<EndUseCheckResponse>> NonCooperationAsync(Guid id, CheckFindingsRequest request, EndUseCheckService checks, CancellationToken ct) =>
        TypedResults.Ok(await checks.RecordNonCooperationAsync(id, request, ct));

    private static async Task<Ok<EndUseCheckResponse>> ViolationAsync(Guid id, CheckFindingsRequest request, EndUseCheckService checks, CancellationToken ct) =>
        TypedResults.Ok(await checks.RecordViolationAsync(id, request, ct));

    private static async Task<Ok<IReadOnlyList<ListProposalResponse>>> ProposalsAsync(string? status, ListProposalService proposals, CancellationToken ct) =>
        TypedResults.Ok(await proposals.ListAsync(status, ct));

    private static async Task<Ok<ListProposalResponse>> ConfirmAsync(Guid id, ProposalDecisionRequest? request, ListProposalService proposals, CancellationToken ct) =>
        TypedResults.Ok(await proposals.ConfirmAsync(id, request, ct));

    private static async Task<Ok<ListProposalResponse>> RejectAsync(Guid id, ProposalDecisionRequest request, ListProposalService proposals, CancellationToken ct) =>
        TypedResults.Ok(await proposals.RejectAsync(id, request, ct));
}
