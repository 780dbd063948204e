using Lodestone.Screening.Lists;
using Lodestone.Screening.Matching;
using Lodestone.Screening.Tests.Support;

namespace Lodestone.Screening.Tests.Matching;

/// <summary>Screening against an index: finding, ranking, qualifiers, limits.</summary>
public sealed class ScreeningIndexTests
{
    private static readonly ScreeningIndex Index = Entries.Index(
        Entries.Of("huawei", "Huawei Technologies Co., Ltd.", "CN"),
        Entries.Of("cetc", "China Electronics Technology Group Corporation", "CN", "中国电子科技集团公司", "CETC"),
        Entries.Of("putin", "PUTIN, Vladimir Vladimirovich", "RU"),
        Entries.Of("rosoboron", "Rosoboronexport", "RU", null, "Rosoboroneksport", "ROE"),
        Entries.Of("beihang", "Beihang University", "CN", "北京航空航天大学", "Beijing University of Aeronautics and Astronautics"),
        Entries.Of("abc", "ABC Trading Co., Ltd.", "AE"),
        Entries.Of("sanhe", "Shenzhen Sanhe Technology Co., Ltd.", "CN"),
        Entries.Of("argument", "JSC ARGUMENT", "RU"),
        Entries.Of("removed", "Old Removed Trading LLC", "CN") with { Entry = new ListEntry { Id = "removed", Name = "Old Removed Trading LLC", Removed = new DateOnly(2024, 1, 1) } });

    private static IReadOnlyList<ScreeningMatch> Screen(string name, string? country = null) => Index.Screen(new ScreeningQuery(name, country));

    [Fact]
    public void Counts_names_and_entries()
    {
        Assert.Equal(9, Index.EntryCount);
        Assert.Equal(15, Index.NameCount);
    }

    [Theory]
    [InlineData("Huawei Technologies Co., Ltd.", "huawei")]
    [InlineData("HUAWEI TECHNOLOGES CO LTD", "huawei")]
    [InlineData("Technologies Huawei", "huawei")]
    [InlineData("Vladimir Putin", "putin")]
    [InlineData("Vladimr PUTIN", "putin")]
    [InlineData("Rosoboronexprot", "rosoboron")]
    [InlineData("JSCARGUMENT", "argument")]
    [InlineData("Beijing Univ of Aeronautics & Astronautics", "beihang")]
    public void Typos_and_reordering_still_find_the_entry(string query, string expected) =>
        Assert.Equal(expected, Screen(query)[0].EntryId);

    [Fact]
    public void A_Chinese_query_finds_an_entry_listed_only_in_English()
    {
        var match = Screen("华为技术有限公司")[0];
        Assert.Equal("huawei", match.EntryId);
        Assert.True(match.Score >= ScreeningOptions.DefaultThreshold);
    }

    [Fact]
    public void A_Chinese_name_and_its_English_name_that_read_alike_are_one_form_under_the_primary_name()
    {
        var match = Screen("中国电子科技集团公司")[0];
        Assert.Equal("cetc", match.EntryId);
        Assert.Equal(1.0, match.Score, 9);
        Assert.Equal(MatchedNameKind.Primary, match.Explanation.MatchedNameKind);
    }

    [Fact]
    public void Unrelated_names_find_nothing()
    {
        Assert.Empty(Screen("Angela Merkel"));
        Assert.Empty(Screen("XYZ Trading Co., Ltd."));
        Assert.Empty(Screen("Co., Ltd."));
    }

    [Fact]
    public void Country_disagreement_lowers_the_score_but_the_match_is_still_reported()
    {
        var unknown = Screen("Rosoboronexprot").Single();
        var agrees = Screen("Rosoboronexprot", "RU").Single();
        var differs = Screen("Rosoboronexprot", "CN").Single();
        Assert.Equal(CountryQualifier.Unknown, unknown.Explanation.Country);
        Assert.Equal(CountryQualifier.Agrees, agrees.Explanation.Country);
        Assert.Equal(CountryQualifier.Disagrees, differs.Explanation.Country);
        Assert.Equal(unknown.Score, agrees.Score, 9);
        Assert.True(differs.Score < agrees.Score);
        Assert.Equal(agrees.Explanation.NameScore, differs.Explanation.NameScore, 9);
    }

    [Fact]
    public void Removed_entries_are_still_indexed_the_caller_filters_by_date()
    {
        var match = Screen("Old Removed Trading LLC").Single();
        Assert.Equal("removed", match.EntryId);
    }

    [Fact]
    public void Matches_come_best_first_within_the_limit_and_threshold()
    {
        var index = Entries.Index(
            Entries.Of("1", "Sanhe Technology"),
            Entries.Of("2", "Sanhe Technology Co Ltd"),
            Entries.Of("3", "Sanhe Technology Shenzhen Branch"),
            Entries.Of("4", "Sanhe"));
        var all = index.Screen(new("Sanhe Technology"), new ScreeningOptions { Threshold = 0.5, Limit = 10 });
        Assert.Equal("1", all[0].EntryId);
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.All(all, m => Assert.True(m.Score >= 0.5));
        Assert.Equal(2, index.Screen(new("Sanhe Technology"), new ScreeningOptions { Threshold = 0.5, Limit = 2 }).Count);
        Assert.Empty(index.Screen(new("Sanhe Technology"), new ScreeningOptions { Limit = 0 }));
    }

    [Fact]
    public void The_index_score_is_the_pair_score_of_the_best_name()
    {
        foreach (var query in new[] { "Huawie Technologies", "Beijing University Aeronautics", "Rosoboroneksport" })
        {
            var match = Screen(query)[0];
            Assert.Equal(match.Explanation.NameScore, NameMatcher.Compare(query, match.Explanation.MatchedName).Score, 9);
        }
    }

    [Fact]
    public void An_empty_index_and_an_empty_query_find_nothing()
    {
        Assert.Empty(ScreeningIndex.Build([]).Screen(new("Huawei")));
        Assert.Empty(Screen(""));
        Assert.Empty(Screen("  ...  "));
    }
}
