using Lodestone.Screening.Matching;
using Lodestone.Screening.Normalisation;
using Lodestone.Screening.Tests.Support;

namespace Lodestone.Screening.Tests.Matching;

/// <summary>
/// The candidate stage's pruning rules (the creation cut, the per-form entry weight of the cheap bound, the one-to-one
/// count of repeated query tokens) must drop only what the scorer rates below the threshold. Each index here is full of
/// near neighbours of the query's tokens, so a rule set too tight drops a match the brute-force scan finds.
/// </summary>
public sealed class CandidatePruningTests
{
    private static readonly string[] Names =
    [
        "Maming", "Maning", "Mamin", "Mameng", "Haming", "Mayming", "Mamingo", "Ma Ming", "Ma Min", "Mao Ming", "Man Ming", "Ma Mingxiu",
        "Ming Wu", "Min Wu", "Ming Wo", "Mingo Wu", "Ming Hu", "Wu Ming", "Ming Wuhan", "Minh Wu", "Ming", "Wu",
        "Hamdan", "Hamdani", "Hamadan", "Hamden", "Mohammed Hamdan", "Mohamed Hamdan", "Omar Hamdan", "Mohammed Hamdani", "Ahmed Hamden",
        "River", "Rivers", "River Rivers", "River River", "Rivera River", "Red River", "River River Trading", "Rover River",
        "Yang Yang", "Yang", "Yan Yang", "Yang Yan", "Yang Yong", "Yang Yang Yang", "Zhang Yang",
        "Mikhail Ivanov", "Mikhail Mikhail Ivanov", "Mikhail Mikhailov Ivanov", "Mikhal Ivanov", "Mikhail Ivanova", "Sergei Ivanov",
        "Linsysel Rare Earth", "Linsysel Rare Earth Co Ltd", "Zansil Rare Earth Co Ltd", "Linsysel Rareearth", "Linsisel Rare Earth",
        "Tronker Technology", "Tronker Technologies Pvt Ltd", "Tronkar Technology", "Trunker Tech", "Tronker Trading",
    ];

    private static readonly string[] Queries =
    [
        "Maming", "Ma Ming", "马明", "Mamng", "Ming WU", "Ming", "Hamdan", "Mohammed Hamdan", "Mohamed Hamdn", "River River", "River River FZCO",
        "River", "YANG Yang", "Yang", "Mikhail Mikhail Ivanov", "Mikhail Ivanov", "Linsysel Rare Earth Co. Ltd", "Linsysel Rare Eatrh",
        "Tronker Technology Pvt. Ltd.", "Tronker", "Wu Ming", "Rivera River", "Yang Yang Yang",
    ];

    [Fact]
    public void The_index_finds_every_match_of_a_brute_force_scan_among_near_neighbours()
    {
        var entries = Entries.Numbered(Names);
        var index = ScreeningIndex.Build(entries);
        var checkedMatches = 0;
        foreach (var threshold in new[] { ScreeningOptions.DefaultThreshold, 0.7, 0.9 })
        {
            foreach (var query in Queries)
            {
                checkedMatches += Entries.AssertIndexAgreesWithBruteForce(index, entries, query, threshold);
            }
        }

        Assert.True(checkedMatches > 100, $"the check must exercise matches, had {checkedMatches}");
    }

    [Fact]
    public void Every_entry_of_a_shared_shape_is_scored_whether_the_name_is_primary_or_an_alias()
    {
        // The candidate stage finds shapes (token sequences), not forms: each shape found must give all its forms.
        var entries = new List<Lodestone.Screening.Matching.IndexedEntry>();
        for (var i = 0; i < 40; i++)
        {
            var id = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            entries.Add(i % 4 == 3
                ? Entries.Of(id, $"Other Person {id}", "US", null, "John Smith")
                : Entries.Of(id, i % 2 == 0 ? "John Smith" : "SMITH, John", "US"));
        }

        entries.Add(Entries.Of("x", "John Smyth"));
        entries.Add(Entries.Of("y", "Jon Smith Trading"));
        var index = ScreeningIndex.Build(entries);
        var found = index.Screen(new("John Smith"), new ScreeningOptions { Limit = 1000 }).Select(m => m.EntryId).ToHashSet();
        var expected = entries.Where(e => Entries.BruteForce("John Smith", e) >= ScreeningOptions.DefaultThreshold).Select(e => e.Entry.Id).ToHashSet();
        Assert.True(expected.Count >= 41, $"had {expected.Count}");
        Assert.Equal(expected.Order(), found.Order());
    }

    [Theory]
    [InlineData("maming")]
    [InlineData("ming wu")]
    [InlineData("mohammed hamdan")]
    [InlineData("linsysel rare earth co ltd")]
    [InlineData("tronker technology pvt ltd")]
    [InlineData("john a smith")]
    public void The_creation_cut_is_the_highest_value_whose_bound_stays_below_the_threshold(string text)
    {
        var query = TokenInfo.From(NameNormaliser.Normalise(text).Forms[0]);
        var essential = new bool[query.Length];
        foreach (var threshold in new[] { 0.5, 0.7, ScreeningOptions.DefaultThreshold, 0.9, 0.97 })
        {
            CandidateSearch.ChooseEssential(query, query.Select(t => (long)t.Text.Length).ToArray(), threshold, essential);
            var cut = CandidateSearch.CreationCut(query, essential, threshold);
            if (cut < 0)
            {
                continue;
            }

            // Below the threshold at the cut (a form meeting the essential tokens no better cannot be a match)...
            Assert.True(CandidateSearch.QueryBound(query, Values(query, essential, cut)) < threshold, $"{text} at {threshold}: cut {cut}");

            // ...and not far below it: a cut well above the right one would drop forms that can still match.
            if (cut < 0.99)
            {
                Assert.True(CandidateSearch.QueryBound(query, Values(query, essential, cut + 0.01)) >= threshold - 1e-6, $"{text} at {threshold}: cut {cut}");
            }
        }
    }

    [Fact]
    public void A_form_sum_rounds_each_weight_up_and_reads_as_unbounded_once_saturated()
    {
        var word = FormMarks.Add(0, 0b101, FormMarks.Units(1.001f));
        word = FormMarks.Add(word, 0b010, FormMarks.Units(2.5f));
        Assert.Equal(0b111, FormMarks.Mask(word));
        Assert.True(FormMarks.EntryMet(word) >= 1.001 + 2.5);
        Assert.True(FormMarks.EntryMet(word) <= 1.001 + 2.5 + 0.01);
        for (var k = 0; k < 100; k++)
        {
            word = FormMarks.Add(word, 1, FormMarks.Units(7.5f));
        }

        Assert.Equal(double.PositiveInfinity, FormMarks.EntryMet(word));
        Assert.Equal(0b111, FormMarks.Mask(word));
    }

    private static double[] Values(TokenInfo[] query, bool[] essential, double cut) =>
        [.. query.Select((t, i) => essential[i] && (t.Kind & TokenKind.Initial) == 0 && !t.IsWeak ? cut : 1.0)];
}
