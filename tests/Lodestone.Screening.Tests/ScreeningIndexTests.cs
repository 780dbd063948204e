using Lodestone.Screening.Lists;
using Lodestone.Screening.Matching;

namespace Lodestone.Screening.Tests;

/// <summary>The index: candidates never lose a true match, Chinese meets English, country qualifies, explanations name the alias.</summary>
public sealed class ScreeningIndexTests
{
    private static readonly IndexedEntry[] Entries =
    [
        new("us-bis-entity", new ListEntry { Id = "E1", Name = "Huawei Technologies Co., Ltd.", Aliases = ["Huawei"], Country = "CN", Type = EntryType.Entity }),
        new("cn-unreliable-entity", new ListEntry { Id = "U1", Name = "Lockheed Martin Corporation", ChineseName = "洛克希德·马丁公司", Country = "US", Type = EntryType.Entity }),
        new("us-bis-meu", new ListEntry { Id = "M1", Name = "Beijing Aeronautical Manufacturing Technology Research Institute", Aliases = ["BAMTRI"], Country = "CN" }),
        new("us-bis-entity", new ListEntry { Id = "E2", Name = "Harbin Institute of Technology", Aliases = ["HIT"], Country = "CN" }),
        new("us-bis-dpl", new ListEntry { Id = "D1", Name = "Rosoboronexport", Country = "RU" }),
    ];

    private static readonly ScreeningIndex Index = ScreeningIndex.Build(Entries.Concat(Filler()));

    /// <summary>Unrelated company names around the real ones, so the candidate stage has something to leave out.</summary>
    private static IEnumerable<IndexedEntry> Filler()
    {
        string[] first = ["Nordic", "Pacific", "Golden", "Silver", "Eastern", "Alpine", "Coastal", "Royal", "Summit", "Harbor"];
        string[] second = ["Textiles", "Foods", "Logistics", "Ceramics", "Furniture", "Dairy", "Paper", "Glassworks", "Shipping", "Bakeries"];
        string[] forms = ["GmbH", "Ltd.", "Inc.", "S.A.", "Co., Ltd."];
        var i = 0;
        foreach (var a in first)
        {
            foreach (var b in second)
            {
                yield return new IndexedEntry("filler", new ListEntry { Id = $"F{i}", Name = $"{a} {b} {forms[i % forms.Length]}", Country = "DE" });
                i++;
            }
        }
    }

    private static IReadOnlyList<ScreeningMatch> Screen(string name, string? country = null, double threshold = ScreeningOptions.DefaultThreshold) =>
        Index.Screen(new ScreeningQuery(name, country), new ScreeningOptions { Threshold = threshold, Limit = 20 });

    [Fact]
    public void Counts_every_name_of_every_entry()
    {
        Assert.Equal(Entries.Length + 100, Index.EntryCount);
        Assert.True(Index.NameCount >= Index.EntryCount + 4, $"{Index.NameCount} names"); // aliases and the Chinese name too
    }

    [Theory]
    [InlineData("Huawei Technologies Co Ltd", "E1")]
    [InlineData("HUAWEI TECHNOLGIES", "E1")]
    [InlineData("Technologies Huawei", "E1")]
    [InlineData("华为技术有限公司", "E1")]
    [InlineData("洛克希德·马丁公司", "U1")]
    [InlineData("Lockheed-Martin Corp.", "U1")]
    [InlineData("Harbin Inst. of Tech.", "E2")]
    [InlineData("Rosoboronexprot", "D1")]
    public void Typos_reordering_abbreviations_and_Chinese_still_reach_the_entry(string query, string expected)
    {
        var matches = Screen(query);
        Assert.True(matches.Count > 0 && matches[0].EntryId == expected, $"{query}: {string.Join(", ", matches.Select(m => $"{m.EntryId} {m.Score:0.000}"))}");
    }

    [Fact]
    public void Matches_come_best_first_and_name_the_alias_that_matched()
    {
        var matches = Screen("BAMTRI");
        var first = Assert.Single(matches, m => m.EntryId == "M1");
        Assert.Equal("BAMTRI", first.Explanation.MatchedName);
        Assert.Equal(MatchedNameKind.Alias, first.Explanation.MatchedNameKind);
        var all = Screen("Huawei Technologies", threshold: 0.5);
        Assert.Equal(all.OrderByDescending(m => m.Score).Select(m => m.EntryId), all.Select(m => m.EntryId));
    }

    [Fact]
    public void Country_qualifies_the_score_but_never_filters()
    {
        var agrees = Screen("Rosoboronexport", "RU").Single(m => m.EntryId == "D1");
        var disagrees = Screen("Rosoboronexport", "FR", threshold: 0.5).Single(m => m.EntryId == "D1");
        Assert.Equal(CountryQualifier.Agrees, agrees.Explanation.Country);
        Assert.Equal(CountryQualifier.Disagrees, disagrees.Explanation.Country);
        Assert.True(disagrees.Score < agrees.Score);
    }

    [Fact]
    public void Unrelated_names_find_nothing() =>
        Assert.Empty(Screen("Bäckerei Müller"));

    [Fact]
    public void The_candidate_stage_never_drops_what_a_full_scan_would_find()
    {
        // Every perturbed query is scored against every name by the scorer alone (a brute-force scan);
        // whatever the scan puts at or above the threshold, the index must return too.
        string[] queries =
        [
            "Huawei Tech Co", "Lockheed Martin", "Lokheed Martin Corporation", "Harbin Institute Technology", "Rosoboron export",
            "Golden Dairy Ltd", "Nordic Paper GmbH", "Royal Shiping", "Beijing Aeronautical Manufacturing Technology Research Inst",
            "Summit Glassworks", "Pacific Fods Inc", "Martin Lockheed",
        ];
        var everyName = Entries.Concat(Filler()).SelectMany(e => e.Entry.AllNames().Select(n => (e.ListId, e.Entry.Id, Name: n))).ToList();
        foreach (var query in queries)
        {
            var scanned = everyName.Where(n => NameMatcher.Compare(query, n.Name).Score >= ScreeningOptions.DefaultThreshold)
                .Select(n => (n.ListId, n.Id)).ToHashSet();
            var indexed = Index.Screen(new ScreeningQuery(query), new ScreeningOptions { Limit = 100 }).Select(m => (m.ListId, m.EntryId)).ToHashSet();
            Assert.True(scanned.IsSubsetOf(indexed), $"{query}: the scan found {string.Join(", ", scanned.Except(indexed))} which the index missed");
        }
    }

    [Fact]
    public void Concurrent_queries_give_the_same_answers_as_sequential_ones()
    {
        string[] queries = ["Huawei", "Lockheed Martin", "华为技术有限公司", "Harbin Institute of Technology", "Nordic Foods"];
        var expected = queries.Select(q => string.Join("|", Screen(q).Select(m => $"{m.EntryId}:{m.Score:0.0000}"))).ToArray();
        Parallel.For(0, 400, i =>
        {
            var q = i % queries.Length;
            var got = string.Join("|", Screen(queries[q]).Select(m => $"{m.EntryId}:{m.Score:0.0000}"));
            Assert.Equal(expected[q], got);
        });
    }
}
