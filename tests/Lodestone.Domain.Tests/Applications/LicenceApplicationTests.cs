using Lodestone.Domain.Applications;
using Lodestone.Domain.Common;
using Lodestone.Domain.Licences;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;
using static Lodestone.Domain.Tests.Applications.ApplicationBuilder;
using static Lodestone.Domain.Tests.ReferenceFiles;

namespace Lodestone.Domain.Tests.Applications;

public sealed class FilingTests
{
    [Fact]
    public void Only_an_exporter_in_China_can_apply()
    {
        var foreign = Party.Create(Guid.NewGuid(), "Trader", null, null, CountryCode.Parse("HK", "c"), PartyKind.Company, null, null, null);
        Assert.Equal("exporterId", Assert.Throws<DomainException>(() => Filed_(exporter: foreign)).Field);
    }

    [Theory]
    [InlineData(0, 1, "items[0].quantityKg")]
    [InlineData(-5, 1, "items[0].quantityKg")]
    [InlineData(10, -1, "items[0].value")]
    public void Quantities_must_be_positive_and_values_not_negative(decimal kg, decimal value, string field) =>
        Assert.Equal(field, Assert.Throws<DomainException>(() => Filed_(Draft(Channel.Individual, Item(kg, value)))).Field);

    [Fact]
    public void An_end_use_must_be_described() =>
        Assert.Equal("endUse.description", Assert.Throws<DomainException>(() => Filed_(Draft() with { EndUse = new EndUse(EndUseCategory.Automotive, " ") })).Field);

    [Fact]
    public void Registration_only_needs_the_contract_while_licences_need_all_of_art_16() =>
        Assert.Multiple(
            () => Assert.Empty(LicenceApplication.MissingDocuments(Channel.Registration, [DocumentKind.Contract])),
            () => Assert.Equal([DocumentKind.TechnicalDescription], LicenceApplication.MissingDocuments(Channel.Individual, [DocumentKind.EndUserCertificate, DocumentKind.Contract, DocumentKind.EndUseStatement])));
}

public sealed class RoutingAndClockTests
{
    [Fact]
    public void Routing_accepts_and_sets_the_45_working_day_due_date()
    {
        var application = Routed();
        Assert.Equal(ApplicationStatus.InReview, application.Status);
        Assert.Equal(D("2025-09-15"), application.AcceptedOn);
        Assert.Equal(D("2025-11-21"), application.DueDate);
    }

    [Fact]
    public void A_lane_without_a_limit_has_no_due_date() => Assert.Null(Routed(Lane.Enhanced, workingDays: null).DueDate);

    [Fact]
    public void Not_controlled_closes_the_application() =>
        Assert.Equal(ApplicationStatus.NotRequired, Routed(Lane.NotControlled, null).Status);

    [Fact]
    public void A_closed_clock_stop_pushes_the_due_date_back()
    {
        var application = Routed();
        application.StopClock(Guid.NewGuid(), ClockStopReason.ExpertConsultation, "metallurgy expert", D("2025-10-13"), D("2025-10-17"), ChinaCalendar);
        Assert.Equal(D("2025-11-28"), application.DueDate);
        Assert.Equal(ApplicationStatus.InReview, application.Status);
    }

    [Fact]
    public void An_open_clock_stop_suspends_the_due_date_until_resumed()
    {
        var application = Routed();
        application.StopClock(Guid.NewGuid(), ClockStopReason.InformationRequest, null, D("2025-10-13"), null, ChinaCalendar);
        Assert.Equal(ApplicationStatus.ClockStopped, application.Status);
        Assert.Null(application.DueDate);

        application.ResumeClock(D("2025-10-17"), ChinaCalendar);
        Assert.Equal(ApplicationStatus.InReview, application.Status);
        Assert.Equal(D("2025-11-28"), application.DueDate);
    }

    [Fact]
    public void Overlapping_and_backwards_stops_are_refused()
    {
        var application = Routed();
        application.StopClock(Guid.NewGuid(), ClockStopReason.Identification, null, D("2025-10-13"), D("2025-10-17"), ChinaCalendar);
        Assert.Equal("from", Assert.Throws<DomainException>(() => application.StopClock(Guid.NewGuid(), ClockStopReason.OnSiteCheck, null, D("2025-10-16"), D("2025-10-20"), ChinaCalendar)).Field);
        Assert.Equal("to", Assert.Throws<DomainException>(() => application.StopClock(Guid.NewGuid(), ClockStopReason.OnSiteCheck, null, D("2025-10-22"), D("2025-10-21"), ChinaCalendar)).Field);
        Assert.Equal("from", Assert.Throws<DomainException>(() => application.StopClock(Guid.NewGuid(), ClockStopReason.OnSiteCheck, null, D("2025-09-01"), D("2025-09-02"), ChinaCalendar)).Field);
    }
}

public sealed class DecisionTests
{
    [Fact]
    public void Approval_records_the_officer_policy_and_rules()
    {
        var application = Routed();
        var decision = application.Approve("officer@mofcom", "Civil use verified", Filed.AddDays(20), overridePresumption: false, Guid.NewGuid());
        Assert.Equal(ApplicationStatus.Approved, application.Status);
        Assert.Equal(("officer@mofcom", "2025.1", false), (decision.DecidedBy, decision.PolicyVersion, decision.Override));
        Assert.Equal(["rule"], decision.RuleIds);
    }

    [Fact]
    public void A_decided_application_cannot_be_decided_again()
    {
        var application = Routed();
        application.Deny("officer", "no evidence", Filed.AddDays(3));
        Assert.Throws<InvalidStateException>(() => application.Approve("officer", "changed my mind", Filed.AddDays(4), false, Guid.NewGuid()));
        Assert.Throws<InvalidStateException>(() => application.Deny("officer", "again", Filed.AddDays(4)));
    }

    [Fact]
    public void The_prohibited_lane_cannot_be_approved() =>
        Assert.Contains("art. 29", Assert.Throws<InvalidStateException>(() => Routed(Lane.Prohibited, null).Approve("o", "r", Filed, true, Guid.NewGuid())).Message, StringComparison.Ordinal);

    [Fact]
    public void A_presumption_of_denial_needs_an_explicit_override_which_is_recorded()
    {
        var application = Routed(Lane.PresumptionOfDenial);
        Assert.Throws<InvalidStateException>(() => application.Approve("o", "r", Filed, false, Guid.NewGuid()));
        Assert.True(application.Approve("o", "verified on site", Filed, true, Guid.NewGuid()).Override);
    }

    [Fact]
    public void No_decision_while_the_clock_is_stopped()
    {
        var application = Routed();
        application.StopClock(Guid.NewGuid(), ClockStopReason.OnSiteCheck, null, D("2025-09-20"), null, ChinaCalendar);
        Assert.Throws<InvalidStateException>(() => application.Deny("o", "r", Filed));
    }

    [Fact]
    public void A_decision_needs_a_reason() =>
        Assert.Equal("reason", Assert.Throws<DomainException>(() => Routed().Deny("o", " ", Filed)).Field);

    [Fact]
    public void Withdrawal_ends_the_review()
    {
        var application = Routed();
        application.Withdraw("exporter", "order cancelled", Filed);
        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.Throws<InvalidStateException>(() => application.Deny("o", "r", Filed));
    }
}

public sealed class LicenceIssueTests
{
    [Fact]
    public void An_individual_licence_is_valid_one_year_with_the_full_balance()
    {
        var application = Routed();
        var licence = Licence.Issue(Guid.NewGuid(), "EL-2025-1", application, "officer", Filed);
        Assert.Equal((LicenceType.Individual, D("2025-09-15"), D("2026-09-14")), (licence.Type, licence.ValidFrom, licence.ValidUntil));
        Assert.Equal((1000m, 80000m, 1000m), (licence.QuantityKg, licence.Value, licence.RemainingKg));
        Assert.Equal(["1C905.a.4"], licence.Items.Single().ControlCodes);
    }

    [Fact]
    public void A_general_licence_may_run_three_years_but_not_more()
    {
        var application = Routed(channel: Channel.General);
        Assert.Equal(D("2028-09-14"), Licence.Issue(Guid.NewGuid(), "EL-1", application, "o", Filed).ValidUntil);
        Assert.Equal("validityMonths", Assert.Throws<DomainException>(() => Licence.Issue(Guid.NewGuid(), "EL-2", application, "o", Filed, 37)).Field);
    }

    [Fact]
    public void An_individual_licence_cannot_exceed_one_year() =>
        Assert.Throws<DomainException>(() => Licence.Issue(Guid.NewGuid(), "EL-3", Routed(), "o", Filed, 13));
}
