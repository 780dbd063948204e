using Lodestone.Domain.Parties;

namespace Lodestone.Domain.Tests.Parties;

/// <summary>The 50% rule: direct, indirect through controlled chains, and in aggregate.</summary>
public sealed class OwnershipGraphTests
{
    private static readonly Guid Defence = Guid.NewGuid();
    private static readonly Guid Defence2 = Guid.NewGuid();
    private static readonly Guid Holding = Guid.NewGuid();
    private static readonly Guid Subject = Guid.NewGuid();

    private static readonly Dictionary<Guid, string> Names = new() { [Defence] = "Defence Corp", [Defence2] = "Arms Ltd", [Holding] = "Holding", [Subject] = "Subject" };

    private static Ownership Edge(Guid owner, Guid owned, decimal percent) => Ownership.Create(Guid.NewGuid(), owner, owned, percent, 0);

    private static OwnershipTaint Assess(params Ownership[] edges) =>
        new OwnershipGraph(edges).Assess(Subject, new HashSet<Guid> { Defence, Defence2 }, id => Names[id]);

    [Fact]
    public void A_wholly_owned_subsidiary_is_tainted_and_the_chain_says_why()
    {
        var taint = Assess(Edge(Defence, Subject, 100));
        Assert.True(taint.Tainted);
        Assert.Equal(["Subject is 100% owned by Defence Corp"], taint.Chain);
    }

    [Fact]
    public void Exactly_fifty_percent_is_enough() => Assert.True(Assess(Edge(Defence, Subject, 50)).Tainted);

    [Fact]
    public void Forty_nine_percent_is_a_minority_stake_not_a_finding()
    {
        var taint = Assess(Edge(Defence, Subject, 49));
        Assert.False(taint.Tainted);
        Assert.Single(taint.MinorityStakes);
    }

    [Fact]
    public void Taint_passes_down_a_chain_of_controlling_stakes_without_multiplying()
    {
        // 80% × 70% = 56% look-through, but the rule asks about control at each link.
        var taint = Assess(Edge(Defence, Holding, 80), Edge(Holding, Subject, 70));
        Assert.True(taint.Tainted);
        Assert.Equal(2, taint.Chain.Count);

        // 64% × 70% = 44.8% look-through: still caught, since each link is controlling.
        Assert.True(Assess(Edge(Defence, Holding, 64), Edge(Holding, Subject, 70)).Tainted);
    }

    [Fact]
    public void A_chain_through_a_minority_holding_breaks()
    {
        Assert.False(Assess(Edge(Defence, Holding, 40), Edge(Holding, Subject, 100)).Tainted);
    }

    [Fact]
    public void Stakes_of_several_tainted_owners_add_up() =>
        Assert.True(Assess(Edge(Defence, Subject, 30), Edge(Defence2, Subject, 30)).Tainted);

    [Fact]
    public void Cross_holdings_do_not_loop_forever()
    {
        var taint = Assess(Edge(Defence, Holding, 60), Edge(Holding, Subject, 40), Edge(Subject, Holding, 40));
        Assert.False(taint.Tainted);
        Assert.Single(taint.MinorityStakes);
    }

    [Fact]
    public void A_seed_is_tainted_by_itself() =>
        Assert.True(new OwnershipGraph([]).Assess(Defence, new HashSet<Guid> { Defence }, id => Names[id]).Tainted);

    [Fact]
    public void Ownership_shares_must_be_positive_and_add_up_to_at_most_100()
    {
        Assert.Throws<Lodestone.Domain.Common.DomainException>(() => Ownership.Create(Guid.NewGuid(), Defence, Subject, 0, 0));
        Assert.Throws<Lodestone.Domain.Common.DomainException>(() => Ownership.Create(Guid.NewGuid(), Defence, Subject, 60, 50));
        Assert.Throws<Lodestone.Domain.Common.DomainException>(() => Ownership.Create(Guid.NewGuid(), Subject, Subject, 10, 0));
    }
}
