using Lodestone.Screening.Normalisation;

namespace Lodestone.Screening.Tests.Normalisation;

/// <summary>Chinese names read through the glossary, with the rest romanised to pinyin.</summary>
public sealed class ChineseNormalisationTests
{
    private static NameToken[] Tokens(string name) => NameNormaliser.Normalise(name).Forms[0].Tokens;

    [Fact]
    public void Glossary_words_become_English_and_the_brand_becomes_one_pinyin_token()
    {
        var tokens = Tokens("华为技术有限公司");
        Assert.Equal(["huawei", "technology", "co", "ltd"], tokens.Select(t => t.Text));
        Assert.Equal("华为", tokens[0].Source);
        Assert.Equal("技术", tokens[1].Source);
    }

    [Fact]
    public void Traditional_characters_read_like_simplified() =>
        Assert.Equal(NameNormaliser.Normalise("华为技术有限公司").Text, NameNormaliser.Normalise("華為技術有限公司").Text);

    [Fact]
    public void You_xian_gong_si_is_a_weak_legal_form()
    {
        var tokens = Tokens("华为技术有限公司");
        Assert.All(tokens[2..], t => Assert.True((t.Kind & TokenKind.Weak) != 0));
    }

    [Fact]
    public void A_state_group_reads_as_its_English_name() =>
        Assert.Equal("china electronic technology group co", NameNormaliser.Normalise("中国电子科技集团公司").Text);

    [Fact]
    public void Longest_glossary_match_wins()
    {
        // 股份有限公司 is one legal form, not 股份 + 有限公司.
        Assert.Equal("acme co ltd", NameNormaliser.Normalise("Acme 股份有限公司").Text);
    }

    [Fact]
    public void Place_names_stay_in_pinyin_and_split_the_run() =>
        Assert.Equal("beijing aviation aerospace university", NameNormaliser.Normalise("北京航空航天大学").Text);

    [Fact]
    public void Ordinals_after_di_become_numbers() =>
        Assert.Contains(Tokens("中国电子科技集团公司第十四研究所"), t => t.Text == "14" && (t.Kind & TokenKind.Number) != 0);

    [Fact]
    public void A_glossary_word_may_have_alternative_renderings()
    {
        var academy = Tokens("中国工程物理研究院").Single(t => t.Source == "研究院" && t.Alternates is not null);
        Assert.Contains("institute", academy.Alternates!);
    }

    [Fact]
    public void A_middle_dot_separates_transliterated_foreign_names() =>
        Assert.Equal(["luokexide", "mading"], Tokens("洛克希德·马丁").Select(t => t.Text));

    [Fact]
    public void Full_width_forms_are_folded() => Assert.Equal("huawei", NameNormaliser.Normalise("Ｈｕａｗｅｉ").Text);

    [Fact]
    public void Korean_surnames_take_their_usual_spelling() =>
        Assert.Equal(["kim", "jeongeun"], Tokens("김정은").Select(t => t.Text));
}
