using Lodestone.Screening.Matching;
using Lodestone.Screening.Tests.Support;

namespace Lodestone.Screening.Tests.Matching;

/// <summary>
/// Results do not depend on how the search goes. The limit only cuts the ranked list: the first n results are the same
/// whatever the limit. Stopping once the limit was filled with scores above the next candidate's bound once dropped
/// better matches than those returned, because the scorer credited pairs the lookups never reach ("maxtapol" ~
/// "maxtomar", 0.87 by Jaro-Winkler, no fuzzy key in common); every survivor is now scored, and the scorer no longer
/// credits such pairs.
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
    [InlineData("Maxta Rare Earth FZCO")]
    [InlineData("Maxtar Rare Earth")]
    [InlineData("Maxter Rare Earth Company")]
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
    public void A_spelling_pair_no_fuzzy_key_reaches_does_not_count_and_the_index_agrees_with_the_scorer()
    {
        // "maxtapol" ~ "maxtomar" rates 0.87 by Jaro-Winkler, but no fuzzy key reaches it (four letters differ after
        // "maxt", and an eight-letter token looks up its first six): the scorer leaves "maxtapol" unmatched.
        var (score, explanation) = NameMatcher.Compare("Maxtapol Rare Earth OAO", "Maxtomar Rare Earth LLC");
        Assert.Contains("maxtapol", explanation.UnmatchedQueryTokens);
        Assert.DoesNotContain(explanation.Pairs, p => p.QueryToken == "maxtapol");

        // "maxta" ~ "maxtomar" shares the four-letter stem a short token looks up, so it counts.
        Assert.Contains(NameMatcher.Compare("Maxta Rare Earth", "Maxtomar Rare Earth LLC").Explanation.Pairs, p => p.QueryToken == "maxta" && p.EntryToken == "maxtomar");

        var index = ScreeningIndex.Build(Entries.Numbered(Names));
        var found = index.Screen(new ScreeningQuery("Maxtapol Rare Earth OAO"), new ScreeningOptions { Threshold = 0.3, Limit = 1000 });
        Assert.Equal(score, found.Single(m => m.Name == "Maxtomar Rare Earth LLC").Score, 9);
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
