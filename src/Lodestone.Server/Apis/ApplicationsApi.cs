using Lodestone.Services;
using Lodestone.Services.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lodestone.Server.Apis;

/// <summary>Licence applications: filing, the queue, clock stops and decisions.</summary>
internal static class ApplicationsApi
{
    public static RouteGroupBuilder MapApplicationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/applications").WithTags("Applications");
        group.MapPost("/", FileAsync).RequireAuthorization(Hosting.Policies.Fileapplications).WithName("FileApplication")
            .WithSummary("Files an application; the policy routes it into a lane with reasons and a due date.")
            .AddEndpointFilter<Hosting.IdempotencyFilter>();
        group.MapGet("/", ListAsync).RequireAuthorization(Hosting.Policies.ReadCases).WithName("ListApplications").WithSummary("The queue, filtered by status and lane, paged.");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Hosting.Policies.ReadCases).WithName("GetApplication").WithSummary("One application.");
        group.MapPost("/{id:guid}/clock-stops", StopClockAsync).RequireAuthorization(Hosting.Policies.Review).WithName("StopClock")
            .WithSummary("Stops the art. 17 clock (identification, expert-consultation, on-site-check, information-request); omit 'to' to stop until resumed.");
        group.MapPost("/{id:guid}/clock-stops/resume", ResumeClockAsync).RequireAuthorization(Hosting.Policies.Review).WithName("ResumeClock").WithSummary("Ends the open clock stop.");
        group.MapPost("/{id:guid}/decision", DecideAsync).RequireAuthorization(Hosting.Policies.Review).WithName("Decide")
            .WithSummary("Approves (returns the licence issued) or denies (returns the application).");
        group.MapPost("/{id:guid}/withdraw", WithdrawAsync).RequireAuthorization(Hosting.Policies.Fileapplications).WithName("Withdraw").WithSummary("The applicant withdraws the application.");
        return group;
    }

    private static async Task<Created<ApplicationResponse>> FileAsync(FileApplicationRequest request, ApplicationService applications, CancellationToken ct)
    {
        var result = await applications.FileAsync(request, ct);
        return TypedResults.Created($"/api/v1/applications/{result.Application.Id}", result.Application);
    }

    private static async Task<Ok<PagedList<ApplicationSummary>>> ListAsync(string? status, string? lane, int? page, int? pageSize, ApplicationService applications, CancellationToken ct) =>
        TypedResults.Ok(await applications.ListAsync(status, lane, page ?? 1, pageSize ?? 50, ct));

    private static async Task<Ok<ApplicationResponse>> GetAsync(Guid id, ApplicationService applications, CancellationToken ct) =>
        TypedResults.Ok(await applications.GetAsync(id, ct));

    private static async Task<Ok<ApplicationResponse>> StopClockAsync(Guid id, ClockStopRequest request, ApplicationService applications, CancellationToken ct) =>
        TypedResults.Ok(await applications.StopClockAsync(id, request, ct));

    private static async Task<Ok<ApplicationResponse>> ResumeClockAsync(Guid id, ResumeClockRequest request, ApplicationService applications, CancellationToken ct) =>
        TypedResults.Ok(await applications.ResumeClockAsync(id, request, ct));

    private static async Task<Results<Ok<LicenceResponse>, Ok<ApplicationResponse>>> DecideAsync(Guid id, DecisionRequest request, ApplicationService applications, CancellationToken ct)
    {
        var (application, licence) = await applications.DecideAsync(id, request, ct);
        return licence is null ? TypedResults.Ok(application) : TypedResults.Ok(licence);
    }

    private static async Task<Ok<ApplicationResponse>> WithdrawAsync(Guid id, WithdrawRequest request, ApplicationService applications, CancellationToken ct) =>
        TypedResults.Ok(await applications.WithdrawAsync(id, request.Reason, ct));
}
