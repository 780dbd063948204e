using Lodestone.Domain.Common;
using Lodestone.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lodestone.Server.Apis;

/// <summary>The control list and the policy in force, read-only.</summary>
public static class ControlListApi
{
    public sealed record InstrumentResponse(string Id, string Title, DateOnly EffectiveFrom, IReadOnlyList<SuspensionResponse> Suspensions, bool InForceToday);

    public sealed record SuspensionResponse(DateOnly From, DateOnly Until, string By);

    public sealed record EntryResponse(string Code, string Element, string Title, IReadOnlyList<string> Forms, IReadOnlyList<string> AlsoRequires, IReadOnlyList<string> HsCodes, string Instrument, bool InForceToday, string? Note);

    public sealed record ControlListResponse(string Version, DateOnly Today, IReadOnlyList<InstrumentResponse> Instruments, IReadOnlyList<EntryResponse> Entries);

    public sealed record PolicyResponse(string Version, string Sha256, DateOnly EffectiveFrom, string? Description, IReadOnlyList<PolicyRuleResponse> Rules);

    public sealed record PolicyRuleResponse(string Id, string Lane, string Reason);

    internal static RouteGroupBuilder MapControlListApi(this RouteGroupBuilder api)
    {
        api.MapGet("/control-list", GetControlList).WithTags("Control list").WithName("GetControlList")
            .WithSummary("Instruments and entries, with whether each is in force today.");
        api.MapGet("/policy", GetPolicy).WithTags("Policy").WithName("GetPolicy").WithSummary("The routing policy in force.");
        return api;
    }

    public static ControlListResponse Describe(ReferenceData reference, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var list = reference.ControlList;
        return new ControlListResponse(
            list.Version,
            today,
            list.Instruments.Select(i => new InstrumentResponse(i.Id, i.Title, i.EffectiveFrom, i.Suspensions.Select(s => new SuspensionResponse(s.From, s.Until, s.By)).ToList(), i.IsInForce(today))).ToList(),
            list.Entries.Select(e => new EntryResponse(e.Code, e.Element, e.Title, e.Forms.Select(f => WireName.Of(f)).ToList(), e.AlsoRequires, e.HsCodes, e.InstrumentId, list.InstrumentOf(e).IsInForce(today), e.Note)).ToList());
    }

    private static Ok<ControlListResponse> GetControlList(ReferenceData reference, TimeProvider time) =>
        TypedResults.Ok(Describe(reference, ChinaTime.DateOf(time.GetUtcNow())));

    private static Ok<PolicyResponse> GetPolicy(ReferenceData reference) =>
        TypedResults.Ok(new PolicyResponse(
            reference.Policy.Version,
            reference.PolicySha256,
            reference.Policy.EffectiveFrom,
            reference.Policy.Description,
            reference.Policy.Rules.Select(r => new PolicyRuleResponse(r.Id, WireName.Of(r.Lane), r.Reason)).ToList()));
}
