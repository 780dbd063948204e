using Lodestone.Screening.Matching;
using Lodestone.Screening.Tests.Support;

namespace Lodestone.Screening.Tests.Matching;

/// <summary>What a reviewer sees: which name matched, which tokens met, what was left over, and why.</summary>
public sealed class ExplanationTests
{
    [Fact]
    public void Token_pairs_name_both_sides_with_similarity_and_share()
    {
        var (score, explanation) = NameMatcher.Compare("Huawie Technologies Co", "Huawei Technologies Co., Ltd.");
        var huawei = Assert.Single(explanation.Pairs, p => p.QueryToken == "huawie");
        Assert.Equal("huawei", huawei.EntryToken);
        Assert.InRange(huawei.Similarity, 0.9, 0.99);
        Assert.Contains(explanation.Pairs, p => p.QueryToken == "co" && p.Weak);
        Assert.Equal(["ltd"], explanation.UnmatchedEntryTokens);
        Assert.Empty(explanation.UnmatchedQueryTokens);
        Assert.Equal(score, explanation.Pairs.Sum(p => p.Contribution), 9);
        Assert.Equal("huawie technology co", explanation.NormalisedQuery);
        Assert.Equal("huawei technology co ltd", explanation.NormalisedName);
    }

    [Fact]
    public void Chinese_tokens_show_their_original_characters()
    {
        var (_, explanation) = NameMatcher.Compare("华为技术有限公司", "Huawei Technologies Co., Ltd.");
        Assert.Contains(explanation.Pairs, p => p.QueryToken == "huawei (华为)" && p.EntryToken == "huawei");
        Assert.Contains("huawei (华为)=huawei 1.00", explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_matched_alias_and_its_kind_are_named()
    {
        var index = Entries.Index(Entries.Of("1", "Shenzhen Sanhe Technology Co., Ltd.", "CN", null, "3HC Semiconductors (HK) Co., Ltd.", "Sanhe Semiconductor"));
        var match = Assert.Single(index.Screen(new("Sanhe Semiconductors")));
        Assert.Equal("Sanhe Semiconductor", match.Explanation.MatchedName);
        Assert.Equal(MatchedNameKind.Alias, match.Explanation.MatchedNameKind);
        Assert.Equal("Shenzhen Sanhe Technology Co., Ltd.", match.Name);
        Assert.StartsWith("alias 'Sanhe Semiconductor'", match.Explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Chinese_name_match_says_so()
    {
        var index = Entries.Index(Entries.Of("1", "Beijing Institute of Aeronautics", "CN", "北京航空航天大学"));
        var match = Assert.Single(index.Screen(new("北京航空航天大学")));
        Assert.Equal(MatchedNameKind.Chinese, match.Explanation.MatchedNameKind);
        Assert.Equal(1.0, match.Score, 9);
    }

    [Fact]
    public void Unmatched_tokens_and_the_country_are_in_the_summary()
    {
        var index = Entries.Index(Entries.Of("1", "Rosoboronexport JSC", "RU"));
        var match = Assert.Single(index.Screen(new("Rosoboronexport Trading", "CN"), new ScreeningOptions { Threshold = 0.5 }));
        Assert.Equal(CountryQualifier.Disagrees, match.Explanation.Country);
        Assert.Contains("query only: trading", match.Explanation.Summary, StringComparison.Ordinal);
        Assert.Contains("country differs", match.Explanation.Summary, StringComparison.Ordinal);
    }
}
