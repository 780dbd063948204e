using Lodestone.Domain.Applications;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;
using static Lodestone.Domain.Tests.ReferenceFiles;

namespace Lodestone.Domain.Tests.Routing;

/// <summary>The shipped default policy routes as domain.md §4.3 says.</summary>
public sealed class DefaultPolicyTests
{
    [Fact]
    public void A_civilian_export_of_controlled_items_gets_the_standard_45_day_lane()
    {
        var decision = Policy.Evaluate(Facts.Civilian());
        Assert.Equal(Lane.Standard, decision.Lane);
        Assert.Equal(45, decision.WorkingDays);
        Assert.Equal(["standard-review"], decision.RuleIds);
        Assert.Equal("2025.1", decision.PolicyVersion);
        Assert.Contains(decision.Reasons, r => r.Text.Contains("1C905.a.4", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_controlled_and_nothing_missing_needs_no_licence() =>
        Assert.Equal(Lane.NotControlled, Policy.Evaluate(Facts.Civilian() with { ItemControlled = false, ControlCodes = [] }).Lane);

    [Fact]
    public void Missing_evidence_never_passes_as_not_controlled()
    {
        var decision = Policy.Evaluate(Facts.Civilian() with { ItemControlled = false, ControlCodes = [], MissingEvidence = ["Item 1: no composition"] });
        Assert.Equal(Lane.Enhanced, decision.Lane);
        Assert.Equal(["missing-evidence"], decision.RuleIds);
        Assert.Contains(decision.Reasons, r => r.Text == "Item 1: no composition");
    }

    [Fact]
    public void A_control_list_hit_is_prohibited_and_says_which_entry()
    {
        var hit = new ListHit(ListKind.Control, "MOFCOM control list v3", "end-user", "Lockheed Martin Missiles and Fire Control");
        var decision = Policy.Evaluate(Facts.Civilian() with { ListHits = [hit] });
        Assert.Equal(Lane.Prohibited, decision.Lane);
        Assert.Contains(decision.Reasons, r => r.Text.Contains("Lockheed Martin Missiles and Fire Control", StringComparison.Ordinal));
        Assert.Null(decision.WorkingDays);
    }

    [Fact]
    public void A_Japanese_military_user_is_prohibited_under_Ann_1_2026() =>
        Assert.Equal(
            ["japan-military-user"],
            Policy.Evaluate(Facts.Civilian() with { Destination = Facts.Country("JP"), MilitaryLinked = true, MilitaryEvidence = ["MHI is a defence firm"] }).RuleIds);

    [Fact]
    public void A_US_defence_subsidiary_is_presumed_denied_with_the_ownership_chain_as_reason()
    {
        var decision = Policy.Evaluate(Facts.Civilian() with
        {
            Destination = Facts.Country("US"),
            EndUserSectors = [Sector.Aerospace],
            MilitaryLinked = true,
            MilitaryEvidence = ["Sikorsky is 100% owned by Lockheed Martin"],
        });
        Assert.Equal(Lane.PresumptionOfDenial, decision.Lane);
        Assert.Contains(decision.Reasons, r => r.Text == "Sikorsky is 100% owned by Lockheed Martin");
    }

    [Fact]
    public void A_military_end_use_is_presumed_denied_elsewhere_than_Japan() =>
        Assert.Equal(Lane.PresumptionOfDenial, Policy.Evaluate(Facts.Civilian() with { EndUse = EndUseCategory.Military }).Lane);

    [Fact]
    public void Weapons_of_mass_destruction_are_prohibited() =>
        Assert.Equal(Lane.Prohibited, Policy.Evaluate(Facts.Civilian() with { EndUse = EndUseCategory.Wmd }).Lane);

    [Fact]
    public void A_watch_list_party_goes_to_enhanced_without_a_deadline()
    {
        var decision = Policy.Evaluate(Facts.Civilian() with { ListHits = [new ListHit(ListKind.Watch, "watch list", "consignee", "x")] });
        Assert.Equal(Lane.Enhanced, decision.Lane);
        Assert.Null(decision.WorkingDays);
    }

    [Fact]
    public void Aerospace_end_users_get_enhanced_scrutiny() =>
        Assert.Equal(["dual-civil-defence-sector"], Policy.Evaluate(Facts.Civilian() with { EndUserSectors = [Sector.Aerospace] }).RuleIds);

    [Fact]
    public void A_minority_military_stake_is_a_red_flag() =>
        Assert.Equal(["military-minority-stake"], Policy.Evaluate(Facts.Civilian() with { MilitaryMinorityStakes = ["Hanwha holds 34%"] }).RuleIds);

    [Fact]
    public void An_exhibition_filed_for_registration_gets_a_voucher() =>
        Assert.Equal(Lane.Registration, Policy.Evaluate(Facts.Civilian() with { Channel = Channel.Registration, EndUse = EndUseCategory.Exhibition }).Lane);

    [Fact]
    public void Registration_outside_art_19_cases_falls_to_standard_review() =>
        Assert.Equal(Lane.Standard, Policy.Evaluate(Facts.Civilian() with { Channel = Channel.Registration }).Lane);

    [Fact]
    public void VEU_cover_fast_tracks_a_clean_civilian_export() =>
        Assert.Equal(Lane.VeuFastTrack, Policy.Evaluate(Facts.Civilian() with { VeuCover = "VEU-2026-0001" }).Lane);

    [Fact]
    public void Military_ties_beat_VEU_cover() =>
        Assert.Equal(Lane.PresumptionOfDenial, Policy.Evaluate(Facts.Civilian() with { VeuCover = "VEU-2026-0001", MilitaryLinked = true }).Lane);
}
