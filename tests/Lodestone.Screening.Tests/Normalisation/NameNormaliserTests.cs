using Lodestone.Screening.Normalisation;

namespace Lodestone.Screening.Tests.Normalisation;

/// <summary>Case, punctuation, diacritics, legal forms, abbreviations, stopwords, plurals and "SURNAME, Given".</summary>
public sealed class NameNormaliserTests
{
    private static string Text(string name) => NameNormaliser.Normalise(name).Text;

    private static NameToken[] Tokens(string name) => NameNormaliser.Normalise(name).Forms[0].Tokens;

    [Theory]
    [InlineData("Huawei Technologies Co., Ltd.", "huawei technology co ltd")]
    [InlineData("HUAWEI TECHNOLOGIES CO LTD", "huawei technology co ltd")]
    [InlineData("Acme Corporation", "acme co")]
    [InlineData("Acme Incorporated", "acme co")]
    [InlineData("Acme Limited", "acme ltd")]
    [InlineData("Siemens Aktiengesellschaft", "siemens ag")]
    [InlineData("Siemens Aktiengeselschaft", "siemens ag")]
    [InlineData("Open Joint Stock Company Gazprom", "ojsc gazprom")]
    [InlineData("Limited Liability Company Iskusstvo Krasoty", "llc iskusstvo krasoty")]
    [InlineData("OOO Romashka", "llc romashka")]
    [InlineData("FABERLIC EUROPE Sp. z o.o.", "faberlic europe spzoo")]
    [InlineData("Deutsche Bank GmbH", "deutsche bank gmbh")]
    public void Legal_forms_fold_to_canonical_tokens(string name, string expected) => Assert.Equal(expected, Text(name));

    [Theory]
    [InlineData("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU PROEKT", "llc proekt")]
    [InlineData("OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTIU PROEKT", "llc proekt")]
    [InlineData("AKTSIONERNOYE OBSHCHESTVO ZVEZDA", "jsc zvezda")]
    [InlineData("OTKRYTOE AKTSIONERNOE OBSHCHESTVO ZVEZDA", "ojsc zvezda")]
    [InlineData("ZAKRYTOE AKTSIONERNOE OBSCHESTVO ZVEZDA", "cjsc zvezda")]
    [InlineData("PUBLICHNOE AKTSIONERNOE OBSHESTVO ZVEZDA", "pjsc zvezda")]
    public void Russian_legal_forms_fold_in_each_romanisation_lists_use(string name, string expected) => Assert.Equal(expected, Text(name));

    [Theory]
    // Two edits in a long word of the form, one in a four-letter word, a changed letter: the form's other words vouch for it.
    [InlineData("OBSHCHESTVO S ORGANICHENNOW OTVETSTVENNOSTYU PROEKT", "llc proekt")]
    [InlineData("PUBLICHNOE AKTIONERNOC OBSCHESTVO CITY", "pjsc city")]
    [InlineData("SOVCOMBANK OPERN JOINT STOC COMPANY", "sovcombank ojsc")]
    public void Typos_inside_a_multi_word_legal_form_keep_the_form(string name, string expected) => Assert.Equal(expected, Text(name));

    [Theory]
    // Alone, a word is not vouched for: a changed letter or a second edit makes another word; nor is a four-letter name
    // with a changed letter before a form ("Opel" is not "open").
    [InlineData("Opel Motors", "opel motor")]
    [InlineData("OPEL JOINT STOCK COMPANY", "opel jsc")]
    [InlineData("AVTO OWEN JOINT STOCK COMPANY", "avto owen jsc")]
    [InlineData("Sara Branco", "sara branco")]
    [InlineData("AKTIONERNOC ZVEZDA", "aktionernoc zvezda")]
    public void Words_near_a_legal_form_word_outside_a_form_stay_words(string name, string expected) => Assert.Equal(expected, Text(name));

    [Fact]
    public void Legal_forms_are_weak_and_the_name_is_not()
    {
        var tokens = Tokens("Huawei Technologies Co., Ltd.");
        Assert.Equal(TokenKind.None, tokens[0].Kind);
        Assert.True((tokens[2].Kind & TokenKind.Weak) != 0);
        Assert.True((tokens[3].Kind & TokenKind.Weak) != 0);
    }

    [Theory]
    [InlineData("CNOOC ENERGY TECH & SRVCES LTD", "cnooc energy technology service ltd")]
    [InlineData("GUANGZHOU HAIGE COMM GRP", "guangzhou haige communication group")]
    [InlineData("Acme Intl Mfg Sys Svcs", "acme international manufacturing system service")]
    [InlineData("Natl Univ of Defense Tech", "national university defense technology")]
    [InlineData("First Bank Int'l", "1 bank international")]
    public void Abbreviations_expand(string name, string expected) => Assert.Equal(expected, Text(name));

    [Theory]
    [InlineData("A.B.C. Company", "abc co")]
    [InlineData("Banco Mercantil, S.A.", "banco mercantil sa")]
    [InlineData("O'Brien & Sons", "obrien sons")]
    [InlineData("Al-Qa'ida", "al qaida")]
    [InlineData("  ACME   ---  Trading  ", "acme trading")]
    public void Punctuation_is_removed_and_dotted_initials_join(string name, string expected) => Assert.Equal(expected, Text(name));

    [Theory]
    [InlineData("Crédit Agricole", "credit agricole")]
    [InlineData("Müller Øresund Łódź Straße", "muller oresund lodz strasse")]
    [InlineData("José Pérez", "jose perez")]
    public void Diacritics_are_removed(string name, string expected) => Assert.Equal(expected, Text(name));

    [Theory]
    [InlineData("Kobi Inetrnational Company", "kobi international co")]
    [InlineData("Suzi Leor Electronycs Limited", "suzi leor electronic ltd")]
    public void Misspelt_common_words_are_recognised(string name, string expected) => Assert.Equal(expected, Text(name));

    [Fact]
    public void Surname_first_names_are_reordered() => Assert.Equal("vladimir putin", Text("PUTIN, Vladimir"));

    [Fact]
    public void A_trailing_legal_form_after_a_comma_keeps_the_order() => Assert.Equal("acme co", Text("ACME, INC."));

    [Theory]
    [InlineData("Bank of China", "bank china")]
    [InlineData("The Research and Development Centre", "research development center")]
    public void Stopwords_are_dropped(string name, string expected) => Assert.Equal(expected, Text(name));

    [Theory]
    [InlineData("Technologies", "technology")]
    [InlineData("Electronics Systems Industries", "electronic system industry")]
    [InlineData("Williams", "williams")]
    public void Organisation_plurals_fold_and_surnames_do_not(string name, string expected) => Assert.Equal(expected, Text(name));

    [Fact]
    public void Ordinals_and_number_words_become_numbers()
    {
        Assert.Equal("1 international bank", Text("1st International Bank"));
        Assert.Equal("brigade 44", Text("Brigade Forty-Four"));
    }

    [Fact]
    public void Cyrillic_is_romanised() => Assert.Equal("vladimir putin", Text("Владимир Путин"));

    [Fact]
    public void Arabic_is_romanised_and_marked_for_skeleton_comparison()
    {
        var tokens = Tokens("محمد علي");
        Assert.Equal("mhmd", tokens[0].Text);
        Assert.True((tokens[0].Kind & TokenKind.Abjad) != 0);
    }

    [Fact]
    public void A_bracketed_acronym_is_a_form_of_its_own_and_stays_in_the_main_form()
    {
        var name = NameNormaliser.Normalise("Emal Bilal Construction Company (EBCC)");
        Assert.Equal(2, name.Forms.Count);
        Assert.Equal("emal bilal construction co ebcc", name.Forms[0].Text);
        Assert.Equal("ebcc", name.Forms[1].Text);
    }

    [Fact]
    public void A_bracketed_place_only_qualifies_the_name() =>
        Assert.Single(NameNormaliser.Normalise("Bank of China (Hong Kong) Limited").Forms);

    [Fact]
    public void Slash_separated_names_are_forms_and_a_slash_in_a_legal_form_is_not()
    {
        Assert.Equal(3, NameNormaliser.Normalise("Al-Qa'ida/Islamic Army").Forms.Count);
        Assert.Equal("nordic trade as", Text("Nordic Trade A/S"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("---")]
    [InlineData(null)]
    public void Nothing_usable_gives_no_forms(string? name) => Assert.Empty(NameNormaliser.Normalise(name).Forms);
}
