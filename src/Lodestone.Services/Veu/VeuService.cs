using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;
using Lodestone.Domain.Veu;
using Lodestone.Persistence;
using Lodestone.Services.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Veu;

/// <summary>
/// The VEU program: applications, vetting, committee votes, suspension, reinstatement and revocation. A
/// VEU is visible to its organisations (exporters and end user), officers, the committee and auditors; a
/// hidden id reads exactly like a missing one. The public register is in <see cref="VeuRegister"/>.
/// </summary>
public sealed class VeuService(LodestoneDbContext db, ReferenceData reference, VeuVetting vetting, ICommitteePanel committee, TimeProvider time, ICurrentActor actor)
{
    /// <summary>Files a VEU application for the actor's organisation.</summary>
    public async Task<VeuResponse> ApplyAsync(ApplyVeuRequest request, CancellationToken ct) => await ApplyAsync(request, isDemo: false, ct);

    /// <summary>Files a VEU application, marking it as demo data when <paramref name="isDemo"/> is true.</summary>
    public async Task<VeuResponse> ApplyAsync(ApplyVeuRequest request, bool isDemo, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var endUserId = request.EndUserId ?? throw new DomainException("endUserId", "The end user is required.");
        var exporterIds = request.ExporterIds ?? [];
        if (actor.IsOrganisationScoped && actor.OrganisationId is { } org && endUserId != org && !exporterIds.Contains(org))
        {
            throw new DomainException("exporterIds", "An exporter applies naming itself among the exporters; an end user applies for itself.");
        }

        // The end user must be one the applicant may see; exporters are any registered Chinese exporter, since an
        // end user applying for itself names exporters it may not yet have traded with.
        var endUser = (await Visibility.Parties(db, actor).AsNoTracking().ByIdsAsync([endUserId], ct)).GetValueOrDefault(endUserId)
            ?? throw new NotFoundException("endUserId", $"End user {endUserId} does not exist; register it first.");
        var parties = await db.Parties.AsNoTracking().ByIdsAsync(exporterIds, ct);
        if (endUser.Country.Value == "CN")
        {
            throw new DomainException("endUserId", $"{endUser.Name} is in China; a VEU covers exports to foreign end users.");
        }

        for (var i = 0; i < exporterIds.Count; i++)
        {
            var exporter = parties.GetValueOrDefault(exporterIds[i]) is { } p && p.Roles.Contains(PartyRole.Exporter) ? p
                : throw new NotFoundException($"exporterIds[{i}]", $"Exporter {exporterIds[i]} is not a registered exporter.");
            if (exporter.Country.Value != "CN")
            {
                // Only the Chinese exporter holds licences (domain.md §1.5).
                throw new DomainException($"exporterIds[{i}]", $"The exporter must be registered in China; {exporter.Name} is in {exporter.Country}.");
            }
        }

        var application = new VeuApplication
        {
            ExporterIds = exporterIds,
            EndUserId = endUserId,
            EndUserCountry = endUser.Country,
            Facilities = (request.Facilities ?? []).Select((f, i) => ToFacility(f, i, endUser.Country)).ToList(),
            ControlCodes = CheckCodes(request.ControlCodes),
            EndUse = request.EndUse?.Category is { } category ? WireName.Parse<EndUseCategory>(category, "endUse.category") : throw new DomainException("endUse.category", "The end-use category is required."),
            EndUseDescription = request.EndUse.Description ?? string.Empty,
            AnnualCapKg = request.AnnualCapKg ?? throw new DomainException("annualCapKg", "The annual cap in kg is required."),
            ForecastAnnualKg = request.ForecastAnnualKg,
            ValidityMonths = request.ValidityMonths ?? 12,
            Documents = (request.Documents ?? []).Select((d, i) => WireName.Parse<VeuDocumentKind>(d, $"documents[{i}]")).ToList(),
        };
        var now = time.GetUtcNow();
        var id = Identifiers.NewId(time);
        var veu = VeuAuthorization.Apply(id, Identifiers.Number("VEU", id, now), application, actor.Name, actor.OrganisationId, now, isDemo);
        db.VeuAuthorizations.Add(veu);
        await db.SaveChangesAsync(ct);
        return await ToResponseAsync(veu, CancellationToken.None);
    }

    /// <summary>Every registered Chinese exporter, for the application form (an end user names its exporters).</summary>
    public async Task<IReadOnlyList<PartyRef>> ExportersAsync(CancellationToken ct) =>
        (await db.Parties.AsNoTracking().Where(p => p.Country == CountryCode.Parse("CN", "country")).OrderBy(p => p.Name).ToListAsync(ct))
            .Where(p => p.Roles.Contains(PartyRole.Exporter))
            .Select(p => ResponseMapping.Ref(p, p.Id))
            .ToList();

    public async Task<VeuResponse> GetAsync(Guid id, CancellationToken ct) => await ToResponseAsync(await LoadAsync(id, tracking: false, ct), ct);

    /// <summary>The VEUs the actor may see, optionally by status; open cases first.</summary>
    public async Task<IReadOnlyList<VeuSummary>> ListAsync(string? status, CancellationToken ct)
    {
        var query = db.VeuAuthorizations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            var s = WireName.Parse<VeuStatus>(status, "status");
            query = query.Where(v => v.Status == s);
        }

        var veus = Visible(await query.ToListAsync(ct))
            .OrderBy(v => v.Status is not (VeuStatus.Applied or VeuStatus.Vetting or VeuStatus.UnderReview))
            .ThenByDescending(v => v.AppliedAt)
            .ToList();
        var parties = await db.Parties.AsNoTracking().ByIdsAsync(veus.Select(v => v.EndUserId), ct);
        return veus.Select(v => new VeuSummary(
            v.Id, v.Number, WireName.Of(v.Status), v.StatusSince, ResponseMapping.Ref(parties.GetValueOrDefault(v.EndUserId), v.EndUserId), WireName.Of(v.EndUse),
            v.ControlCodes, v.AnnualCapKg, v.ValidFrom, v.ValidUntil, v.DueDate, v.CurrentVotes.Count, v.Panel.Count)).ToList();
    }

    /// <summary>An officer opens vetting (or refreshes it): screening attached, committee panel fixed.</summary>
    public async Task<VeuResponse> VetAsync(Guid id, CancellationToken ct)
    {
        var veu = await LoadAsync(id, tracking: true, ct);
        var findings = await vetting.VetAsync(veu, ct);
        veu.Vet(findings, await committee.MembersAsync(ct), actor.Name, time.GetUtcNow(), reference.Calendar);
        return await SaveAsync(veu, ct);
    }

    public async Task<VeuResponse> RequestInformationAsync(Guid id, VeuReasonRequest request, CancellationToken ct)
    {
        var veu = await LoadAsync(id, tracking: true, ct);
        veu.RequestInformation(Identifiers.NewId(time), request?.Reason, actor.Name, time.GetUtcNow(), reference.Calendar);
        return await SaveAsync(veu, ct);
    }

    /// <summary>The applicant answers the open request (an officer may record an answer received otherwise).</summary>
    public async Task<VeuResponse> ProvideInformationAsync(Guid id, VeuReasonRequest request, CancellationToken ct)
    {
        var veu = await LoadAsync(id, tracking: true, ct);
        if (actor.IsOrganisationScoped && actor.OrganisationId != veu.ApplicantOrganisationId && actor.OrganisationId != veu.EndUserId)
        {
            // A co-exporter named in the application did not apply; only the applicant (or the end user) answers for it.
            throw new InvalidStateException($"Only the applicant or the end user answers the requests on {veu.Number}.");
        }

        veu.ProvideInformation(request?.Reason, actor.Name, time.GetUtcNow(), reference.Calendar);
        return await SaveAsync(veu, ct);
    }

    /// <summary>A committee member votes; a unanimous grant opens the cap for each calendar year of validity.</summary>
    public async Task<VeuResponse> VoteAsync(Guid id, VeuVoteRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var choice = string.IsNullOrWhiteSpace(request.Vote)
            ? throw new DomainException("vote", "The vote is required: grant or deny.")
            : WireName.Parse<VoteChoice>(request.Vote, "vote");
        var veu = await LoadAsync(id, tracking: true, ct);
        var now = time.GetUtcNow();
        if (veu.Status == VeuStatus.Vetting && choice == VoteChoice.Grant && veu.PendingMembers.Count == 1 && veu.PendingMembers[0].Equals(actor.Name, StringComparison.OrdinalIgnoreCase))
        {
            // The vote that would grant it: screen again first, so a hit found while the votes came in still blocks.
            var findings = await vetting.VetAsync(veu, ct);
            if (!findings.SequenceEqual(veu.Findings))
            {
                veu.Vet(findings, await committee.MembersAsync(ct), actor.Name, now, reference.Calendar);
            }
        }

        veu.Vote(actor.Name, choice, request.Reason, now);
        if (veu.Status == VeuStatus.Active)
        {
            db.VeuCapYears.AddRange(VeuCapYear.For(veu));
        }

        return await SaveAsync(veu, ct);
    }

    /// <summary>A committee member votes to revoke a VEU under review or suspended; a majority of the panel revokes it.</summary>
    public async Task<VeuResponse> RevokeAsync(Guid id, VeuReasonRequest request, CancellationToken ct)
    {
        var veu = await LoadAsync(id, tracking: true, ct);
        veu.VoteToRemove(actor.Name, request?.Reason, time.GetUtcNow());
        return await SaveAsync(veu, ct);
    }

    public async Task<VeuResponse> SuspendAsync(Guid id, VeuReasonRequest request, CancellationToken ct)
    {
        var veu = await LoadAsync(id, tracking: true, ct);
        veu.Suspend(request?.Reason, actor.Name, time.GetUtcNow());
        return await SaveAsync(veu, ct);
    }

    /// <summary>An officer reinstates after vetting again; a refusal is recorded in the history before it is reported.</summary>
    public async Task<VeuResponse> ReinstateAsync(Guid id, VeuReasonRequest request, CancellationToken ct)
    {
        var veu = await LoadAsync(id, tracking: true, ct);
        var findings = await vetting.VetAsync(veu, ct);
        try
        {
            veu.Reinstate(request?.Reason, findings, actor.Name, time.GetUtcNow());
        }
        catch (InvalidStateException) when (veu.History[^1].Action == "reinstatement-refused")
        {
            await db.SaveChangesAsync(ct);
            throw;
        }

        return await SaveAsync(veu, ct);
    }

    private async Task<VeuResponse> SaveAsync(VeuAuthorization veu, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        return await ToResponseAsync(veu, CancellationToken.None);
    }

    private List<string> CheckCodes(IReadOnlyList<string>? codes)
    {
        var list = (codes ?? []).Select(c => c?.Trim() ?? string.Empty).ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var code = list[i];
            if (!reference.ControlList.Entries.Any(e => e.Code.Equals(code, StringComparison.OrdinalIgnoreCase) || e.Code.StartsWith(code + ".", StringComparison.OrdinalIgnoreCase)))
            {
                throw new DomainException($"controlCodes[{i}]", $"'{code}' is not a code of the control list.");
            }
        }

        return list;
    }

    private static VeuFacility ToFacility(FacilityDto? dto, int i, CountryCode endUserCountry)
    {
        if (dto is null)
        {
            throw new DomainException($"facilities[{i}]", "A facility cannot be empty.");
        }

        var country = string.IsNullOrWhiteSpace(dto.Country) ? endUserCountry : CountryCode.Parse(dto.Country, $"facilities[{i}].country");
        return new VeuFacility(dto.Name ?? string.Empty, dto.Address ?? string.Empty, country);
    }

    private IEnumerable<VeuAuthorization> Visible(IEnumerable<VeuAuthorization> veus)
    {
        if (!actor.IsOrganisationScoped)
        {
            return veus;
        }

        // Exporters sit in a JSON column, so the filter runs here; a deployment has hundreds of VEUs, not millions.
        var org = actor.OrganisationId ?? Guid.Empty;
        return veus.Where(v => v.EndUserId == org || v.ApplicantOrganisationId == org || v.ExporterIds.Contains(org));
    }

    private async Task<VeuAuthorization> LoadAsync(Guid id, bool tracking, CancellationToken ct)
    {
        var query = tracking ? db.VeuAuthorizations : db.VeuAuthorizations.AsNoTracking();
        var veu = await query.FirstOrDefaultAsync(v => v.Id == id, ct);
        return veu is not null && Visible([veu]).Any() ? veu : throw new NotFoundException(null, $"VEU {id} does not exist.");
    }

    private async Task<VeuResponse> ToResponseAsync(VeuAuthorization v, CancellationToken ct)
    {
        var parties = await db.Parties.AsNoTracking().ByIdsAsync(v.ExporterIds.Append(v.EndUserId), ct);
        var usage = await db.VeuCapYears.AsNoTracking().Where(c => c.VeuId == v.Id).OrderBy(c => c.Year).ToListAsync(ct);
        var draws = await db.VeuDrawdowns.AsNoTracking().Where(d => d.VeuId == v.Id).OrderBy(d => d.On).ToListAsync(ct);
        var appIds = draws.Select(d => d.ApplicationId).ToList();
        var numbers = await Visibility.Applications(db.Applications.AsNoTracking(), actor).Where(a => appIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Number, ct);
        var response = new VeuResponse
        {
            Id = v.Id,
            Number = v.Number,
            Status = WireName.Of(v.Status),
            StatusSince = v.StatusSince,
            EndUser = ResponseMapping.Ref(parties.GetValueOrDefault(v.EndUserId), v.EndUserId),
            Exporters = v.ExporterIds.Select(e => ResponseMapping.Ref(parties.GetValueOrDefault(e), e)).ToList(),
            Facilities = v.Facilities.Select(f => new FacilityDto(f.Name, f.Address, f.Country.Value)).ToList(),
            ControlCodes = v.ControlCodes,
            EndUse = new EndUseDto(WireName.Of(v.EndUse), v.EndUseDescription),
            AnnualCapKg = v.AnnualCapKg,
            ForecastAnnualKg = v.ForecastAnnualKg,
            ValidityMonths = v.ValidityMonths,
            Documents = v.Documents.Select(d => WireName.Of(d)).ToList(),
            AppliedAt = v.AppliedAt,
            AppliedBy = v.AppliedBy,
            DueDate = v.DueDate,
            ValidFrom = v.ValidFrom,
            ValidUntil = v.ValidUntil,
            Panel = v.Panel,
            PendingMembers = v.Status is VeuStatus.Vetting or VeuStatus.UnderReview or VeuStatus.Suspended ? v.PendingMembers : [],
            Votes = v.Votes.Select(x => new VeuVoteResponse(x.Member, WireName.Of(x.Purpose), x.Round, WireName.Of(x.Choice), x.Reason, x.CastAt)).ToList(),
            Findings = v.Findings.Select(f => new VettingFindingResponse(f.Subject, f.Finding, f.Blocking)).ToList(),
            InformationRequests = v.InformationRequests.Select(r => new VeuInformationResponse(r.Id, r.Note, r.From, r.To, r.Answer)).ToList(),
            History = v.History.Select(e => new VeuEventResponse(e.At, e.By, e.Action, WireName.Of(e.Status), e.Reason)).ToList(),
            Usage = usage.Select(c => new VeuCapYearResponse(c.Year, c.CapGrams / 1000m, c.DrawnKg, (c.CapGrams - c.DrawnGrams) / 1000m)).ToList(),
            Drawdowns = draws.Where(d => !actor.IsOrganisationScoped || numbers.ContainsKey(d.ApplicationId))
                .Select(d => new VeuDrawdownResponse(d.ApplicationId, numbers.GetValueOrDefault(d.ApplicationId), d.On, d.QuantityKg)).ToList(),
            IsDemo = v.IsDemo,
        };
        return actor.IsOrganisationScoped ? ForOrganisation(response) : response;
    }

    /// <summary>
    /// What the VEU's own organisations see: their scope, status, clock and cap, whether vetting blocks a grant,
    /// and the tally of votes; not the screening behind it (owners' names, hits on other parties) nor who voted
    /// how, as on the party page (ASVS 8.3.1: no more than the caller needs).
    /// </summary>
    private static VeuResponse ForOrganisation(VeuResponse v)
    {
        var member = 0;
        var alias = v.Panel.ToDictionary(m => m, _ => $"member {++member}", StringComparer.OrdinalIgnoreCase);
        string Alias(string name) => alias.GetValueOrDefault(name, "committee");
        var blocked = v.Findings.Any(f => f.Blocking);
        return v with
        {
            Panel = v.Panel.Select(Alias).ToList(),
            PendingMembers = v.PendingMembers.Select(Alias).ToList(),
            Votes = v.Votes.Select(x => x with { Member = Alias(x.Member), Reason = string.Empty }).ToList(),
            Findings = v.Findings.Count == 0 ? []
                : [new VettingFindingResponse("vetting", blocked ? "The screening of the end user or its owners bars a grant; the authority will give its reasons." : "Screening attached; nothing bars a grant.", blocked)],
            History = v.History.Select(e => e.Action.StartsWith("vote-", StringComparison.Ordinal) || e.Action is "vetting-opened" or "vetting-refreshed" or "reinstatement-refused"
                ? e with { By = "committee", Reason = string.Empty }
                : e).ToList(),
        };
    }
}
