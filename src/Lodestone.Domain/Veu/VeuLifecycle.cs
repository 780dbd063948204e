using Lodestone.Domain.Calendar;
using Lodestone.Domain.Common;

namespace Lodestone.Domain.Veu;

/// <summary>Vetting, information requests, review, suspension, reinstatement and expiry.</summary>
public sealed partial class VeuAuthorization
{
    /// <summary>
    /// Opens vetting (or refreshes its findings while it runs): attaches the screening of the end user, its
    /// facilities, its owners and the exporters, and fixes the committee that will vote.
    /// </summary>
    public void Vet(IReadOnlyList<VettingFinding> findings, IReadOnlyList<string> panel, string by, DateTimeOffset now, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(calendar);
        if (Status is not (VeuStatus.Applied or VeuStatus.Vetting))
        {
            throw new InvalidStateException($"{Number} is {WireName.Of(Status)}; only an application can be vetted.");
        }

        var summary = findings.Count(f => f.Blocking) is var blocking and > 0
            ? $"{blocking} blocking finding(s): the committee cannot grant it."
            : $"{findings.Count} finding(s), none blocking.";
        Findings = findings;
        if (Status == VeuStatus.Applied)
        {
            var members = panel.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (members.Count == 0)
            {
                throw new InvalidStateException("There are no committee members to vote; create committee accounts first.");
            }

            Panel = members;
            MoveTo(VeuStatus.Vetting, now, by, "vetting-opened", $"Vetting opened; {members.Count} committee member(s) to vote. {summary}");
        }
        else
        {
            // A member who left the committee (locked or no longer in the role) before voting would hold the
            // unanimous vote forever; the refreshed panel keeps everyone who voted and every current member.
            var current = panel.Select(m => m.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var departed = Panel.Where(m => !current.Contains(m) && !Votes.Any(v => v.Purpose == VotePurpose.Grant && string.Equals(v.Member, m, StringComparison.OrdinalIgnoreCase))).ToList();
            if (departed.Count > 0 && departed.Count == Panel.Count)
            {
                throw new InvalidStateException("No member of the panel is left on the committee; create committee accounts first.");
            }

            Panel = Panel.Except(departed, StringComparer.OrdinalIgnoreCase).ToList();
            Record(now, by, "vetting-refreshed", $"Screening refreshed. {summary}{(departed.Count > 0 ? $" Left the panel: {string.Join(", ", departed)}." : string.Empty)}");
        }

        RecomputeDue(calendar);
    }

    /// <summary>An officer asks the applicant for more information; the vetting clock stops until it is answered.</summary>
    public VeuInformationRequest RequestInformation(Guid requestId, string? note, string by, DateTimeOffset now, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var text = CheckReason(note, "A request for information");
        if (Status is not (VeuStatus.Applied or VeuStatus.Vetting))
        {
            throw new InvalidStateException($"{Number} is {WireName.Of(Status)}; information is requested only before the decision.");
        }

        if (InformationRequests.Any(r => r.To is null))
        {
            throw new InvalidStateException($"{Number} is already waiting for information; it must be answered first.");
        }

        var request = new VeuInformationRequest(requestId, text, ChinaTime.DateOf(now), null, null);
        InformationRequests = [.. InformationRequests, request];
        Record(now, by, "information-requested", text);
        RecomputeDue(calendar);
        return request;
    }

    /// <summary>The applicant (or an officer on its behalf) answers the open request; the clock runs again.</summary>
    public void ProvideInformation(string? answer, string by, DateTimeOffset now, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var text = CheckReason(answer, "An answer");
        var open = InformationRequests.FirstOrDefault(r => r.To is null)
            ?? throw new InvalidStateException($"{Number} is not waiting for information.");
        var today = ChinaTime.DateOf(now);
        InformationRequests = InformationRequests.Select(r => r.Id == open.Id ? r with { To = today < r.From ? r.From : today, Answer = text } : r).ToList();
        Record(now, by, "information-provided", text);
        RecomputeDue(calendar);
    }

    /// <summary>
    /// Puts an active VEU under review: a new list hit on the end user or an owner, a change of ownership, an
    /// overdue post-shipment report. Returns false when it is not active (nothing to review, or already reviewed).
    /// </summary>
    public bool PutUnderReview(string reason, string by, DateTimeOffset now)
    {
        if (Status != VeuStatus.Active)
        {
            return false;
        }

        ReviewRound++;
        MoveTo(VeuStatus.UnderReview, now, by, "under-review", CheckReason(reason, "A review"));
        return true;
    }

    /// <summary>An officer suspends an active VEU or one under review.</summary>
    public void Suspend(string? reason, string by, DateTimeOffset now)
    {
        var text = CheckReason(reason, "A suspension");
        if (Status is not (VeuStatus.Active or VeuStatus.UnderReview))
        {
            throw new InvalidStateException($"{Number} is {WireName.Of(Status)}; only an active VEU or one under review can be suspended.");
        }

        if (Status == VeuStatus.Active)
        {
            ReviewRound++;
        }

        MoveTo(VeuStatus.Suspended, now, by, "suspended", text);
    }

    /// <summary>
    /// An officer reinstates a VEU under review or suspended, after vetting it again: a listed or
    /// military-linked end user cannot be reinstated, nor one past its validity.
    /// </summary>
    public void Reinstate(string? reason, IReadOnlyList<VettingFinding> findings, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var text = CheckReason(reason, "A reinstatement");
        if (Status is not (VeuStatus.UnderReview or VeuStatus.Suspended))
        {
            throw new InvalidStateException($"{Number} is {WireName.Of(Status)}; only a VEU under review or suspended can be reinstated.");
        }

        if (ValidUntil < ChinaTime.DateOf(now))
        {
            throw new InvalidStateException($"{Number} ended on {ValidUntil:yyyy-MM-dd}; it cannot be reinstated. Apply again.");
        }

        Findings = findings;
        var blocking = findings.Where(f => f.Blocking).ToList();
        if (blocking.Count > 0)
        {
            Record(now, by, "reinstatement-refused", $"Blocking findings: {string.Join(" ", blocking.Select(f => f.Finding))}");
            throw new InvalidStateException($"{Number} cannot be reinstated: {string.Join(" ", blocking.Select(f => $"{f.Subject}: {f.Finding}"))}");
        }

        MoveTo(VeuStatus.Active, now, by, "reinstated", text);
    }

    /// <summary>Ends a VEU whose validity is over. Returns false when it is not live or still valid.</summary>
    public bool ExpireIfDue(DateOnly today, DateTimeOffset now)
    {
        if (Status is not (VeuStatus.Active or VeuStatus.UnderReview or VeuStatus.Suspended) || ValidUntil is not { } until || until >= today)
        {
            return false;
        }

        MoveTo(VeuStatus.Expired, now, "system", "expired", $"Validity ended on {until:yyyy-MM-dd}.");
        return true;
    }
}
