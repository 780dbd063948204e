using Lodestone.Screening.Matching;
using Lodestone.Screening.Tests.Support;

namespace Lodestone.Screening.Tests.Matching;

/// <summary>
/// Faults the screening benchmark found (docs/benchmarks.md, "Findings for the engine"), each with the query that showed
/// it: the perturbed list name and the listed original.
/// </summary>
public sealed class BenchmarkFindingTests
{
    private const double Threshold = ScreeningOptions.DefaultThreshold;

    private static double Score(string query, string candidate) => NameMatcher.Compare(query, candidate).Score;

    [Theory]
    [InlineData("Rostek Shiqpizng OAO", "Rostek Shipping OAO")]
    [InlineData("AFAGASEV, Dmitriy Valeryevich", "AFANASYEV, Dmitriy Valeryevich")]
    [InlineData("AL-QMAH, Akram", "AL-QUTMAH, Akram")]
    [InlineData("AZCOEC MINERAL & MACHINERY GMBH", "ASCOTEC MINERAL & MACHINERY GMBH")]
    public void The_index_does_not_prune_a_match_the_scorer_rates_above_the_threshold(string query, string listed)
    {
        // Enough look-alike entries that the candidate stage must choose which tokens to look up.
        var entries = new List<IndexedEntry> { Entries.Of("target", listed) };
        string[] fillers = ["Dmitriy Ivanov", "Dmitriy Valeryevich Petrov", "Akram Haddad", "Mineral Trading GmbH", "Machinery Holdings GmbH", "Rostek Holdings OAO", "Shipping Lines OAO"];
        for (var i = 0; i < fillers.Length; i++)
        {
            entries.Add(Entries.Of($"f{i}", fillers[i]));
        }

        var index = Entries.Index([.. entries]);
        var expected = Score(query, listed);
        Assert.True(expected >= Threshold, $"the scorer rates the pair {expected}");
        var found = index.Screen(new ScreeningQuery(query)).SingleOrDefault(m => m.EntryId == "target");
        Assert.NotNull(found);
        Assert.Equal(expected, found.Score, 9);
    }

    [Theory]
    [InlineData("Invidia Corporation", "NVIDIA Corporation")]
    [InlineData("Laidth AL-KHAZALI", "Laith AL-KHAZALI")]
    [InlineData("Tbilisi Gasifn Aerospace", "Tbilisi Galfin Aerospace")]
    [InlineData("AKTSIONERNOE OBSHCHESTVO MASHINOATROITELNYI KHOLDING", "AKTSIONERNOE OBSHCHESTVO MASHINOSTROITELNYI KHOLDING")]
    [InlineData("Diego Martinwz", "Diego Martinez")]
    [InlineData("AECC Shenyang Limin Aerf Engine Co., Ltd.", "AECC Shenyang Liming Aero Engine Co., Ltd.")]
    public void A_typo_inside_a_word_stays_a_match(string query, string listed) =>
        Assert.True(Score(query, listed) >= Threshold, $"{Score(query, listed)}");

    [Theory]
    [InlineData("Bosch GmbH", "Busch GmbH")]
    [InlineData("Mark Zuckermann", "Mark Zuckerberg")]
    [InlineData("Sara Branco", "SARA")]
    [InlineData("Patrícia Soares", "PATRICIA")]
    public void A_changed_letter_in_a_short_name_or_a_different_ending_is_not_a_typo(string query, string listed) =>
        Assert.True(Score(query, listed) < 0.9, $"{Score(query, listed)}");

    [Fact]
    public void A_name_read_from_another_script_gets_no_typo_credit()
    {
        // Pinyin is not typed: "jianting" for "Jiantong" is another given name, not a slip.
        var typed = Score("Wang Jianting", "WANG Jiantong");
        var read = Score("健婷 王", "WANG, Jiantong");
        Assert.True(read < typed, $"{read} vs {typed}");
    }

    [Theory]
    [InlineData("ANSAR INFO TECH CO", "ANSAR INFORMATION TECHNOLOGY COMPANY")]
    [InlineData("ACM Res Korea Co., Ltd.", "ACM Research Korea Co., Ltd.")]
    [InlineData("Aero Ind Dev Corp.", "Aerospace Industrial Development Corp.")]
    [InlineData("Livingston Aero Ltd.", "Livingston Aerospace Ltd.")]
    [InlineData("AECC Shenyang Liming Aero Engine Co., Ltd.", "AECC Shenyang Liming Aero Engine Co., Ltd.")]
    [InlineData("China COSCO SHPG Corp Ltd", "China COSCO Shipping Corporation Limited")]
    public void Common_abbreviations_are_expanded(string query, string listed) =>
        Assert.True(Score(query, listed) >= 0.9, $"{Score(query, listed)}");

    [Theory]
    [InlineData("EXPOBANK JOINT STOCK", "EXPOBANK JOINT STOCK COMPANY")]
    [InlineData("SOVCOMBANK OPEN JOINT STOCK", "SOVCOMBANK OPEN JOINT STOCK COMPANY")]
    [InlineData("Stock Joint Company Angstrem-T", "Joint Stock Company Angstrem-T")]
    [InlineData("LIABILITY LIMITED COMPANY RSB-GROUP", "LIMITED LIABILITY COMPANY RSB-GROUP")]
    [InlineData("LTD LIABILITY CO INFERIT", "LIMITED LIABILITY COMPANY INFERIT")]
    [InlineData("ECPOBANK JJINT STOCK COMPANY", "EXPOBANK JOINT STOCK COMPANY")]
    [InlineData("AKSIONERNOE OBSHHESTVO LAMA", "AKTSIONERNOE OBSHCHESTVO LAMA")]
    [InlineData("China Telecmo Goup Co., Ltd.", "China Telecom Group Co., Ltd.")]
    [InlineData("SOVCOMBANK OPERN JOINT STOC COMPANY", "SOVCOMBANK OPEN JOINT STOCK COMPANY")]
    [InlineData("PUBLICHNOE AKTIONERNOC OBSCHESTVO CITY", "PUBLICHNOE AKTSIONERNOE OBSHCHESTVO CITY")]
    [InlineData("OBSHCHESTVO S OGRADICHENOI OTVETSTVENNOSTYU INZHINIRINGOVYE RESHENIYA", "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU INZHINIRINGOVYE RESHENIYA")]
    [InlineData("AKTSIONERNOBYE OBSHCHESTVO ZAVOD ZVEZDA", "AKTSIONERNOYE OBSHCHESTVO ZAVOD ZVEZDA")]
    public void A_partial_or_reordered_legal_form_stays_a_legal_form(string query, string listed) =>
        Assert.True(Score(query, listed) >= 0.9, $"{Score(query, listed)}");

    [Theory]
    [InlineData("Ig0r Sech1n", "Igor Sechin")]
    [InlineData("R0sneft", "Rosneft")]
    public void Digits_typed_for_letters_read_as_letters(string query, string listed) =>
        Assert.True(Score(query, listed) >= 0.95, $"{Score(query, listed)}");

    [Theory]
    [InlineData("Plant 5", "Plant 6")]
    [InlineData("A380 Services", "A350 Services")]
    public void Numbers_stay_numbers(string query, string listed) =>
        Assert.True(Score(query, listed) < Threshold, $"{Score(query, listed)}");

    [Theory]
    [InlineData("آیدا دادفر", "DOVER")]
    [InlineData("ايليا پریا ربانی", "EL BARBON")]
    public void Unvowelled_arabic_does_not_meet_a_latin_word_too_short_to_spell_it(string query, string listed) =>
        Assert.True(Score(query, listed) < Threshold, $"{Score(query, listed)}");

    [Theory]
    [InlineData("محمد علي", "Mohamed Ali")]
    [InlineData("عبد الله", "Abdullah")]
    [InlineData("משה", "Moshe")]
    public void Unvowelled_arabic_and_hebrew_still_meet_their_latin_spelling(string query, string listed) =>
        Assert.True(Score(query, listed) >= Threshold, $"{Score(query, listed)}");

    [Fact]
    public void Numbered_units_of_one_parent_are_different_names()
    {
        const string twelfth = "China State Shipbuilding Corporation, Limited (CSSC) 12th Research Institute";
        string[] others =
        [
            "China State Shipbuilding Corporation, Limited (CSSC) 715th Research Institute",
            "China State Shipbuilding Corporation, Limited (CSSC) 750th Test Center",
            "China State Shipbuilding Corporation, Limited (CSSC) 718th Research Institute",
        ];
        foreach (var other in others)
        {
            Assert.True(Score(twelfth, other) < Threshold, $"{other}: {Score(twelfth, other)}");
        }

        var entries = new List<IndexedEntry> { Entries.Of("12", twelfth) };
        entries.AddRange(others.Select((name, i) => Entries.Of($"o{i}", name)));
        var results = Entries.Index([.. entries]).Screen(new ScreeningQuery(twelfth));
        Assert.Equal("12", results[0].EntryId);
        Assert.Equal(1.0, results[0].Score, 9);
    }
}
