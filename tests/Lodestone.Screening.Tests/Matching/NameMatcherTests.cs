using Lodestone.Screening.Matching;

namespace Lodestone.Screening.Tests.Matching;

/// <summary>The scorer on pairs of names, outside any index.</summary>
public sealed class NameMatcherTests
{
    private const double Threshold = ScreeningOptions.DefaultThreshold;

    private static double Score(string query, string candidate) => NameMatcher.Compare(query, candidate).Score;

    [Theory]
    [InlineData("Huawei Technologies Co., Ltd.")]
    [InlineData("Vladimir Putin")]
    [InlineData("中国电子科技集团公司")]
    public void Identical_names_score_one(string name) => Assert.Equal(1.0, Score(name, name), 9);

    [Theory]
    [InlineData("HUAWEI TECHNOLOGIES CO LTD", "Huawei Technologies Co., Ltd.")]
    [InlineData("PUTIN, Vladimir", "Vladimir Putin")]
    [InlineData("Siemens Aktiengesellschaft", "Siemens AG")]
    public void Names_that_normalise_alike_score_one(string query, string candidate) => Assert.Equal(1.0, Score(query, candidate), 9);

    [Fact]
    public void The_exact_name_beats_the_name_with_an_extra_middle_name()
    {
        var exact = Score("John Doe", "John Doe");
        var longer = Score("John Doe", "John Bartholomew Doe");
        Assert.True(exact > longer, $"{exact} vs {longer}");
        Assert.True(longer >= Threshold, $"a missing middle name is still a match: {longer}");
    }

    [Fact]
    public void An_unmatched_query_token_costs_more_than_an_unmatched_entry_token() =>
        Assert.True(Score("Vladimir Putin Ivanov", "Vladimir Putin") < Score("Vladimir Putin", "Vladimir Putin Ivanov"));

    [Theory]
    [InlineData("Vladimr Putin", "Vladimir Putin")]
    [InlineData("Huawie Technologies", "Huawei Technologies Co., Ltd.")]
    [InlineData("Rosoboronexprot", "Rosoboronexport")]
    [InlineData("Mohamed Ali", "Muhammad Ali")]
    public void A_typo_stays_above_the_threshold(string query, string candidate)
    {
        var score = Score(query, candidate);
        Assert.True(score >= Threshold && score < 1.0, $"{score}");
    }

    [Theory]
    [InlineData("Angela Merkel", "Vladimir Putin")]
    [InlineData("Volkswagen AG", "Siemens AG")]
    [InlineData("Bank of America", "Bank Melli Iran")]
    [InlineData("Saudi Arabian Gas Company", "Saudi Arabian Oil Company")]
    public void Unrelated_names_stay_below_the_threshold(string query, string candidate) =>
        Assert.True(Score(query, candidate) < Threshold, $"{Score(query, candidate)}");

    [Fact]
    public void Legal_forms_alone_never_make_a_match()
    {
        Assert.True(Score("ABC Co., Ltd.", "XYZ Co., Ltd.") < Threshold);
        Assert.True(Score("Co., Ltd.", "Co. Ltd") <= 0.5);
    }

    [Fact]
    public void A_different_number_lowers_the_score()
    {
        var same = Score("Research Institute 14 of CETC", "Research Institute 14 of CETC");
        var other = Score("Research Institute 14 of CETC", "Research Institute 15 of CETC");
        Assert.True(other < same);
        Assert.True(other < Threshold, $"{other}");
    }

    [Fact]
    public void A_common_word_counts_less_than_a_distinctive_one() =>
        Assert.True(Score("Huawei Technology", "Huawei") > Score("Huawei Technology", "Technology"));

    [Theory]
    [InlineData("HUA WEI Technologies", "Huawei Technologies")]
    [InlineData("JSCARGUMENT", "JSC ARGUMENT")]
    [InlineData("SergeiLavrov", "Sergei Lavrov")]
    [InlineData("Goodwill Company", "Good Will Company")]
    public void Joined_and_split_tokens_meet(string query, string candidate) =>
        Assert.True(Score(query, candidate) >= 0.95, $"{Score(query, candidate)}");

    [Fact]
    public void A_Chinese_query_meets_the_English_name()
    {
        Assert.True(Score("华为技术有限公司", "Huawei Technologies Co., Ltd.") >= Threshold);
        Assert.True(Score("中国电子科技集团公司", "China Electronics Technology Group Corporation") >= Threshold);
        Assert.True(Score("華為技術有限公司", "HUAWEI TECHNOLOGIES CO., LTD.") >= Threshold);
    }

    [Theory]
    [InlineData("Владимир Путин", "Vladimir Putin")]
    [InlineData("محمد علي", "Mohamed Ali")]
    [InlineData("习近平", "Xi Jinping")]
    [InlineData("Νικόλαος", "Nikolaos")]
    public void Other_scripts_meet_their_Latin_spelling(string query, string candidate) =>
        Assert.True(Score(query, candidate) >= Threshold, $"{Score(query, candidate)}");

    [Fact]
    public void A_short_Arabic_skeleton_does_not_meet_a_long_Latin_word() => Assert.True(Score("ود", "Oded") < Threshold);

    [Fact]
    public void An_initial_stands_for_a_name_in_the_query_more_than_in_the_entry()
    {
        Assert.True(Score("V. Putin", "Vladimir Putin") >= Threshold);
        Assert.True(Score("Attiqullah Akhund", "A. A. Trading") < 0.5);
    }

    [Fact]
    public void Scores_stay_in_range()
    {
        string[] names = ["", "a", "Co", "Huawei", "华为", "Vladimir Putin", "1 2 3", "Al Al Al Al", "X Y Z Co Ltd GmbH"];
        foreach (var q in names)
        {
            foreach (var c in names)
            {
                var s = Score(q, c);
                Assert.InRange(s, 0.0, 1.0);
            }
        }
    }
}
