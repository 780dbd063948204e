using Lodestone.Domain.Classification;
using Lodestone.Domain.Common;
using static Lodestone.Domain.Tests.ReferenceFiles;

namespace Lodestone.Domain.Tests.Classification;

public sealed class ClassifierTests
{
    private static readonly DateOnly InForce = D("2025-09-01");

    private static ClassificationResult Classify(ProductForm form, string composition, DateOnly? on = null, string? hs = null)
    {
        var pairs = composition.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('='))
            .Select(p => new KeyValuePair<string, decimal>(p[0].Trim(), decimal.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)));
        return Classifier.Classify(ControlList, Product.Create(form, Composition.Create(pairs), hs), on ?? InForce);
    }

    [Fact]
    public void A_magnet_with_any_dysprosium_is_controlled_under_1C905()
    {
        var result = Classify(ProductForm.Magnet, "Nd=30,Dy=0.8,Fe=68,B=1");
        Assert.True(result.Controlled);
        var entry = Assert.Single(result.Entries);
        Assert.Equal("1C905.a.4", entry.Code);
        Assert.Contains("Dy 0.8 wt%", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Even_a_trace_of_terbium_catches_a_magnet()
    {
        var result = Classify(ProductForm.Magnet, "Nd=31,Tb=0.05,Fe=67.95,B=1");
        Assert.Equal(["1C904.a.4"], result.Entries.Select(e => e.Code));
    }

    [Fact]
    public void A_magnet_with_both_dysprosium_and_terbium_falls_under_both_headings()
    {
        var result = Classify(ProductForm.Magnet, "Nd=28,Dy=2,Tb=1,Fe=68,B=1");
        Assert.Equal(["1C904.a.4", "1C905.a.4"], result.Entries.Select(e => e.Code).Order());
    }

    [Fact]
    public void A_samarium_cobalt_magnet_is_1C902_a_4_and_not_also_the_catch_all()
    {
        var result = Classify(ProductForm.Magnet, "Sm=25,Co=50,Fe=16,Cu=6,Zr=3");
        Assert.Equal(["1C902.a.4"], result.Entries.Select(e => e.Code));
    }

    [Fact]
    public void A_plain_NdFeB_magnet_is_not_under_Ann_18()
    {
        var result = Classify(ProductForm.Magnet, "Nd=29,Pr=1.5,Fe=68.5,B=1");
        Assert.False(result.Controlled);
        Assert.Empty(result.MissingEvidence);
    }

    [Fact]
    public void A_magnet_without_a_composition_is_flagged_never_passed()
    {
        var result = Classify(ProductForm.Magnet, string.Empty, hs: "8505111000");
        Assert.False(result.Controlled);
        Assert.True(result.HasMissingEvidence);
        Assert.Contains(result.Notes, n => n.Contains("1C905.a.4", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_was_controlled_before_Ann_18_took_effect()
    {
        Assert.False(Classify(ProductForm.Magnet, "Nd=30,Dy=4,Fe=65,B=1", D("2025-04-03")).Controlled);
        Assert.True(Classify(ProductForm.Magnet, "Nd=30,Dy=4,Fe=65,B=1", D("2025-04-04")).Controlled);
    }

    [Fact]
    public void Holmium_switches_on_when_the_Ann_70_suspension_of_Ann_57_ends()
    {
        var suspended = Classify(ProductForm.Metal, "Ho=99.9", D("2026-11-10"));
        Assert.False(suspended.Controlled);
        Assert.Contains(suspended.Notes, n => n.Contains("suspended until 2026-11-10", StringComparison.Ordinal));

        Assert.True(Classify(ProductForm.Metal, "Ho=99.9", D("2026-11-11")).Controlled);
    }

    [Theory]
    [InlineData(ProductForm.Metal, "Gd=99.9", "1C903.a.1")]
    [InlineData(ProductForm.Oxide, "Y=78.7,O=21.3", "1C908.b")]
    [InlineData(ProductForm.Alloy, "Sc=2,Al=98", "1C907.a.2")]
    [InlineData(ProductForm.Target, "Tb=60,Co=40", "1C904.a.3")]
    [InlineData(ProductForm.Compound, "Lu=50,F=50", "1C906.c")]
    [InlineData(ProductForm.Magnet, "Nd=30,Gd=1,Fe=68,B=1", "1C903.a")]
    public void Each_form_maps_to_its_sub_item(ProductForm form, string composition, string code) =>
        Assert.Equal([code], Classify(form, composition).Entries.Select(e => e.Code));

    [Theory]
    [InlineData("Xx=1", "composition.Xx")]
    [InlineData("Dy=-1", "composition.Dy")]
    [InlineData("Dy=101", "composition.Dy")]
    [InlineData("Dy=60,Nd=60", "composition")]
    public void Refuses_bad_compositions_naming_the_element(string composition, string field)
    {
        var ex = Assert.ThrowsAny<DomainException>(() => Classify(ProductForm.Magnet, composition));
        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void Refuses_a_malformed_HS_code() =>
        Assert.Equal("hsCode", Assert.Throws<DomainException>(() => Product.Create(ProductForm.Magnet, Composition.None, "85A5")).Field);
}
