using Lodestone.Domain.Applications;
using Lodestone.Domain.Classification;
using Lodestone.Domain.Common;
using Lodestone.Domain.Licences;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;
using Lodestone.Domain.Veu;
using Lodestone.Persistence;
using Lodestone.Services.Contracts;
using Lodestone.Services.Facts;
using Lodestone.Services.Veu;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services;

/// <summary>Filing, routing, clock stops and decisions of licence applications.</summary>
public sealed class ApplicationService(
    LodestoneDbContext db,
    ReferenceData reference,
    RoutingFactsBuilder factsBuilder,
    TimeProvider time,
    ICurrentActor actor,
    VeuCaps caps,
    Analytics.DecisionRollups decisions)
{
    /// <summary>The status filter that selects cases still under review (in-review or clock-stopped).</summary>
    public const string OpenStatus = "open";

    /// <summary>Files an application: classify, gather facts, route, accept; lanes that end at filing issue at once.</summary>
    public Task<RoutingResult> FileAsync(FileApplicationRequest request, CancellationToken ct) => FileAsync(request, isDemo: false, ct);

    /// <summary>Files an application, marking it as synthetic demo data when <paramref name="isDemo"/> is true.</summary>
    public async Task<RoutingResult> FileAsync(FileApplicationRequest request, bool isDemo, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var (application, facts, _) = await PrepareAsync(request, reference, now, isDemo, ct);
        var decision = reference.Policy.Evaluate(facts);

        // A fast-tracked export draws on its VEU's cap in the transaction that files it, so a draw that
        // loses a race falls back to the normal lanes instead of overdrawing the cap.
        await using var transaction = decision.Lane == Lane.VeuFastTrack ? await db.Database.BeginTransactionAsync(ct) : null;
        if (decision.Lane == Lane.VeuFastTrack)
        {
            (facts, decision) = await DrawVeuCapAsync(application, facts, decision, ct);
        }

        application.Route(decision, facts, ChinaTime.DateOf(now), reference.Calendar);
        db.Applications.Add(application);
        Licence? licence = null;
        if (application.Lane is Lane.Registration or Lane.VeuFastTrack)
        {
            // Registration (art. 19) gives a voucher on filing; a VEU-covered export is issued at once.
            licence = IssueLicence(application, "system", now, $"Issued on filing in the {WireName.Of(application.Lane.Value)} lane.", overridePresumption: false, validityMonths: null);
        }

        await SaveWithOutcomeAsync(application, ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        // Committed: finish the response even if the caller hangs up, so an Idempotency-Key retry replays it.
        return new RoutingResult(await ToResponseAsync(application, CancellationToken.None), licence is null ? null : await ToResponseAsync(licence, CancellationToken.None));
    }

    /// <summary>Routes an application without saving anything (the CLI's <c>route</c> dry run).</summary>
    public async Task<ApplicationResponse> DryRunAsync(FileApplicationRequest request, ReferenceData? withReference, CancellationToken ct)
    {
        var data = withReference ?? reference;
        var now = time.GetUtcNow();
        var (application, facts, parties) = await PrepareAsync(request, data, now, isDemo: false, ct);
        application.Route(data.Policy.Evaluate(facts), facts, ChinaTime.DateOf(now), data.Calendar);
        return ResponseMapping.ToResponse(application, parties);
    }

    public async Task<ApplicationResponse> GetAsync(Guid id, CancellationToken ct) =>
        await ToResponseAsync(await LoadAsync(id, tracking: false, ct), ct);

    public async Task<PagedList<ApplicationSummary>> ListAsync(string? status, string? lane, int page, int pageSize, CancellationToken ct)
    {
        if (page is < 1 or > 100_000)
        {
            throw new DomainException("page", "Pages run from 1 to 100,000.");
        }

        if (pageSize is < 1 or > 200)
        {
            throw new DomainException("pageSize", "The page size must be between 1 and 200.");
        }

        var query = Visible(db.Applications.AsNoTracking());
        if (string.Equals(status, OpenStatus, StringComparison.OrdinalIgnoreCase))
        {
            query = query.Where(a => a.Status == ApplicationStatus.InReview || a.Status == ApplicationStatus.ClockStopped);
        }
        else if (!string.IsNullOrWhiteSpace(status))
        {
            var s = WireName.Parse<ApplicationStatus>(status, "status");
            query = query.Where(a => a.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(lane))
        {
            Lane? l = WireName.Parse<Lane>(lane, "lane");
            query = query.Where(a => a.Lane == l);
        }

        var total = await query.CountAsync(ct);

        // Open cases first, by due date (no due date last), then the newest filings.
        var rows = await query
            .OrderBy(a => a.Status != ApplicationStatus.InReview && a.Status != ApplicationStatus.ClockStopped)
            .ThenBy(a => a.DueDate == null)
            .ThenBy(a => a.DueDate)
            .ThenByDescending(a => a.SubmittedAt)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(ct);
        var parties = await db.Parties.ByIdsAsync(rows.SelectMany(a => new[] { a.ExporterId, a.EndUserId }), ct);
        return new PagedList<ApplicationSummary>(rows.Select(a => ResponseMapping.ToSummary(a, parties)).ToList(), page, pageSize, total);
    }

    public async Task<ApplicationResponse> StopClockAsync(Guid id, ClockStopRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var application = await LoadAsync(id, tracking: true, ct);
        var from = request.From ?? throw new DomainException("from", "The first stopped day is required.");
        application.StopClock(Identifiers.NewId(time), RequestMapping.ToClockStopReason(request.Reason), request.Note, from, request.To, reference.Calendar);
        await db.SaveChangesAsync(ct);
        return await ToResponseAsync(application, ct);
    }

    public async Task<ApplicationResponse> ResumeClockAsync(Guid id, ResumeClockRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var application = await LoadAsync(id, tracking: true, ct);
        application.ResumeClock(request.To ?? ChinaTime.DateOf(time.GetUtcNow()), reference.Calendar);
        await db.SaveChangesAsync(ct);
        return await ToResponseAsync(application, ct);
    }

    /// <summary>Approves (issuing the licence) or denies. A concurrent decision loses with a concurrency conflict.</summary>
    public async Task<(ApplicationResponse Application, LicenceResponse? Licence)> DecideAsync(Guid id, DecisionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Outcome))
        {
            throw new DomainException("outcome", "The outcome is required: approved or denied.");
        }

        var outcome = WireName.Parse<DecisionOutcome>(request.Outcome, "outcome");
        var application = await LoadAsync(id, tracking: true, ct);
        var now = time.GetUtcNow();
        Licence? licence = null;
        if (outcome == DecisionOutcome.Approved)
        {
            licence = IssueLicence(application, actor.Name, now, request.Reason ?? string.Empty, request.Override, request.ValidityMonths);
        }
        else
        {
            application.Deny(actor.Name, request.Reason ?? string.Empty, now);
        }

        await SaveWithOutcomeAsync(application, ct);
        return (await ToResponseAsync(application, ct), licence is null ? null : await ToResponseAsync(licence, ct));
    }

    public async Task<ApplicationResponse> WithdrawAsync(Guid id, string? reason, CancellationToken ct)
    {
        var application = await LoadAsync(id, tracking: true, ct);
        if (actor.IsOrganisationScoped && application.ExporterId != actor.OrganisationId)
        {
            // Only the applicant withdraws; to the end user named in it the command does not exist.
            throw new NotFoundException(null, $"Application {id} does not exist.");
        }

        application.Withdraw(actor.Name, reason ?? string.Empty, time.GetUtcNow());
        await SaveWithOutcomeAsync(application, ct);
        return await ToResponseAsync(application, ct);
    }

    /// <summary>
    /// Saves, and when the application has reached an outcome adds it to the decision roll-ups in the same
    /// transaction (the caller's, or one opened here), so a decision that loses a concurrency race adds nothing.
    /// </summary>
    private async Task SaveWithOutcomeAsync(LicenceApplication application, CancellationToken ct)
    {
        if (Analytics.DecisionRollups.OutcomeOf(application) is null)
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        await decisions.AddAsync(application, ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }

    private Licence IssueLicence(LicenceApplication application, string officer, DateTimeOffset now, string reason, bool overridePresumption, int? validityMonths)
    {
        var licenceId = Identifiers.NewId(time);
        var prefix = application.Channel == Channel.Registration ? "EV" : "EL";
        application.Approve(officer, reason, now, overridePresumption, licenceId);
        var licence = Licence.Issue(licenceId, Identifiers.Number(prefix, licenceId, now), application, officer, now, validityMonths);
        db.Licences.Add(licence);
        return licence;
    }

    private async Task<(RoutingFacts Facts, RoutingDecision Decision)> DrawVeuCapAsync(LicenceApplication application, RoutingFacts facts, RoutingDecision decision, CancellationToken ct)
    {
        var veuId = facts.VeuCoverId ?? throw new InvalidOperationException("The VEU lane fired without a covering VEU.");
        var day = ChinaTime.DateOf(application.SubmittedAt);
        var quantity = application.Items.Sum(i => i.QuantityKg);
        var drew = await caps.TryDrawAsync(veuId, day.Year, quantity, ct);

        // A suspension, review or revocation committed since the coverage check wins over the draw.
        var veu = await caps.HoldAsync(veuId, ct);
        if (drew && veu.InForceOn(day))
        {
            db.VeuDrawdowns.Add(VeuDrawdown.Create(Identifiers.NewId(time), veuId, application.Id, day, quantity));
            return (facts, decision);
        }

        if (drew)
        {
            await caps.ReleaseAsync(veuId, day.Year, quantity, ct);
        }

        // The scope check says why: the VEU's new status, or the cap another export took meanwhile.
        var export = new VeuExport(application.ExporterId, application.EndUserId, application.Facility, facts.ControlCodes, application.EndUse.Category, quantity, day);
        var gaps = veu.Check(export, drew ? 0m : await caps.DrawnAsync(veuId, day.Year, ct)).Gaps;
        var fallen = facts with { VeuCover = null, VeuCoverId = null, VeuGaps = gaps };
        return (fallen, reference.Policy.Evaluate(fallen));
    }

    private async Task<(LicenceApplication Application, RoutingFacts Facts, Dictionary<Guid, Party> Parties)> PrepareAsync(
        FileApplicationRequest request, ReferenceData data, DateTimeOffset now, bool isDemo, CancellationToken ct)
    {
        var shape = RequestMapping.ToApplicationShape(request);
        if (actor.IsOrganisationScoped && shape.ExporterId != actor.OrganisationId)
        {
            throw new DomainException("exporterId", "An exporter account files only as its own organisation.");
        }

        var asOf = ChinaTime.DateOf(now);
        var items = ClassifyItems(request.Items, data, asOf);

        // Parties are resolved among those the filer may see: an exporter names its own customers (parties it
        // registered or already trades with), and a hidden id reads exactly like a missing one.
        var parties = await Visibility.Parties(db, actor).ByIdsAsync([shape.ExporterId, shape.EndUserId, shape.ConsigneeId ?? shape.EndUserId], ct);
        var exporter = parties.GetValueOrDefault(shape.ExporterId) ?? throw new NotFoundException("exporterId", $"Exporter {shape.ExporterId} does not exist.");
        var endUser = parties.GetValueOrDefault(shape.EndUserId) ?? throw new NotFoundException("endUserId", $"End user {shape.EndUserId} does not exist; register it first.");
        var consignee = parties.GetValueOrDefault(shape.ConsigneeId ?? shape.EndUserId) ?? throw new NotFoundException("consigneeId", $"Consignee {shape.ConsigneeId} does not exist; register it first.");

        var draft = new ApplicationDraft
        {
            Channel = shape.Channel,
            ExporterId = shape.ExporterId,
            ConsigneeId = shape.ConsigneeId,
            EndUserId = shape.EndUserId,
            Facility = request.Facility,
            EndUse = shape.EndUse,
            Destination = shape.Destination,
            Currency = shape.Currency,
            Items = items,
            Documents = shape.Documents,
        };

        var id = Identifiers.NewId(time);
        var application = LicenceApplication.File(id, Identifiers.Number("LA", id, now), draft, exporter, endUser, now, isDemo);
        var facts = await factsBuilder.BuildAsync(draft, exporter, consignee, endUser, asOf, ct);
        return (application, facts, parties);
    }

    private static List<ApplicationItem> ClassifyItems(IReadOnlyList<ItemDto>? items, ReferenceData data, DateOnly asOf)
    {
        if (items is null || items.Count == 0)
        {
            throw new DomainException("items", "An application needs at least one item.");
        }

        return items.Select((dto, i) =>
        {
            var prefix = $"items[{i}].";
            if (dto is null)
            {
                throw new DomainException($"items[{i}]", "An item cannot be empty.");
            }

            var product = RequestMapping.ToProduct(dto.Form, dto.Composition, dto.HsCode, dto.Description, prefix);
            var quantity = dto.QuantityKg ?? throw new DomainException(prefix + "quantityKg", "The quantity in kg is required.");
            var result = Classifier.Classify(data.ControlList, product, asOf);
            return new ApplicationItem(product, quantity, dto.Value ?? 0m, result.Entries.Select(e => e.Code).ToList(), result.MissingEvidence);
        }).ToList();
    }

    private IQueryable<LicenceApplication> Visible(IQueryable<LicenceApplication> query) => Visibility.Applications(query, actor);

    private async Task<LicenceApplication> LoadAsync(Guid id, bool tracking, CancellationToken ct)
    {
        var query = Visible(tracking ? db.Applications : db.Applications.AsNoTracking());
        return await query.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException(null, $"Application {id} does not exist.");
    }

    private async Task<ApplicationResponse> ToResponseAsync(LicenceApplication application, CancellationToken ct) =>
        ResponseMapping.ToResponse(application, await db.Parties.ByIdsAsync([application.ExporterId, application.ConsigneeId, application.EndUserId], ct));

    private async Task<LicenceResponse> ToResponseAsync(Licence licence, CancellationToken ct) =>
        ResponseMapping.ToResponse(licence, await db.Parties.ByIdsAsync([licence.ExporterId, licence.ConsigneeId, licence.EndUserId], ct));
}
