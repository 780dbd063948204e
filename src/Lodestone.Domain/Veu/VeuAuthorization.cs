using Lodestone.Domain.Calendar;
using Lodestone.Domain.Common;
using Lodestone.Domain.Routing;

namespace Lodestone.Domain.Veu;

/// <summary>
/// A validated end-user authorisation: a general licence scoped to exporters × one end user and its named
/// facilities × control codes × one end-use category × an annual cap × a validity of at most three years
/// (domain.md §1.5 and §2.1; 15 CFR §748.15; Dual-Use Items Regulations art. 15 for the three years).
/// The lifecycle lives in the partial files beside this one.
/// </summary>
public sealed partial class VeuAuthorization
{
    /// <summary>The longest validity: a general licence's three years (art. 15).</summary>
    public const int MaxValidityMonths = 36;

    /// <summary>The longest free text kept.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>
    /// End uses a VEU can never cover: it is for civil use only (15 CFR §748.15(c)); military, WMD,
    /// terrorism and the case-by-case Ann. 61 uses go through individual review.
    /// </summary>
    public static readonly IReadOnlySet<EndUseCategory> ExcludedEndUses = new HashSet<EndUseCategory>
    {
        EndUseCategory.Military, EndUseCategory.Wmd, EndUseCategory.Terrorism, EndUseCategory.MilitaryAi, EndUseCategory.AdvancedSemiconductor,
    };

    private VeuAuthorization()
    {
        Number = string.Empty;
        EndUseDescription = string.Empty;
        AppliedBy = string.Empty;
    }

    /// <summary>Identity.</summary>
    public Guid Id { get; private set; }

    /// <summary>Human reference, e.g. <c>VEU-2026-3F9A1C2B</c>.</summary>
    public string Number { get; private set; }

    /// <summary>The Chinese exporters that may ship under it.</summary>
    public IReadOnlyList<Guid> ExporterIds { get; private set; } = [];

    /// <summary>The end user.</summary>
    public Guid EndUserId { get; private set; }

    /// <summary>Approved sites of the end user.</summary>
    public IReadOnlyList<VeuFacility> Facilities { get; private set; } = [];

    /// <summary>Control codes in scope.</summary>
    public IReadOnlyList<string> ControlCodes { get; private set; } = [];

    /// <summary>The approved end-use category.</summary>
    public EndUseCategory EndUse { get; private set; }

    /// <summary>The end use in the applicant's words.</summary>
    public string EndUseDescription { get; private set; }

    /// <summary>Quantity allowed per calendar year.</summary>
    public decimal AnnualCapKg { get; private set; }

    /// <summary>The applicant's forecast of its annual volume.</summary>
    public decimal ForecastAnnualKg { get; private set; }

    /// <summary>Validity asked for, in months from the grant.</summary>
    public int ValidityMonths { get; private set; }

    /// <summary>Documents supplied.</summary>
    public IReadOnlyList<VeuDocumentKind> Documents { get; private set; } = [];

    /// <summary>Status.</summary>
    public VeuStatus Status { get; private set; }

    /// <summary>The day the status last changed (China time), for reasons such as "suspended on 2026-03-02".</summary>
    public DateOnly StatusSince { get; private set; }

    /// <summary>Who filed it.</summary>
    public string AppliedBy { get; private set; }

    /// <summary>The organisation that filed it (the exporter, or the end user naming its exporters).</summary>
    public Guid? ApplicantOrganisationId { get; private set; }

    /// <summary>When it was filed.</summary>
    public DateTimeOffset AppliedAt { get; private set; }

    /// <summary>The vetting clock's day 0.</summary>
    public DateOnly AppliedOn { get; private set; }

    /// <summary>When vetting should end, net of information requests; null while one is open or once decided.</summary>
    public DateOnly? DueDate { get; private set; }

    /// <summary>The committee members asked to vote, fixed when vetting opens.</summary>
    public IReadOnlyList<string> Panel { get; private set; } = [];

    /// <summary>Votes cast, in order.</summary>
    public IReadOnlyList<VeuVote> Votes { get; private set; } = [];

    /// <summary>What vetting found.</summary>
    public IReadOnlyList<VettingFinding> Findings { get; private set; } = [];

    /// <summary>Requests for more information.</summary>
    public IReadOnlyList<VeuInformationRequest> InformationRequests { get; private set; } = [];

    /// <summary>Every change, in order.</summary>
    public IReadOnlyList<VeuEvent> History { get; private set; } = [];

    /// <summary>First valid day, once granted.</summary>
    public DateOnly? ValidFrom { get; private set; }

    /// <summary>Last valid day, once granted.</summary>
    public DateOnly? ValidUntil { get; private set; }

    /// <summary>Counts review rounds so removal votes of an earlier review do not count in a later one.</summary>
    public int ReviewRound { get; private set; }

    /// <summary>True for synthetic demo data.</summary>
    public bool IsDemo { get; private set; }

    /// <summary>Optimistic-concurrency version, bumped on every change.</summary>
    public int Version { get; private set; }

    /// <summary>The scope, as the coverage check reads it.</summary>
    public VeuScope Scope => new(ExporterIds, EndUserId, Facilities, ControlCodes, EndUse, AnnualCapKg);

    /// <summary>Files an application, checking everything the applicant must supply.</summary>
    public static VeuAuthorization Apply(Guid id, string number, VeuApplication application, string by, Guid? organisationId, DateTimeOffset now, bool isDemo = false)
    {
        ArgumentNullException.ThrowIfNull(application);
        application.Validate();
        var veu = new VeuAuthorization
        {
            Id = id,
            Number = number,
            ExporterIds = application.ExporterIds.Distinct().ToList(),
            EndUserId = application.EndUserId,
            Facilities = application.Facilities.Select(f => f with { Name = f.Name.Trim(), Address = f.Address.Trim() }).ToList(),
            ControlCodes = application.ControlCodes.Select(c => c.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            EndUse = application.EndUse,
            EndUseDescription = application.EndUseDescription.Trim(),
            AnnualCapKg = application.AnnualCapKg,
            ForecastAnnualKg = application.ForecastAnnualKg ?? application.AnnualCapKg,
            ValidityMonths = application.ValidityMonths,
            Documents = application.Documents.Distinct().ToList(),
            Status = VeuStatus.Applied,
            AppliedBy = by,
            ApplicantOrganisationId = organisationId,
            AppliedAt = now,
            AppliedOn = ChinaTime.DateOf(now),
            StatusSince = ChinaTime.DateOf(now),
            IsDemo = isDemo,
        };
        veu.Record(now, by, "applied", $"Applied for {string.Join(", ", veu.ControlCodes)} to {veu.Facilities.Count} facilities, cap {Kg(veu.AnnualCapKg)} a year.");
        return veu;
    }

    /// <summary>True when exports may be fast-tracked under it on <paramref name="day"/>.</summary>
    public bool InForceOn(DateOnly day) => Status == VeuStatus.Active && ValidFrom <= day && day <= ValidUntil;

    /// <summary>"1,200 kg": quantities as reasons show them.</summary>
    public static string Kg(decimal kg) => Amount(kg) + " kg";

    /// <summary>"1,200": a quantity without its unit.</summary>
    private static string Amount(decimal kg) => kg.ToString("#,0.###", System.Globalization.CultureInfo.InvariantCulture);

    private void Record(DateTimeOffset at, string by, string action, string reason)
    {
        History = [.. History, new VeuEvent(at, by, action, Status, reason)];
        Version++;
    }

    private void MoveTo(VeuStatus status, DateTimeOffset at, string by, string action, string reason)
    {
        Status = status;
        StatusSince = ChinaTime.DateOf(at);
        Record(at, by, action, reason);
    }

    private void RecomputeDue(WorkingDayCalendar calendar)
    {
        if (Status is not (VeuStatus.Applied or VeuStatus.Vetting) || InformationRequests.Any(r => r.To is null))
        {
            DueDate = null;
            return;
        }

        // The vetting clock runs like a licence's (art. 17): 45 working days, less the days spent waiting for the applicant.
        DueDate = calendar.AddWorkingDays(AppliedOn, ReviewDeadlines.LicenceDecisionWorkingDays, InformationRequests.Select(r => new DateInterval(r.From, r.To!.Value)));
    }

    private static string CheckReason(string? reason, string what)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxTextLength)
        {
            throw new DomainException("reason", $"{what} needs a reason of at most {MaxTextLength} characters.");
        }

        return reason.Trim();
    }
}
