using Lodestone.Screening.Matching;

namespace Lodestone.Screening.Tests;

/// <summary>The scorer on pairs of names: normalisation in English and Chinese, and how scores move.</summary>
public sealed class NameMatcherTests
{
    private const double Threshold = ScreeningOptions.DefaultThreshold;

    private static double Score(string query, string candidate) => NameMatcher.Compare(query, candidate).Score;

    [Fact]
    public void An_identical_name_scores_one() =>
        Assert.Equal(1.0, Score("Rosoboronexport", "Rosoboronexport"), 3);

    [Theory]
    [InlineData("HUAWEI TECHNOLOGIES CO LTD", "Huawei Technologies Co., Ltd.")]
    [InlineData("Societe Generale", "Société Générale")]
    [InlineData("PUTIN, Vladimir", "Vladimir Putin")]
    [InlineData("Huawei Technologies", "Huawei Technologies Co., Ltd.")]
    [InlineData("Guangzhou Haige Comm Grp", "Guangzhou Haige Communications Group Inc. Company")]
    [InlineData("China Electronics Tech Group Corp", "China Electronics Technology Group Corporation")]
    [InlineData("Rosoboronexprot", "Rosoboronexport")]
    public void Case_punctuation_diacritics_order_legal_forms_abbreviations_and_typos_still_match(string query, string candidate) =>
        Assert.True(Score(query, candidate) >= Threshold, $"{query} vs {candidate}: {Score(query, candidate):0.000}");

    [Theory]
    [InlineData("华为技术有限公司", "Huawei Technologies Co., Ltd.")]
    [InlineData("華為技術有限公司", "Huawei Technologies Co., Ltd.")]
    [InlineData("中国电子科技集团公司", "China Electronics Technology Group Corporation")]
    public void Chinese_names_meet_their_English_forms(string query, string candidate) =>
        Assert.True(Score(query, candidate) >= Threshold, $"{query} vs {candidate}: {Score(query, candidate):0.000}");

    [Theory]
    [InlineData("Alpha Co., Ltd.", "Omega Co., Ltd.")]
    [InlineData("Siemens AG", "Lockheed Martin Corporation")]
    [InlineData("Bosch GmbH", "Continental GmbH & Co. KG")]
    public void Different_names_do_not_match_even_when_their_legal_forms_agree(string query, string candidate) =>
        Assert.True(Score(query, candidate) < Threshold, $"{query} vs {candidate}: {Score(query, candidate):0.000}");

    [Fact]
    public void Unmatched_entry_tokens_cost_less_than_unmatched_query_tokens_but_still_cost()
    {
        var exact = Score("John Doe", "John Doe");
        var longer = Score("John Doe", "John Bartholomew Doe");
        var missing = Score("John Bartholomew Doe", "John Doe");
        Assert.True(exact > longer, $"{exact} vs {longer}");
        Assert.True(longer > missing, $"an extra entry token ({longer:0.000}) should cost less than an extra query token ({missing:0.000})");
    }

    [Fact]
    public void Numbers_must_agree()
    {
        var same = Score("Research Institute 605", "Research Institute 605");
        var other = Score("Research Institute 605", "Research Institute 606");
        Assert.True(other < same);
        Assert.True(other < Threshold, $"606 vs 605: {other:0.000}");
    }

    [Fact]
    public void The_explanation_pairs_tokens_and_names_what_was_left_over()
    {
        var (score, explanation) = NameMatcher.Compare("Huawei Technologies Co Ltd Shenzhen", "Huawei Technologies Co., Ltd.");
        Assert.True(score > 0.5);
        Assert.NotEmpty(explanation.Pairs);
        Assert.Contains(explanation.Pairs, p => p.QueryToken.Contains("huawei", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(explanation.UnmatchedQueryTokens, t => t.Contains("shenzhen", StringComparison.OrdinalIgnoreCase));
        Assert.InRange(explanation.Pairs.Sum(p => p.Contribution), 0.0, 1.0001);
        Assert.False(string.IsNullOrWhiteSpace(explanation.Summary));
    }

    [Fact]
    public void Legal_forms_are_weak_tokens()
    {
        var (_, explanation) = NameMatcher.Compare("Acme Trading Co., Ltd.", "Acme Trading Co., Ltd.");
        Assert.Contains(explanation.Pairs, p => p.Weak);
        Assert.Contains(explanation.Pairs, p => !p.Weak);
        var strong = explanation.Pairs.Where(p => !p.Weak).Sum(p => p.Contribution);
        var weak = explanation.Pairs.Where(p => p.Weak).Sum(p => p.Contribution);
        Assert.True(strong > weak, $"strong {strong:0.000}, weak {weak:0.000}");
    }
}
