using Lodestone.Domain.Checks;
using Lodestone.Domain.Common;
using static Lodestone.Domain.Tests.ReferenceFiles;

namespace Lodestone.Domain.Tests.Checks;

public sealed class EndUseCheckTests
{
    /// <summary>Monday 15 Sep 2025, 10:00 in Beijing.</summary>
    private static readonly DateTimeOffset Opened = new(2025, 9, 15, 2, 0, 0, TimeSpan.Zero);

    private static EndUseCheck Open(EndUseCheckKind kind = EndUseCheckKind.Document, DateOnly? deadline = null, int? workingDays = null) =>
        EndUseCheck.Open(Guid.NewGuid(), "EUC-2025-TEST", kind, Guid.NewGuid(), CheckedRole.EndUser, null, null, "Diversion suspected", deadline, workingDays, "officer", Opened, ChinaCalendar);

    private static EndUseCheck Requested(EndUseCheckKind kind = EndUseCheckKind.Document)
    {
        var check = Open(kind);
        check.RequestDocuments("EUC and ledgers", "officer", Opened.AddDays(1));
        return check;
    }

    private static DateTimeOffset DayAfter(EndUseCheck check) => new(check.Deadline.AddDays(1).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);

    private static DateTimeOffset OnDeadline(EndUseCheck check) => new(check.Deadline.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);

    [Fact]
    public void The_default_deadline_is_30_working_days_skipping_the_national_day_holiday()
    {
        var check = Open();
        Assert.Equal(EndUseCheckStatus.Open, check.Status);

        // 15 Sep + 30 working days skips 1–8 Oct 2025 (National Day and Mid-Autumn) and counts the make-up days Sun 28 Sep and Sat 11 Oct.
        Assert.Equal(ChinaCalendar.AddWorkingDays(new DateOnly(2025, 9, 15), 30), check.Deadline);
        Assert.Equal(new DateOnly(2025, 10, 31), check.Deadline);
        Assert.Equal(30, ChinaCalendar.WorkingDaysBetween(check.OpenedOn, check.Deadline));
        Assert.Equal("opened", Assert.Single(check.History).Action);
    }

    [Fact]
    public void A_deadline_is_a_date_after_today_or_a_number_of_working_days_not_both()
    {
        Assert.Equal(new DateOnly(2025, 9, 22), Open(workingDays: 5).Deadline);
        Assert.Equal(new DateOnly(2025, 12, 1), Open(deadline: new DateOnly(2025, 12, 1)).Deadline);
        Assert.Equal("deadline", Assert.Throws<DomainException>(() => Open(deadline: new DateOnly(2025, 9, 15))).Field);
        Assert.Equal("deadline", Assert.Throws<DomainException>(() => Open(deadline: new DateOnly(2025, 12, 1), workingDays: 5)).Field);
        Assert.Equal("workingDays", Assert.Throws<DomainException>(() => Open(workingDays: 0)).Field);
        Assert.Equal("workingDays", Assert.Throws<DomainException>(() => Open(workingDays: EndUseCheck.MaxWorkingDays + 1)).Field);
        Assert.Equal("reason", Assert.Throws<DomainException>(() => EndUseCheck.Open(
            Guid.NewGuid(), "N", EndUseCheckKind.OnSite, Guid.NewGuid(), CheckedRole.Importer, null, null, " ", null, null, "o", Opened, ChinaCalendar)).Field);
    }

    [Fact]
    public void Documents_are_requested_once_and_only_on_an_open_check()
    {
        var check = Requested();
        Assert.Equal(EndUseCheckStatus.DocumentsRequested, check.Status);
        Assert.Throws<InvalidStateException>(() => check.RequestDocuments("again", "officer", Opened.AddDays(2)));
        Assert.Equal("note", Assert.Throws<DomainException>(() => Open().RequestDocuments("", "officer", Opened)).Field);
    }

    [Theory]
    [InlineData(EndUseCheckStatus.Verified)]
    [InlineData(EndUseCheckStatus.Violation)]
    [InlineData(EndUseCheckStatus.NonCooperative)]
    public void Each_outcome_follows_a_request_and_is_final(EndUseCheckStatus outcome)
    {
        var check = Requested();
        var at = outcome == EndUseCheckStatus.NonCooperative ? DayAfter(check) : Opened.AddDays(3);
        Decide(check, outcome, at);
        Assert.Equal(outcome, check.Status);
        Assert.Equal("findings", check.Findings);
        Assert.True(check.IsDecided);
        Assert.False(check.IsOverdue(check.Deadline.AddDays(10)));

        foreach (var next in new[] { EndUseCheckStatus.Verified, EndUseCheckStatus.Violation, EndUseCheckStatus.NonCooperative })
        {
            Assert.Throws<InvalidStateException>(() => Decide(check, next, DayAfter(check)));
        }

        Assert.Throws<InvalidStateException>(() => check.RequestDocuments("more", "officer", DayAfter(check)));
    }

    [Fact]
    public void A_document_check_cannot_conclude_before_documents_are_requested_but_an_on_site_check_can()
    {
        var document = Open();
        Assert.Throws<InvalidStateException>(() => document.Verify("ok", "officer", Opened));
        Assert.Throws<InvalidStateException>(() => document.RecordViolation("diverted", "officer", Opened));
        Assert.Throws<InvalidStateException>(() => document.RecordNonCooperation("silent", "officer", DayAfter(document)));
        Assert.Equal(EndUseCheckStatus.Open, document.Status);

        var visit = Open(EndUseCheckKind.OnSite);
        visit.RecordViolation("Magnets found in a missile-fin actuator line", "officer", Opened.AddDays(2));
        Assert.Equal(EndUseCheckStatus.Violation, visit.Status);
    }

    [Fact]
    public void Non_cooperation_waits_until_the_day_after_the_deadline()
    {
        var check = Requested();
        var early = Assert.Throws<InvalidStateException>(() => check.RecordNonCooperation("silent", "officer", OnDeadline(check)));
        Assert.Contains("from 2025-11-01", early.Message, StringComparison.Ordinal);
        Assert.False(check.IsOverdue(check.Deadline));
        Assert.True(check.IsOverdue(check.Deadline.AddDays(1)));

        check.RecordNonCooperation("No answer by the deadline", "officer", DayAfter(check));
        Assert.Equal(EndUseCheckStatus.NonCooperative, check.Status);
        Assert.Equal(["opened", "documents-requested", "non-cooperative"], check.History.Select(e => e.Action));
    }

    [Fact]
    public void Findings_are_required_and_a_listing_note_keeps_the_status()
    {
        var check = Requested();
        Assert.Equal("findings", Assert.Throws<DomainException>(() => check.Verify(null, "officer", Opened)).Field);
        Assert.Equal("findings", Assert.Throws<DomainException>(() => check.RecordViolation(new string('x', EndUseCheck.MaxTextLength + 1), "officer", Opened)).Field);
        var version = check.Version;
        check.NoteListing("Proposed for cn-export-control", "officer", Opened);
        Assert.Equal(EndUseCheckStatus.DocumentsRequested, check.Status);
        Assert.Equal(version + 1, check.Version);
        Assert.Equal(EndUseCheckStatus.DocumentsRequested, check.History[^1].Status);
    }

    [Fact]
    public void A_proposal_is_confirmed_or_rejected_once_and_a_rejection_needs_a_reason()
    {
        var confirmed = ListProposal.Propose(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "cn-export-control", "diverted", "officer", Opened);
        Assert.Equal(ListProposalStatus.Pending, confirmed.Status);
        confirmed.Confirm(null, 7, "admin", Opened.AddDays(1));
        Assert.Equal((ListProposalStatus.Confirmed, 7, "admin"), (confirmed.Status, confirmed.ListVersion, confirmed.DecidedBy));
        Assert.Throws<InvalidStateException>(() => confirmed.Reject("changed my mind", "admin", Opened.AddDays(2)));
        Assert.Throws<InvalidStateException>(() => confirmed.Confirm(null, 8, "admin", Opened.AddDays(2)));

        var rejected = ListProposal.Propose(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "cn-export-control", "diverted", "officer", Opened);
        Assert.Equal("reason", Assert.Throws<DomainException>(() => rejected.Reject(" ", "admin", Opened)).Field);
        rejected.Reject("Evidence insufficient", "admin", Opened);
        Assert.Equal(ListProposalStatus.Rejected, rejected.Status);
        Assert.Null(rejected.ListVersion);
        Assert.Throws<InvalidStateException>(() => rejected.Confirm(null, 1, "admin", Opened));
    }

    private static void Decide(EndUseCheck check, EndUseCheckStatus outcome, DateTimeOffset at)
    {
        switch (outcome)
        {
            case EndUseCheckStatus.Verified: check.Verify("findings", "officer", at); break;
            case EndUseCheckStatus.Violation: check.RecordViolation("findings", "officer", at); break;
            default: check.RecordNonCooperation("findings", "officer", at); break;
        }
    }
}
