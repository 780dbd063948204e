using System.Collections.Frozen;
using Lodestone.Screening.Matching;

namespace Lodestone.Screening.Normalisation;

/// <summary>
/// Legal forms (Co., Ltd., GmbH, OOO, JSC, 有限公司 …) and similar filler words, folded to one canonical weak token
/// each. They count little and never make a match alone: "ABC Co., Ltd." is not "XYZ Co., Ltd.".
/// </summary>
internal static class LegalForms
{
    /// <summary>Single words and their canonical form.</summary>
    private static readonly FrozenDictionary<string, string> Single = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Company / corporation / incorporated: one generic corporate form for matching purposes.
        ["co"] = "co",
        ["cos"] = "co",
        ["company"] = "co",
        ["companies"] = "co",
        ["corp"] = "co",
        ["corporation"] = "co",
        ["corpn"] = "co",
        ["incorporated"] = "co",
        ["inc"] = "co",
        ["cia"] = "co",
        ["compania"] = "co",
        ["compagnie"] = "co",
        ["cie"] = "co",
        ["companhia"] = "co",
        ["kompaniya"] = "co",
        ["ltd"] = "ltd",
        ["limited"] = "ltd",
        ["ltda"] = "ltd",
        ["limitada"] = "ltd",
        ["llc"] = "llc",
        ["ooo"] = "llc",
        ["tov"] = "llc",
        ["plc"] = "plc",
        ["jsc"] = "jsc",
        ["ojsc"] = "ojsc",
        ["oao"] = "ojsc",
        ["cjsc"] = "cjsc",
        ["zao"] = "cjsc",
        ["pjsc"] = "pjsc",
        ["pao"] = "pjsc",
        ["ano"] = "ano",
        ["gmbh"] = "gmbh",
        ["ag"] = "ag",
        ["aktiengesellschaft"] = "ag",
        ["sa"] = "sa",
        ["sas"] = "sas",
        ["sae"] = "sa",
        ["sal"] = "sal",
        ["sarl"] = "sarl",
        ["spa"] = "spa",
        ["srl"] = "srl",
        ["spzoo"] = "spzoo",
        ["bv"] = "bv",
        ["nv"] = "nv",
        ["oy"] = "oy",
        ["oyj"] = "oy",
        ["ab"] = "ab",
        ["as"] = "as",
        ["asa"] = "as",
        ["kg"] = "kg",
        ["kft"] = "kft",
        ["zrt"] = "zrt",
        ["sro"] = "sro",
        ["doo"] = "doo",
        ["ead"] = "ead",
        ["eood"] = "eood",
        ["pte"] = "pte",
        ["pvt"] = "pvt",
        ["llp"] = "llp",
        ["lp"] = "lp",
        ["pllc"] = "llc",
        ["fze"] = "fze",
        ["fzco"] = "fzco",
        ["fzc"] = "fzco",
        ["fzllc"] = "fzllc",
        ["fz"] = "fz",
        ["dmcc"] = "dmcc",
        ["wll"] = "wll",
        ["bsc"] = "bsc",
        ["psc"] = "psc",
        ["tbk"] = "tbk",
        ["pt"] = "pt",
        ["cv"] = "cv",
        ["bhd"] = "bhd",
        ["sdn"] = "sdn",
        ["kk"] = "kk",
        ["est"] = "est",
        ["establishment"] = "est",
        ["group"] = "group",
        ["branch"] = "branch",
        ["share"] = "share",
        ["joint"] = "joint",
        ["stock"] = "stock",
        ["liability"] = "liability",
        ["shares"] = "share",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Multi-word legal forms, longest first, and the canonical tokens they become.</summary>
    private static readonly (string[] Words, string[] Canonical)[] Multi = OrderByLength(
    [
        (["gesellschaft", "mit", "beschrankter", "haftung"], ["gmbh"]),
        (["open", "joint", "stock", "company"], ["ojsc"]),
        (["closed", "joint", "stock", "company"], ["cjsc"]),
        (["public", "joint", "stock", "company"], ["pjsc"]),
        (["private", "joint", "stock", "company"], ["cjsc"]),
        (["sp", "z", "o", "o"], ["spzoo"]),
        (["sp", "z", "oo"], ["spzoo"]),
        (["joint", "stock", "company"], ["jsc"]),
        (["joint", "stock", "co"], ["jsc"]),

        // Cut short or reordered, as callers type them (SDN "EXPOBANK JOINT STOCK COMPANY" screened as "EXPOBANK JOINT
        // STOCK", "LIMITED LIABILITY COMPANY" as "LIABILITY LIMITED COMPANY"): the words alone are legal-form words too.
        (["open", "joint", "stock"], ["ojsc"]),
        (["closed", "joint", "stock"], ["cjsc"]),
        (["public", "joint", "stock"], ["pjsc"]),
        (["joint", "stock"], ["jsc"]),
        (["stock", "joint", "company"], ["jsc"]),
        (["liability", "limited", "company"], ["llc"]),
        (["ltd", "liability", "co"], ["llc"]),
        (["limited", "liability", "co"], ["llc"]),
        (["limited", "liability"], ["llc"]),
        (["limited", "liability", "company"], ["llc"]),
        (["limited", "liability", "partnership"], ["llp"]),
        (["public", "limited", "company"], ["plc"]),
        (["private", "limited", "company"], ["pvt", "ltd"]),
        (["private", "limited"], ["pvt", "ltd"]),
        (["sociedad", "anonima"], ["sa"]),
        (["societe", "anonyme"], ["sa"]),
        (["sociedade", "anonima"], ["sa"]),
        (["kabushiki", "kaisha"], ["kk"]),
        (["autonomous", "non", "profit", "organization"], ["ano"]),
        (["societatea", "cu", "raspundere", "limitata"], ["srl"]),

        // Russian forms as SDN and the Entity List romanise them (OBSHCHESTVO S OGRANICHENNOI / OGRANICHENNOY
        // OTVETSTVENNOSTYU, AKTSIONERNOE / AKTSIONERNOYE OBSHCHESTVO); other romanisations (OBSCHESTVO,
        // OTVETSTVENNOSTIU) are a letter or two away and pass as typos below.
        (["obshchestvo", "s", "ogranichennoy", "otvetstvennostyu"], ["llc"]),
        (["obshchestvo", "s", "ogranichennoi", "otvetstvennostyu"], ["llc"]),
        (["aktsionernoe", "obshchestvo"], ["jsc"]),
        (["publichnoe", "aktsionernoe", "obshchestvo"], ["pjsc"]),
        (["otkrytoe", "aktsionernoe", "obshchestvo"], ["ojsc"]),
        (["zakrytoe", "aktsionernoe", "obshchestvo"], ["cjsc"]),
        (["nepublichnoe", "aktsionernoe", "obshchestvo"], ["jsc"]),
    ]);

    /// <summary>Long legal-form words worth recognising even when misspelt ("Aktiengeselschaft").</summary>
    private static readonly string[] LongWords =
        ["aktiengesellschaft", "corporation", "incorporated", "establishment", "gesellschaft", "company", "limited", "limitada"];

    private static readonly FrozenSet<string> Canonical = Single.Values.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Legal-form words at least this long are recognised with one typo.</summary>
    private const int TypoLength = 5;

    /// <summary>
    /// Inside a multi-word form the other words vouch for the form, so a four-letter word takes a typo too ("opern joint
    /// stock company"), though not a changed letter: "Opel", "Oren" and "Owen" are names, and a name folded into the form
    /// would leave nothing to match on. Words of five letters or more take any one edit, and words of
    /// <see cref="Typos.MinTwoEditLength"/> letters or more two.
    /// </summary>
    private const int MultiTypoLength = 4;

    /// <summary>Shortest word of a multi-word form in which a changed letter is taken as a typo ("jjint stock company").</summary>
    private const int MultiSubstitutionLength = 5;

    private static readonly (string Word, string Form)[] TypoTolerant =
        [.. Single.Where(p => p.Key.Length >= TypoLength).Select(p => (p.Key, p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal)];

    /// <summary>True for a canonical legal-form token.</summary>
    public static bool IsWeak(string token) => Canonical.Contains(token);

    /// <summary>The canonical form of a one-word legal form (tolerating a typo in long words), or null.</summary>
    public static string? Canonicalise(string token)
    {
        if (Single.TryGetValue(token, out var canonical))
        {
            return canonical;
        }

        if (token.Length >= TypoLength - 1)
        {
            foreach (var (word, form) in TypoTolerant)
            {
                if (word[0] == token[0] && Typos.IsOneEdit(token, word, substitutionLength: int.MaxValue))
                {
                    // "Goup", "Limted", "Compnay": one letter missing, added or swapped in a legal-form word of five
                    // letters or more. Not a changed letter: "Branco" and "Soares" are surnames, not "branch" and "shares".
                    return form;
                }
            }
        }

        if (token.Length < 6)
        {
            return null;
        }

        foreach (var word in LongWords)
        {
            if (word[0] == token[0] && Math.Abs(word.Length - token.Length) <= 2 && JaroWinkler.Similarity(word, token) >= 0.94)
            {
                // Some long words stand only inside multi-word forms ("gesellschaft mit beschränkter
                // Haftung"); alone they are still legal-form words, kept as they are.
                return Single.TryGetValue(word, out var form) ? form : word;
            }
        }

        return null;
    }

    /// <summary>A cheap test before the edit distance (every token of every indexed name passes here).</summary>
    private static bool MayBeTypo(string token, string word, int edits) =>
        Math.Abs(token.Length - word.Length) <= edits && token.Length > 1 && (token[0] == word[0] || token[1] == word[1]);

    /// <summary>
    /// True when <paramref name="token"/> stands for <paramref name="word"/> of a multi-word form: equal, or a typo of it
    /// (see <see cref="MultiTypoLength"/>). A changed letter counts in words of five letters or more ("AKTSIONERNOC"): the
    /// form's other words make it a typo, not another word.
    /// </summary>
    private static bool IsFormWord(string token, string word)
    {
        if (string.Equals(token, word, StringComparison.Ordinal))
        {
            return true;
        }

        if (word.Length < MultiTypoLength)
        {
            return false;
        }

        var edits = word.Length >= Typos.MinTwoEditLength ? 2 : 1;
        return MayBeTypo(token, word, edits)
            && (edits == 2 ? Typos.Distance(token, word, edits) <= edits : Typos.IsOneEdit(token, word, MultiSubstitutionLength));
    }

    private static (string[] Words, string[] Canonical)[] OrderByLength((string[] Words, string[] Canonical)[] forms) =>
        [.. forms.OrderByDescending(f => f.Words.Length)];

    /// <summary>Matches a multi-word legal form at <paramref name="start"/>; returns how many tokens it spans (0 if none).</summary>
    public static int MatchMulti(IReadOnlyList<string> tokens, int start, out string[] canonical)
    {
        // Multi is ordered longest first, so the first match is the longest.
        foreach (var (words, result) in Multi)
        {
            if (start + words.Length > tokens.Count)
            {
                continue;
            }

            var ok = true;
            for (var k = 0; k < words.Length && ok; k++)
            {
                // A typo in a word of the form ("JJINT STOCK COMPANY", "AKSIONERNOE OBSHHESTVO") keeps the form.
                ok = IsFormWord(tokens[start + k], words[k]);
            }

            if (ok)
            {
                canonical = result;
                return words.Length;
            }
        }

        canonical = [];
        return 0;
    }
}
