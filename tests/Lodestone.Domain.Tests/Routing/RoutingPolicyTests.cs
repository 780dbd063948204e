using Lodestone.Domain.Common;
using Lodestone.Domain.Routing;

namespace Lodestone.Domain.Tests.Routing;

public sealed class RoutingPolicyTests
{
    private static PolicyRule Rule(string id, Lane lane, RuleConditions? when = null) => new(id, lane, $"{id} reason", when ?? new RuleConditions(), 1);

    [Fact]
    public void The_first_matching_rule_wins()
    {
        var policy = RoutingPolicy.Create("t", new DateOnly(2025, 1, 1), null,
            [Rule("a", Lane.Enhanced, new RuleConditions { ItemControlled = true }), Rule("b", Lane.Prohibited, new RuleConditions { ItemControlled = true }), Rule("z", Lane.Standard)], []);
        Assert.Equal(["a"], policy.Evaluate(Facts.Civilian()).RuleIds);
    }

    [Fact]
    public void All_conditions_of_a_rule_must_hold()
    {
        var policy = RoutingPolicy.Create("t", new DateOnly(2025, 1, 1), null,
            [Rule("jp-auto", Lane.Enhanced, new RuleConditions { Destinations = [Facts.Country("JP")], EndUses = [EndUseCategory.Automotive] }), Rule("z", Lane.Standard)], []);
        Assert.Equal(["z"], policy.Evaluate(Facts.Civilian()).RuleIds);
        Assert.Equal(["jp-auto"], policy.Evaluate(Facts.Civilian() with { Destination = Facts.Country("JP") }).RuleIds);
    }

    [Fact]
    public void A_control_code_condition_matches_by_prefix()
    {
        var policy = RoutingPolicy.Create("t", new DateOnly(2025, 1, 1), null,
            [Rule("dy", Lane.Enhanced, new RuleConditions { ControlCodes = ["1C905"] }), Rule("z", Lane.Standard)], []);
        Assert.Equal(["dy"], policy.Evaluate(Facts.Civilian()).RuleIds);
        Assert.Equal(["z"], policy.Evaluate(Facts.Civilian() with { ControlCodes = ["1C904.a.4"] }).RuleIds);
    }

    [Fact]
    public void Lane_time_limits_come_from_the_policy() =>
        Assert.Equal(30, RoutingPolicy.Create("t", new DateOnly(2025, 1, 1), null, [Rule("z", Lane.Standard)], [new LaneSettings(Lane.Standard, 30)]).Evaluate(Facts.Civilian()).WorkingDays);

    [Fact]
    public void A_policy_without_a_catch_all_is_refused() =>
        Assert.Contains("last rule", Assert.Throws<DomainException>(() => RoutingPolicy.Create("t", new DateOnly(2025, 1, 1), null, [Rule("a", Lane.Standard, new RuleConditions { ItemControlled = true })], [])).Message, StringComparison.Ordinal);

    [Fact]
    public void A_catch_all_before_other_rules_is_refused() =>
        Assert.Contains("never fire", Assert.Throws<DomainException>(() => RoutingPolicy.Create("t", new DateOnly(2025, 1, 1), null, [Rule("a", Lane.Standard), Rule("b", Lane.Standard)], [])).Message, StringComparison.Ordinal);

    [Fact]
    public void Duplicate_rule_ids_are_refused() =>
        Assert.Contains("used twice", Assert.Throws<DomainException>(() => RoutingPolicy.Create("t", new DateOnly(2025, 1, 1), null, [Rule("a", Lane.Enhanced, new RuleConditions { ItemControlled = true }), Rule("a", Lane.Standard)], [])).Message, StringComparison.Ordinal);
}
