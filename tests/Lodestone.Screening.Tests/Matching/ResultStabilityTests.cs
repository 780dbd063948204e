using Lodestone.Screening.Matching;
using Lodestone.Screening.Tests.Support;

namespace Lodestone.Screening.Tests.Matching;

/// <summary>
/// Results do not depend on how the search goes. The limit only cuts the ranked list: the first n results are the same
/// whatever the limit. The candidate stage's
/// bound is not an upper bound of every score (the lookups miss some pairs the scorer still rates, such as
/// "maxtapol" ~ "maxtomar" at 0.87), so stopping once the limit was filled with scores above the next bound dropped
/// better matches than those returned.
/// </summary>
public sealed class ResultStabilityTests
{
    private static readonly string[] Names =
    [
        "Maxtapol Rare Earth OAO", "Maxpol Rare Earth Company", "Maxtomar Rare Earth LLC", "Maxtekul Rare Earth Sdn. Bhd.", "Maxtron Rare Earth",
        "Maxarto Rare Earth B.V.", "Maxgallo Rare Earth Group Pte. Ltd.", "Maxarbor Rare Earth GmbH", "Maxlanpa Rare Earth Sdn. Bhd.",
        "Maxta Rare Earth FZCO", "Maxkal Rare Earth Inc.", "Maxter Rare Earth Company", "Near Materials Rare Earth GmbH", "Kolo Materials Rare Earth OAO",
        "Harbin Anhai Rare Earth Co., Ltd.", "Harbin Anhua Rare Earth Group Co., Ltd.", "Harbin Anxin Rare Earth Co., Ltd.", "Harbin Anjin Rare Earth Group Co., Ltd.",
    ];

    [Theory]
    [InlineData("Maxtapol Rare Earth OAO")]
    [InlineData("Harbin Anhai Rare Earth Co., Ltd.")]
    [InlineData("Maxtapol Rare Earth")]
    public void The_first_results_do_not_depend_on_the_limit(string query)
    {
        var index = ScreeningIndex.Build(Entries.Numbered(Names));
        var all = index.Screen(new ScreeningQuery(query), new ScreeningOptions { Limit = 1000 });
        Assert.True(all.Count >= 4, $"the check needs several matches, had {all.Count}");
        for (var limit = 1; limit <= all.Count; limit++)
        {
            var first = index.Screen(new ScreeningQuery(query), new ScreeningOptions { Limit = limit });
            Assert.Equal(all.Take(limit).Select(m => (m.EntryId, m.Score)), first.Select(m => (m.EntryId, m.Score)));
        }
    }

    [Fact]
    public void A_match_scored_higher_than_its_candidate_bound_is_still_ranked_by_its_score()
    {
        var index = ScreeningIndex.Build(Entries.Numbered(Names));
        var top = index.Screen(new ScreeningQuery("Maxtapol Rare Earth OAO"), new ScreeningOptions { Limit = 3 });
        Assert.Equal(["Maxtapol Rare Earth OAO", "Maxpol Rare Earth Company", "Maxtomar Rare Earth LLC"], top.Select(m => m.Name));
        Assert.Equal(NameMatcher.Compare("Maxtapol Rare Earth OAO", "Maxtomar Rare Earth LLC").Score, top[2].Score, 9);
    }

    [Theory]
    [InlineData("黄明", "黄明")]
    [InlineData("Huang Ming", "HUANG Ming")]
    [InlineData("HUANG Ming", "HUANG Ming")]
    public void On_a_tie_between_an_entrys_names_the_one_in_the_querys_script_is_shown(string query, string shown)
    {
        // Both names of each entry normalise to "huang ming" and score 1: which one explains the match must not depend
        // on the order the forms were scored in. The Chinese name is listed last, and first for the other entry.
        var index = ScreeningIndex.Build(
        [
            Entries.Of("a", "HUANG Ming", "CN", "黄明"),
            new IndexedEntry("test-list", new Lists.ListEntry { Id = "b", Name = "黄明", Aliases = ["HUANG Ming"], Country = "CN" }),
        ]);
        var found = index.Screen(new ScreeningQuery(query));
        Assert.Equal(2, found.Count);
        Assert.All(found, m => Assert.Equal(shown, m.Explanation.MatchedName));
    }
}
