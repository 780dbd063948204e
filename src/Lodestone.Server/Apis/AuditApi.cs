using Lodestone.Domain.Audit;
using Lodestone.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lodestone.Server.Apis;

/// <summary>The audit trail: records and their verification.</summary>
internal static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Hosting.Policies.Audit);
        group.MapGet("/", ListAsync).WithName("ListAudit").WithSummary("Audit records, newest first; filter by action prefix, entity and actor.");
        group.MapGet("/verify", VerifyAsync).WithName("VerifyAudit")
            .WithSummary("Recomputes the hash chain and checks the signed checkpoints; names the first bad sequence number.");
        return group;
    }

    private static async Task<Ok<PagedAudit>> ListAsync(string? action, string? entityType, string? entityId, string? actor, int? page, int? pageSize, AuditService audit, CancellationToken ct) =>
        TypedResults.Ok(await audit.ListAsync(action, entityType, entityId, actor, page ?? 1, pageSize ?? 100, ct));

    private static async Task<Ok<AuditVerification>> VerifyAsync(AuditService audit, CancellationToken ct) =>
        TypedResults.Ok(await audit.VerifyAsync(ct));
}
