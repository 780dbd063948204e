using System.Collections.Frozen;

namespace Lodestone.Screening.Normalisation;

/// <summary>
/// Word lists that decide how much a token counts. They stand in for corpus frequencies (IDF): a static table
/// keeps a pair's score the same whatever else happens to be indexed, so a threshold tuned once stays valid.
/// </summary>
internal static class WordClasses
{
    /// <summary>Words dropped outright: they carry no identity ("Bank of China" = "Bank China").</summary>
    private static readonly FrozenSet<string> Stopwords = FrozenSet.ToFrozenSet(
    [
        "of", "the", "and", "for", "de", "du", "des", "del", "della", "la", "le", "les", "los", "las", "y", "et", "und",
        "aka", "fka", "nka", "dba", "formerly", "known", "also", "no", "nr",
    ], StringComparer.Ordinal);

    /// <summary>Name particles: kept (they help align names) but weighed lightly.</summary>
    private static readonly FrozenSet<string> Particles = FrozenSet.ToFrozenSet(
    [
        "al", "el", "ul", "bin", "ben", "ibn", "bint", "abu", "abou", "umm", "van", "von", "der", "den", "da", "di", "dos", "das", "do",
        "mac", "st", "san", "santa", "haji", "hajji", "sheikh", "shaikh", "sayed", "sayyid", "syed", "mr", "mrs", "ms", "dr",
        "mullah", "mawlawi", "maulavi", "maulvi", "qari", "hafiz", "mufti", "imam", "president", "prasident", "monsieur", "madame",
        "mister", "colonel", "captain", "minister", "prince", "emir",
    ], StringComparer.Ordinal);

    /// <summary>Patronymic endings (Vladimirovich, Oleksandrovych, Ivanovna): a patronymic is often left out, so it counts little.</summary>
    private static readonly string[] PatronymicEndings =
        ["ovich", "evich", "ovitch", "evitch", "ovych", "evych", "ovna", "evna", "ivna", "ichna", "oglu", "ogly"];

    /// <summary>Spelling variants of particles folded to one (ibn = bin, el-/ul-/ud- = al-).</summary>
    private static readonly FrozenDictionary<string, string> CanonicalWords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ibn"] = "bin",
        ["el"] = "al",
        ["ul"] = "al",
        ["ud"] = "al",
        ["abou"] = "abu",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Very common given names and surnames: meeting one says little about identity (a static stand-in for IDF).
    /// </summary>
    private static readonly FrozenSet<string> CommonNames = FrozenSet.ToFrozenSet(
    [
        "mohammad", "muhammad", "mohammed", "mohamed", "mohamad", "muhammed", "mohd", "ahmad", "ahmed", "abdul", "abdel", "abd",
        "kim", "lee", "ri", "pak", "park", "choe", "choi", "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou",
    ], StringComparer.Ordinal);

    /// <summary>
    /// Common organisation words: thousands of listed names share them, so meeting one says little. Singular forms,
    /// as the plural folding leaves them.
    /// </summary>
    private static readonly FrozenSet<string> Generic = FrozenSet.ToFrozenSet(
    [
        "technology", "international", "china", "chinese", "industry", "industrial", "trading", "trade", "electronic",
        "electric", "engineering", "equipment", "system", "service", "science", "scientific", "research", "institute",
        "university", "academy", "college", "school", "development", "investment", "management", "holding", "enterprise",
        "global", "national", "import", "export", "manufacturing", "manufacturer", "machinery", "material", "product",
        "solution", "network", "communication", "information", "software", "energy", "resource", "logistics", "shipping",
        "transport", "construction", "chemical", "general", "new", "bank", "center", "laboratory", "factory", "aviation",
        "aerospace", "commercial", "business", "consulting", "consultant", "security", "defense", "power", "petroleum",
        "oil", "gas", "metal", "steel", "mining", "medical", "pharmaceutical", "automation", "control", "precision",
        "instrument", "optical", "intelligent", "data", "digital", "smart", "world", "asia", "pacific", "east", "west",
        "north", "south", "middle", "trust", "fund", "capital", "finance", "financial", "partner", "association",
        "organization", "foundation", "department", "ministry", "office", "agency", "bureau", "society", "union",
        "committee", "council", "government", "state", "federal", "republic", "people", "united", "kingdom", "city",
        "province", "municipal", "semiconductor", "microelectronic", "telecom", "component", "device", "supply",
        "supplier", "sales", "store", "shop", "market", "marketing", "project", "design", "apparatus", "tool", "vehicle",
        "motor", "automotive", "ship", "shipbuilding", "marine", "maritime", "port", "air", "airline", "aircraft",
        "airport", "rail", "railway", "road", "hong", "kong", "hk", "usa", "america", "american", "european", "europe",
        "russia", "russian", "iran", "iranian", "universal", "overseas", "foreign", "domestic", "express", "freight",
        "cargo", "exchange", "credit", "insurance", "uk", "army", "advanced", "applied", "modern", "future", "high",
        "tech", "hightech", "key", "lab",
    ], StringComparer.Ordinal);

    /// <summary>Chinese place names the glossary renders in pinyin; they count somewhat less than a brand name.</summary>
    private static readonly FrozenSet<string> Locations = FrozenSet.ToFrozenSet(
    [
        "beijing", "shanghai", "shenzhen", "guangzhou", "tianjin", "chongqing", "wuhan", "nanjing", "chengdu", "xian", "hangzhou",
        "harbin", "changsha", "suzhou", "wuxi", "zhuhai", "xiamen", "dalian", "qingdao", "shenyang", "hefei", "zhengzhou", "jinan",
        "fuzhou", "dongguan", "ningbo", "mianyang", "macau", "taiwan", "guangdong", "jiangsu", "zhejiang", "sichuan", "hubei",
        "hunan", "shandong", "hebei", "henan", "shaanxi", "shanxi", "liaoning", "jilin", "heilongjiang", "anhui", "fujian",
        "jiangxi", "yunnan", "guizhou", "guangxi", "xinjiang", "tibet", "mongolia", "hainan", "inner", "moscow", "tehran", "dubai",
    ], StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Ordinals = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["first"] = "1",
        ["second"] = "2",
        ["third"] = "3",
        ["fourth"] = "4",
        ["fifth"] = "5",
        ["sixth"] = "6",
        ["seventh"] = "7",
        ["eighth"] = "8",
        ["ninth"] = "9",
        ["tenth"] = "10",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>English number words (units, teens and tens), so "Brigade Forty-Four" meets "Brigade 44".</summary>
    private static readonly FrozenDictionary<string, int> NumberWords = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["thirteen"] = 13,
        ["fourteen"] = 14,
        ["fifteen"] = 15,
        ["sixteen"] = 16,
        ["seventeen"] = 17,
        ["eighteen"] = 18,
        ["nineteen"] = 19,
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fourty"] = 40,
        ["fifty"] = 50,
        ["sixty"] = 60,
        ["seventy"] = 70,
        ["eighty"] = 80,
        ["ninety"] = 90,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsStopword(string token) => Stopwords.Contains(token);

    /// <summary>The value of an English number word, or 0.</summary>
    public static int NumberWord(string token) => NumberWords.TryGetValue(token, out var n) ? n : 0;

    /// <summary>The canonical spelling of a particle (ibn → bin), or the word itself.</summary>
    public static string Canonical(string token) => CanonicalWords.TryGetValue(token, out var c) ? c : token;

    private static bool IsPatronymic(string token)
    {
        if (token.Length < 7)
        {
            return false;
        }

        foreach (var ending in PatronymicEndings)
        {
            if (token.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The number an English ordinal word stands for ("first" → "1"), or null.</summary>
    public static string? OrdinalWord(string token) => Ordinals.TryGetValue(token, out var n) ? n : null;

    /// <summary>Common words by first letter, for recognising them through a typo.</summary>
    private static readonly FrozenDictionary<char, string[]> GenericByLetter =
        Generic.GroupBy(w => w[0]).ToFrozenDictionary(g => g.Key, g => g.ToArray());

    /// <summary>
    /// The common word a long token misspells ("electronycs", "institue", "internationall"), or null. Recognised on
    /// both sides alike, a misspelt common word weighs as little as the word itself instead of passing for a
    /// distinctive name.
    /// </summary>
    public static string? MisspeltGeneric(string token)
    {
        if (token.Length < 7 || Generic.Contains(token) || !GenericByLetter.TryGetValue(token[0], out var words))
        {
            return null;
        }

        var bare = token[^1] == 's' ? token.AsSpan(0, token.Length - 1) : token.AsSpan();
        foreach (var word in words)
        {
            // Close by Jaro-Winkler and at most an edit or two apart: "martinez" is 0.94 from "marine" but a surname.
            if (Math.Abs(word.Length - bare.Length) <= 2 && Matching.JaroWinkler.Similarity(word, bare) >= 0.94
                && Matching.Typos.Distance(word, bare, 2) <= (word.Length >= 9 ? 2 : 1))
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>The kind of an ordinary (non legal-form) token from its text alone.</summary>
    public static TokenKind Classify(string token)
    {
        if (token.Length == 0)
        {
            return TokenKind.None;
        }

        if (token.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            return TokenKind.Number;
        }

        if (token.Length == 1)
        {
            return TokenKind.Initial;
        }

        if (LegalForms.IsWeak(token))
        {
            return TokenKind.Weak;
        }

        if (Particles.Contains(token) || IsPatronymic(token))
        {
            return TokenKind.Particle;
        }

        if (Generic.Contains(token))
        {
            return TokenKind.Generic;
        }

        if (CommonNames.Contains(token))
        {
            return TokenKind.CommonName;
        }

        return Locations.Contains(token) ? TokenKind.Location : TokenKind.None;
    }
}
