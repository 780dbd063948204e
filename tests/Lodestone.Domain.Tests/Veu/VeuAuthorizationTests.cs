using Lodestone.Domain.Common;
using Lodestone.Domain.Routing;
using Lodestone.Domain.Veu;
using static Lodestone.Domain.Tests.ReferenceFiles;

namespace Lodestone.Domain.Tests.Veu;

public sealed class VeuAuthorizationTests
{
    private static readonly DateTimeOffset Applied = new(2025, 9, 15, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Exporter = Guid.NewGuid();
    private static readonly Guid EndUser = Guid.NewGuid();
    private static readonly string[] Panel = ["commerce", "state", "defence"];

    private static VeuApplication Application(decimal cap = 1000m, EndUseCategory use = EndUseCategory.Automotive, IReadOnlyList<VeuDocumentKind>? documents = null) => new()
    {
        ExporterIds = [Exporter],
        EndUserId = EndUser,
        EndUserCountry = CountryCode.Parse("DE", "country"),
        Facilities = [new VeuFacility("Hildesheim plant", "Robert-Bosch-Str. 200, Hildesheim", CountryCode.Parse("DE", "country"))],
        ControlCodes = ["1C905", "1C904.a"],
        EndUse = use,
        EndUseDescription = "EV traction motors",
        AnnualCapKg = cap,
        ValidityMonths = 12,
        Documents = documents ?? VeuApplication.RequiredDocuments,
    };

    private static VeuAuthorization Applied_(decimal cap = 1000m) => VeuAuthorization.Apply(Guid.NewGuid(), "VEU-2025-TEST", Application(cap), "exporter", Exporter, Applied);

    private static VeuAuthorization InVetting(IReadOnlyList<VettingFinding>? findings = null)
    {
        var veu = Applied_();
        veu.Vet(findings ?? [new VettingFinding("screening", "No list hits.", false)], Panel, "officer", Applied.AddDays(1), ChinaCalendar);
        return veu;
    }

    private static VeuAuthorization Active(decimal cap = 1000m)
    {
        var veu = Applied_(cap);
        veu.Vet([], Panel, "officer", Applied.AddDays(1), ChinaCalendar);
        foreach (var member in Panel)
        {
            veu.Vote(member, VoteChoice.Grant, "civil use verified", Applied.AddDays(10));
        }

        return veu;
    }

    private static VeuExport Export(decimal kg = 100m, string? facility = "Hildesheim plant", string code = "1C905.a.4", EndUseCategory use = EndUseCategory.Automotive, Guid? exporter = null, DateOnly? on = null) =>
        new(exporter ?? Exporter, EndUser, facility, [code], use, kg, on ?? new DateOnly(2025, 10, 1));

    [Fact]
    public void An_application_missing_a_document_or_for_a_military_use_is_refused_with_the_field()
    {
        var missing = Assert.Throws<DomainException>(() => VeuAuthorization.Apply(Guid.NewGuid(), "V", Application(documents: [VeuDocumentKind.EndUserCertificate]), "x", null, Applied));
        Assert.Equal("documents", missing.Field);
        Assert.Contains("on-site-consent", missing.Message, StringComparison.Ordinal);
        var military = Assert.Throws<DomainException>(() => VeuAuthorization.Apply(Guid.NewGuid(), "V", Application(use: EndUseCategory.Military), "x", null, Applied));
        Assert.Equal("endUse.category", military.Field);
        var tooLong = Assert.Throws<DomainException>(() => VeuAuthorization.Apply(Guid.NewGuid(), "V", Application() with { ValidityMonths = 37 }, "x", null, Applied));
        Assert.Equal("validityMonths", tooLong.Field);
    }

    [Fact]
    public void Vetting_fixes_the_panel_and_a_grant_needs_every_vote()
    {
        var veu = InVetting();
        Assert.Equal(VeuStatus.Vetting, veu.Status);
        Assert.Equal(Panel, veu.Panel);
        veu.Vote("commerce", VoteChoice.Grant, "ok", Applied.AddDays(5));
        veu.Vote("state", VoteChoice.Grant, "ok", Applied.AddDays(5));
        Assert.Equal(VeuStatus.Vetting, veu.Status);
        Assert.Equal(["defence"], veu.PendingMembers);
        veu.Vote("defence", VoteChoice.Grant, "ok", Applied.AddDays(6));
        Assert.Equal(VeuStatus.Active, veu.Status);
        Assert.Equal(new DateOnly(2025, 9, 21), veu.ValidFrom);
        Assert.Equal(new DateOnly(2026, 9, 20), veu.ValidUntil);
    }

    [Fact]
    public void One_deny_among_grants_refuses_it_once_everyone_has_voted()
    {
        var veu = InVetting();
        veu.Vote("commerce", VoteChoice.Grant, "ok", Applied.AddDays(5));
        veu.Vote("state", VoteChoice.Deny, "end use not credible", Applied.AddDays(5));
        Assert.Equal(VeuStatus.Vetting, veu.Status);
        veu.Vote("defence", VoteChoice.Grant, "ok", Applied.AddDays(6));
        Assert.Equal(VeuStatus.Refused, veu.Status);
        Assert.Null(veu.ValidFrom);
        Assert.Contains("1 of 3", veu.History[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Votes_from_outside_the_panel_twice_or_out_of_turn_are_refused()
    {
        Assert.Throws<InvalidStateException>(() => Applied_().Vote("commerce", VoteChoice.Grant, "early", Applied));
        var veu = InVetting();
        Assert.Throws<InvalidStateException>(() => veu.Vote("energy", VoteChoice.Grant, "not on the panel", Applied));
        veu.Vote("commerce", VoteChoice.Grant, "ok", Applied);
        Assert.Throws<InvalidStateException>(() => veu.Vote("Commerce", VoteChoice.Deny, "changed my mind", Applied));
        Assert.Throws<DomainException>(() => veu.Vote("state", VoteChoice.Grant, " ", Applied));
    }

    [Fact]
    public void A_blocking_finding_makes_a_grant_vote_impossible_and_says_why()
    {
        var veu = InVetting([new VettingFinding("end-user", "Military-linked: owned 80% by a defence firm.", true)]);
        var refused = Assert.Throws<InvalidStateException>(() => veu.Vote("commerce", VoteChoice.Grant, "ok", Applied));
        Assert.Contains("cannot be granted", refused.Message, StringComparison.Ordinal);
        Assert.Contains("owned 80% by a defence firm", refused.Message, StringComparison.Ordinal);
        foreach (var member in Panel)
        {
            veu.Vote(member, VoteChoice.Deny, "military-linked", Applied);
        }

        Assert.Equal(VeuStatus.Refused, veu.Status);
    }

    [Fact]
    public void An_information_request_stops_the_clock_and_holds_the_votes()
    {
        var veu = InVetting();
        var due = veu.DueDate;
        Assert.NotNull(due);
        veu.RequestInformation(Guid.NewGuid(), "Customer list for 2024", "officer", new DateTimeOffset(2025, 10, 13, 2, 0, 0, TimeSpan.Zero), ChinaCalendar);
        Assert.Null(veu.DueDate);
        Assert.Throws<InvalidStateException>(() => veu.Vote("commerce", VoteChoice.Grant, "ok", Applied.AddDays(30)));
        Assert.Throws<InvalidStateException>(() => veu.RequestInformation(Guid.NewGuid(), "more", "officer", Applied.AddDays(30), ChinaCalendar));
        veu.ProvideInformation("Attached", "exporter", new DateTimeOffset(2025, 10, 17, 2, 0, 0, TimeSpan.Zero), ChinaCalendar);
        Assert.True(veu.DueDate > due, $"{veu.DueDate} should be after {due}");
        Assert.Equal(5, ChinaCalendar.WorkingDaysBetween(due!.Value, veu.DueDate!.Value)); // Mon 13 – Fri 17 Oct stopped
        veu.Vote("commerce", VoteChoice.Grant, "ok", Applied.AddDays(40));
    }

    [Fact]
    public void Review_suspension_reinstatement_and_removal_follow_the_lifecycle()
    {
        var veu = Active();
        Assert.Throws<InvalidStateException>(() => veu.Vote("commerce", VoteChoice.Deny, "remove", Applied.AddDays(20)));
        Assert.Throws<InvalidStateException>(() => veu.Reinstate("ok", [], "officer", Applied.AddDays(20)));
        Assert.True(veu.PutUnderReview("new hit on the end user", "system", Applied.AddDays(20)));
        Assert.False(veu.PutUnderReview("second trigger", "system", Applied.AddDays(20)));
        Assert.Equal(VeuStatus.UnderReview, veu.Status);

        var blocked = Assert.Throws<InvalidStateException>(() => veu.Reinstate("ok", [new VettingFinding("end-user", "On the watch list.", true)], "officer", Applied.AddDays(21)));
        Assert.Contains("On the watch list", blocked.Message, StringComparison.Ordinal);
        Assert.Equal(VeuStatus.UnderReview, veu.Status);
        veu.Reinstate("hit cleared as a namesake", [], "officer", Applied.AddDays(22));
        Assert.Equal(VeuStatus.Active, veu.Status);

        veu.Suspend("reports overdue", "officer", Applied.AddDays(30));
        Assert.Equal(VeuStatus.Suspended, veu.Status);
        Assert.Throws<InvalidStateException>(() => veu.Suspend("again", "officer", Applied.AddDays(31)));
        veu.Vote("commerce", VoteChoice.Deny, "diversion", Applied.AddDays(32));
        Assert.Equal(VeuStatus.Suspended, veu.Status); // 1 of 3 is no majority
        veu.Vote("state", VoteChoice.Deny, "agree", Applied.AddDays(33));
        Assert.Equal(VeuStatus.Revoked, veu.Status);
        Assert.Throws<InvalidStateException>(() => veu.Reinstate("please", [], "officer", Applied.AddDays(34)));
        Assert.Throws<InvalidStateException>(() => veu.Suspend("late", "officer", Applied.AddDays(34)));
    }

    [Fact]
    public void Removal_votes_of_an_earlier_review_do_not_count_in_a_later_one()
    {
        var veu = Active();
        veu.Suspend("check", "officer", Applied.AddDays(20));
        veu.Vote("commerce", VoteChoice.Deny, "remove", Applied.AddDays(21));
        veu.Reinstate("check passed", [], "officer", Applied.AddDays(22));
        veu.Suspend("second check", "officer", Applied.AddDays(40));
        Assert.Equal(Panel, veu.PendingMembers);
        veu.Vote("state", VoteChoice.Deny, "remove", Applied.AddDays(41));
        Assert.Equal(VeuStatus.Suspended, veu.Status); // the first round's vote is history, not a second vote now
        veu.Vote("commerce", VoteChoice.Deny, "remove again", Applied.AddDays(42));
        Assert.Equal(VeuStatus.Revoked, veu.Status);
    }

    [Fact]
    public void Revocation_is_only_for_a_veu_under_review_or_suspended_and_final_states_take_no_votes()
    {
        var vetting = InVetting();
        var early = Assert.Throws<InvalidStateException>(() => vetting.VoteToRemove("commerce", "no", Applied));
        Assert.Contains("only a VEU under review or suspended can be revoked", early.Message, StringComparison.Ordinal);
        Assert.Empty(vetting.Votes);

        var active = Active();
        var onActive = Assert.Throws<InvalidStateException>(() => active.Vote("commerce", VoteChoice.Grant, "again", Applied.AddDays(20)));
        Assert.Contains("is active", onActive.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidStateException>(() => active.Vet([], Panel, "officer", Applied.AddDays(20), ChinaCalendar));
        Assert.Throws<InvalidStateException>(() => active.RequestInformation(Guid.NewGuid(), "why", "officer", Applied.AddDays(20), ChinaCalendar));
    }

    [Fact]
    public void Refreshing_vetting_drops_members_who_left_before_voting()
    {
        var veu = InVetting();
        veu.Vote("commerce", VoteChoice.Grant, "ok", Applied.AddDays(2));
        veu.Vet([], ["state"], "officer", Applied.AddDays(3), ChinaCalendar); // commerce voted, defence left
        Assert.Equal(["commerce", "state"], veu.Panel);
        veu.Vote("state", VoteChoice.Grant, "ok", Applied.AddDays(4));
        Assert.Equal(VeuStatus.Active, veu.Status);
    }

    [Fact]
    public void It_expires_after_its_last_valid_day_only()
    {
        var veu = Active();
        Assert.False(veu.ExpireIfDue(veu.ValidUntil!.Value, Applied.AddYears(1)));
        Assert.True(veu.InForceOn(veu.ValidUntil!.Value));
        Assert.True(veu.ExpireIfDue(veu.ValidUntil!.Value.AddDays(1), Applied.AddYears(1)));
        Assert.Equal(VeuStatus.Expired, veu.Status);
        Assert.False(veu.ExpireIfDue(veu.ValidUntil!.Value.AddDays(2), Applied.AddYears(1)));
    }

    [Fact]
    public void The_scope_check_names_every_gap()
    {
        var veu = Active();
        Assert.True(veu.Check(Export(), 0m).Covered);
        Assert.True(veu.Check(Export(code: "1C904.a.4"), 0m).Covered);

        var gaps = veu.Check(Export(facility: "Bamberg plant", code: "1C902.a.1", use: EndUseCategory.Electronics, exporter: Guid.NewGuid()), 0m).Gaps;
        Assert.Contains(gaps, g => g.StartsWith("facility not covered", StringComparison.Ordinal));
        Assert.Contains(gaps, g => g.StartsWith("item 1C902.a.1 not in scope", StringComparison.Ordinal));
        Assert.Contains(gaps, g => g.StartsWith("end use electronics not covered", StringComparison.Ordinal));
        Assert.Contains(gaps, g => g.StartsWith("exporter not covered", StringComparison.Ordinal));
        Assert.Equal(4, gaps.Count);
        Assert.Contains("covers named facilities only", Assert.Single(veu.Check(Export(facility: null), 0m).Gaps), StringComparison.Ordinal);
        Assert.Contains("valid from", Assert.Single(veu.Check(Export(on: veu.ValidUntil!.Value.AddDays(1)), 0m).Gaps), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1000, true)]
    [InlineData(600, 400, true)]
    [InlineData(600, 400.001, false)]
    [InlineData(1000, 0.001, false)]
    public void The_cap_holds_at_its_boundary(decimal drawn, decimal asked, bool covered)
    {
        var check = Active(cap: 1000m).Check(Export(kg: asked), drawn);
        Assert.Equal(covered, check.Covered);
        if (!covered)
        {
            Assert.StartsWith($"annual cap exceeded: {VeuAuthorization.Kg(drawn + asked).Replace(" kg", string.Empty, StringComparison.Ordinal)} of 1,000 kg (2025)", Assert.Single(check.Gaps), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_suspended_veu_says_since_when()
    {
        var veu = Active();
        veu.Suspend("reports overdue", "officer", new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
        Assert.Equal("VEU-2025-TEST suspended on 2026-03-02", Assert.Single(veu.Check(Export(), 0m).Gaps));
    }

    [Theory]
    [InlineData("1C905", true)]
    [InlineData("1C905.a.4", true)]
    [InlineData("1C9051", false)]
    [InlineData("1C904.b", false)]
    [InlineData("1C904.a.2", true)]
    public void A_scope_code_covers_its_sub_entries_only(string code, bool covered) => Assert.Equal(covered, Active().CoversCode(code));

    [Fact]
    public void Cap_years_cover_every_calendar_year_of_the_validity_in_whole_grams()
    {
        var veu = Active(cap: 1000.001m);
        var years = VeuCapYear.For(veu).ToList();
        Assert.Equal([2025, 2026], years.Select(y => y.Year));
        Assert.All(years, y => Assert.Equal(1_000_001, y.CapGrams));
        Assert.Empty(VeuCapYear.For(Applied_()));
        var finer = Assert.Throws<DomainException>(() => Applied_(cap: 1000.0004m));
        Assert.Equal("annualCapKg", finer.Field);
    }
}
