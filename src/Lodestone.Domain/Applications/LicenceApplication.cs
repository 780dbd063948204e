using Lodestone.Domain.Calendar;
using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;

namespace Lodestone.Domain.Applications;

/// <summary>
/// A licence application from filing to decision: routed into a lane by the policy, reviewed against a
/// working-day clock that clock stops push back (art. 17), and approved or denied by an officer.
/// </summary>
public sealed class LicenceApplication
{
    private LicenceApplication()
    {
        Number = string.Empty;
        Currency = "USD";
        EndUse = new EndUse(EndUseCategory.Other, string.Empty);
    }

    /// <summary>The longest free text kept (descriptions, reasons).</summary>
    public const int MaxTextLength = 4000;

    /// <summary>Identity.</summary>
    public Guid Id { get; private set; }

    /// <summary>Human reference, e.g. <c>LA-2026-3F9A1C2B</c>.</summary>
    public string Number { get; private set; }

    /// <summary>Channel.</summary>
    public Channel Channel { get; private set; }

    /// <summary>Exporter.</summary>
    public Guid ExporterId { get; private set; }

    /// <summary>Consignee.</summary>
    public Guid ConsigneeId { get; private set; }

    /// <summary>End user.</summary>
    public Guid EndUserId { get; private set; }

    /// <summary>The end user's site the goods go to, when named.</summary>
    public string? Facility { get; private set; }

    /// <summary>End use.</summary>
    public EndUse EndUse { get; private set; }

    /// <summary>Destination.</summary>
    public CountryCode Destination { get; private set; }

    /// <summary>Currency of values.</summary>
    public string Currency { get; private set; }

    /// <summary>Items.</summary>
    public IReadOnlyList<ApplicationItem> Items { get; private set; } = [];

    /// <summary>Documents supplied.</summary>
    public IReadOnlyList<DocumentKind> Documents { get; private set; } = [];

    /// <summary>Status.</summary>
    public ApplicationStatus Status { get; private set; }

    /// <summary>When it was filed.</summary>
    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>Day of acceptance (受理), the clock's day 0.</summary>
    public DateOnly? AcceptedOn { get; private set; }

    /// <summary>Lane, once routed.</summary>
    public Lane? Lane { get; private set; }

    /// <summary>Policy version used for routing.</summary>
    public string? PolicyVersion { get; private set; }

    /// <summary>Rules that fired.</summary>
    public IReadOnlyList<string> RuleIds { get; private set; } = [];

    /// <summary>The VEU it was fast-tracked under.</summary>
    public Guid? VeuId { get; private set; }

    /// <summary>Reasons for the lane.</summary>
    public IReadOnlyList<Reason> Reasons { get; private set; } = [];

    /// <summary>The lane's limit in working days; null when none applies.</summary>
    public int? WorkingDayLimit { get; private set; }

    /// <summary>The decision deadline, net of clock stops; null without a limit or while the clock is stopped.</summary>
    public DateOnly? DueDate { get; private set; }

    /// <summary>Clock stops.</summary>
    public IReadOnlyList<ClockStop> ClockStops { get; private set; } = [];

    /// <summary>The decision, once made.</summary>
    public Decision? Decision { get; private set; }

    /// <summary>When the applicant withdrew, if it did.</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>Who withdrew it.</summary>
    public string? WithdrawnBy { get; private set; }

    /// <summary>Why it was withdrawn.</summary>
    public string? WithdrawalReason { get; private set; }

    /// <summary>The licence issued on approval.</summary>
    public Guid? LicenceId { get; private set; }

    /// <summary>True for synthetic demo data.</summary>
    public bool IsDemo { get; private set; }

    /// <summary>
    /// The facts the policy was evaluated on: party, list, ownership and VEU facts as they stood at filing.
    /// Null for applications routed before facts were kept.
    /// </summary>
    public RoutingFacts? RoutedOn { get; private set; }

    /// <summary>Optimistic-concurrency version, bumped on every change.</summary>
    public int Version { get; private set; }

    /// <summary>Files an application, checking what the applicant must supply.</summary>
    public static LicenceApplication File(Guid id, string number, ApplicationDraft draft, Party exporter, Party endUser, DateTimeOffset now, bool isDemo = false)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(exporter);
        ArgumentNullException.ThrowIfNull(endUser);

        // Only the Chinese exporter holds a licence under the ECL and the Dual-Use Items Regulations.
        if (exporter.Country.Value != "CN")
        {
            throw new DomainException("exporterId", $"The exporter must be registered in China; {exporter.Name} is in {exporter.Country}.");
        }

        if (draft.ExporterId == draft.EndUserId)
        {
            throw new DomainException("endUserId", "The end user cannot be the exporter.");
        }

        if (draft.Items.Count == 0)
        {
            throw new DomainException("items", "An application needs at least one item.");
        }

        for (var i = 0; i < draft.Items.Count; i++)
        {
            var item = draft.Items[i];
            if (item.QuantityKg <= 0m)
            {
                throw new DomainException($"items[{i}].quantityKg", $"Quantity must be above 0 kg; got {item.QuantityKg}.");
            }

            if (decimal.Round(item.QuantityKg, 3) != item.QuantityKg)
            {
                throw new DomainException($"items[{i}].quantityKg", "Quantities are in kg to the gram: at most 3 decimals.");
            }

            if (item.Value < 0m)
            {
                throw new DomainException($"items[{i}].value", $"Value cannot be negative; got {item.Value}.");
            }
        }

        if (string.IsNullOrWhiteSpace(draft.EndUse.Description))
        {
            throw new DomainException("endUse.description", "Describe the end use: product, application and customers.");
        }

        if (draft.EndUse.Description.Length > MaxTextLength)
        {
            throw new DomainException("endUse.description", $"The end-use description is at most {MaxTextLength} characters.");
        }

        if (draft.Facility?.Trim().Length > 200)
        {
            throw new DomainException("facility", "A facility name is at most 200 characters.");
        }

        if (draft.Currency is not { Length: 3 } || !draft.Currency.All(char.IsAsciiLetterUpper))
        {
            throw new DomainException("currency", $"'{draft.Currency}' is not an ISO 4217 currency code.");
        }

        return new LicenceApplication
        {
            Id = id,
            Number = number,
            Channel = draft.Channel,
            ExporterId = draft.ExporterId,
            ConsigneeId = draft.ConsigneeId ?? draft.EndUserId,
            EndUserId = draft.EndUserId,
            Facility = string.IsNullOrWhiteSpace(draft.Facility) ? null : draft.Facility.Trim(),
            EndUse = draft.EndUse with { Description = draft.EndUse.Description.Trim() },
            Destination = draft.Destination,
            Currency = draft.Currency,
            Items = draft.Items,
            Documents = draft.Documents.Distinct().ToList(),
            Status = ApplicationStatus.Submitted,
            SubmittedAt = now,
            IsDemo = isDemo,
        };
    }

    /// <summary>
    /// The documents art. 16 asks for that were not supplied. Registration (art. 19) only needs the contract.
    /// </summary>
    public static IReadOnlyList<DocumentKind> MissingDocuments(Channel channel, IEnumerable<DocumentKind> supplied)
    {
        IReadOnlyList<DocumentKind> required = channel == Channel.Registration
            ? [DocumentKind.Contract]
            : [DocumentKind.EndUserCertificate, DocumentKind.Contract, DocumentKind.TechnicalDescription, DocumentKind.EndUseStatement];
        return required.Except(supplied).ToList();
    }

    /// <summary>Records the policy's routing and accepts the application, starting the clock where the lane has one.</summary>
    /// <param name="routing">The policy's decision.</param>
    /// <param name="facts">The facts it was evaluated on; kept, so the routing can be replayed under another policy.</param>
    /// <param name="acceptedOn">The day of acceptance.</param>
    /// <param name="calendar">The working-day calendar for the due date.</param>
    public void Route(RoutingDecision routing, RoutingFacts facts, DateOnly acceptedOn, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(calendar);
        if (Status != ApplicationStatus.Submitted)
        {
            throw new InvalidStateException($"Application {Number} is {WireName.Of(Status)}; only a submitted application can be routed.");
        }

        Lane = routing.Lane;
        PolicyVersion = routing.PolicyVersion;
        RuleIds = routing.RuleIds;
        Reasons = routing.Reasons;
        VeuId = routing.Lane == Routing.Lane.VeuFastTrack ? facts.VeuCoverId : null;
        RoutedOn = facts;
        AcceptedOn = acceptedOn;
        WorkingDayLimit = routing.WorkingDays;
        Status = routing.Lane == Routing.Lane.NotControlled ? ApplicationStatus.NotRequired : ApplicationStatus.InReview;
        RecomputeDue(calendar);
        Version++;
    }

    /// <summary>
    /// Working days from acceptance to the decision, less the working days the clock stood still: the time
    /// art. 17 counts against its 45-day limit. Zero for lanes decided on filing; null while undecided.
    /// </summary>
    public int? WorkingDaysToDecision(WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (Decision is null || AcceptedOn is not { } accepted)
        {
            return null;
        }

        var decided = ChinaTime.DateOf(Decision.DecidedAt);
        if (decided <= accepted)
        {
            return 0;
        }

        var days = calendar.WorkingDaysBetween(accepted, decided);
        foreach (var stop in ClockStops)
        {
            var from = stop.From > accepted ? stop.From : accepted.AddDays(1);
            var to = stop.To is { } end && end < decided ? end : decided;
            if (to >= from)
            {
                days -= calendar.WorkingDaysBetween(from.AddDays(-1), to);
            }
        }

        return Math.Max(0, days);
    }

    /// <summary>Stops the clock from <paramref name="from"/>, until <paramref name="to"/> or until resumed.</summary>
    public ClockStop StopClock(Guid stopId, ClockStopReason reason, string? note, DateOnly from, DateOnly? to, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        EnsureUnderReview("stop the clock of");
        if (from < AcceptedOn)
        {
            throw new DomainException("from", $"A clock stop cannot start before acceptance on {AcceptedOn:yyyy-MM-dd}.");
        }

        if (to is { } end && end < from)
        {
            throw new DomainException("to", "A clock stop cannot end before it starts.");
        }

        if (ClockStops.Any(s => s.To is null))
        {
            throw new InvalidStateException("The clock is already stopped; resume it before stopping it again.");
        }

        var overlapping = ClockStops.FirstOrDefault(s => from <= s.To && (to ?? DateOnly.MaxValue) >= s.From);
        if (overlapping is not null)
        {
            throw new DomainException("from", $"The stop overlaps the {WireName.Of(overlapping.Reason)} stop of {overlapping.From:yyyy-MM-dd}..{overlapping.To:yyyy-MM-dd}.");
        }

        var stop = new ClockStop(stopId, reason, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), from, to);
        ClockStops = [.. ClockStops, stop];
        Status = to is null ? ApplicationStatus.ClockStopped : ApplicationStatus.InReview;
        RecomputeDue(calendar);
        Version++;
        return stop;
    }

    /// <summary>Ends an open clock stop on <paramref name="to"/> (the last stopped day).</summary>
    public void ResumeClock(DateOnly to, WorkingDayCalendar calendar)
    {
        var open = ClockStops.FirstOrDefault(s => s.To is null)
            ?? throw new InvalidStateException("The clock is running; there is no stop to end.");
        if (to < open.From)
        {
            throw new DomainException("to", $"The stop began on {open.From:yyyy-MM-dd}; it cannot end before that.");
        }

        ClockStops = ClockStops.Select(s => s.Id == open.Id ? s with { To = to } : s).ToList();
        Status = ApplicationStatus.InReview;
        RecomputeDue(calendar);
        Version++;
    }

    /// <summary>Approves the application. The caller issues the licence and passes its id.</summary>
    /// <param name="overridePresumption">Must be true to approve in the presumption-of-denial lane; it is recorded.</param>
    public Decision Approve(string officer, string reason, DateTimeOffset now, bool overridePresumption, Guid licenceId)
    {
        EnsureDecidable(reason);
        if (Lane == Routing.Lane.Prohibited)
        {
            throw new InvalidStateException("The prohibited lane cannot be approved: the only route is a special application under art. 29.");
        }

        if (Lane == Routing.Lane.PresumptionOfDenial && !overridePresumption)
        {
            throw new InvalidStateException("This application is presumed denied; approving it needs an explicit override, which is logged.");
        }

        Decision = new Decision(DecisionOutcome.Approved, reason.Trim(), officer, now, Lane == Routing.Lane.PresumptionOfDenial, PolicyVersion!, RuleIds);
        Status = ApplicationStatus.Approved;
        LicenceId = licenceId;
        Version++;
        return Decision;
    }

    /// <summary>Denies the application.</summary>
    public Decision Deny(string officer, string reason, DateTimeOffset now)
    {
        EnsureDecidable(reason);
        Decision = new Decision(DecisionOutcome.Denied, reason.Trim(), officer, now, false, PolicyVersion!, RuleIds);
        Status = ApplicationStatus.Denied;
        Version++;
        return Decision;
    }

    /// <summary>The applicant withdraws the application before a decision.</summary>
    public void Withdraw(string by, string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxTextLength)
        {
            throw new DomainException("reason", $"Say why the application is withdrawn (at most {MaxTextLength} characters).");
        }

        EnsureUnderReview("withdraw");
        Status = ApplicationStatus.Withdrawn;
        WithdrawnAt = now;
        WithdrawnBy = by;
        WithdrawalReason = reason.Trim();
        Version++;
    }

    private void EnsureDecidable(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxTextLength)
        {
            throw new DomainException("reason", $"A decision needs a reason of at most {MaxTextLength} characters.");
        }

        if (Status == ApplicationStatus.ClockStopped)
        {
            throw new InvalidStateException($"The clock of {Number} is stopped; resume it before deciding.");
        }

        EnsureUnderReview("decide");
    }

    private void EnsureUnderReview(string action)
    {
        if (Status is not (ApplicationStatus.InReview or ApplicationStatus.ClockStopped))
        {
            throw new InvalidStateException($"Cannot {action} application {Number}: it is {WireName.Of(Status)}.");
        }
    }

    private void RecomputeDue(WorkingDayCalendar calendar)
    {
        if (WorkingDayLimit is not { } days || AcceptedOn is not { } accepted || ClockStops.Any(s => s.To is null))
        {
            DueDate = null;
            return;
        }

        DueDate = calendar.AddWorkingDays(accepted, days, ClockStops.Select(s => new DateInterval(s.From, s.To!.Value)));
    }
}
