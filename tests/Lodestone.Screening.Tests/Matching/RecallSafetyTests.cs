using Lodestone.Screening.Matching;
using Lodestone.Screening.Tests.Support;

namespace Lodestone.Screening.Tests.Matching;

/// <summary>
/// The candidate stage must not lose what the scorer would find: over a few hundred names, the index returns the same
/// entries, with the same scores, as scoring every name of every entry.
/// </summary>
public sealed class RecallSafetyTests
{
    private static readonly string[] Brands =
    [
        "Huawei", "Zhongxing", "Sanhe", "Hikvision", "Dahua", "Inspur", "Sugon", "Phytium", "Cambricon", "Yitu", "Megvii", "Sensetime",
        "Rostec", "Almaz", "Antey", "Kalashnikov", "Uralvagonzavod", "Tupolev", "Sukhoi", "Mikoyan", "Irkut", "Zvezda", "Kronstadt",
        "Pardazan", "Shahed", "Qods", "Kavoshyar", "Farayand", "Mizan", "Sepehr", "Arman", "Tavan", "Parsian", "Sahand",
        "Argument", "Vector", "Orion", "Granit", "Elektron", "Mayak", "Kometa", "Strela", "Radon", "Polyot", "Vympel", "Rubin",
    ];

    private static readonly string[] Words =
    [
        "Technology", "Electronics", "Industrial", "Trading", "Import Export", "Research Institute", "Engineering", "Aviation",
        "Semiconductor", "Precision Machinery", "Logistics", "Holdings", "Systems", "Optical", "Materials", "Shipping",
    ];

    private static readonly string[] Forms = ["Co., Ltd.", "LLC", "JSC", "Limited", "Inc.", "GmbH", "Corporation", "OOO", ""];

    private static readonly string[] Given = ["Ali", "Mohammad", "Sergei", "Vladimir", "Wang", "Li", "Ahmed", "Hassan", "Dmitry", "Elena", "Yusuf", "Omar"];

    private static readonly string[] Family =
    [
        "Hosseini", "Rahimi", "Ivanov", "Petrov", "Sokolov", "Zhang", "Chen", "Karimi", "Haddad", "Nasser", "Volkov", "Morozov",
        "Abdullah", "Rahman", "Yilmaz", "Kuznetsov", "Lebedev", "Tehrani", "Jafari", "Mansour",
    ];

    [Fact]
    public void The_index_finds_what_a_brute_force_scan_finds()
    {
        var random = new Random(20261126);
        var entries = new List<Lodestone.Screening.Matching.IndexedEntry>();
        for (var i = 0; i < 300; i++)
        {
            var name = i % 3 == 0
                ? $"{Pick(random, Family)}, {Pick(random, Given)}"
                : $"{Pick(random, Brands)} {Pick(random, Words)} {Pick(random, Forms)}".Trim();
            var aliases = i % 5 == 0 ? new[] { $"{Pick(random, Brands)} {Pick(random, Words)}" } : [];
            entries.Add(Entries.Of(i.ToString(System.Globalization.CultureInfo.InvariantCulture), name, null, null, aliases));
        }

        var index = ScreeningIndex.Build(entries);
        var queries = new List<string>();
        for (var q = 0; q < 150; q++)
        {
            var source = entries[random.Next(entries.Count)].Entry.Name;
            queries.Add(Perturb(source, random));
        }

        queries.AddRange(["Huawei Technologies", "Sergey Ivanoff", "Mohamed Hosseiny", "Zvezda", "Research Institute", "Co Ltd"]);
        var checkedMatches = 0;
        foreach (var query in queries)
        {
            checkedMatches += Entries.AssertIndexAgreesWithBruteForce(index, entries, query);
        }

        Assert.True(checkedMatches > 150, $"the check must exercise matches, had {checkedMatches}");
    }

    /// <summary>Brand syllables (as in the bench's generated index): brands built from them are each other's Jaro-Winkler neighbours.</summary>
    private static readonly string[] Syllables =
    [
        "lin", "da", "lux", "mar", "fin", "ta", "wen", "va", "sen", "bor", "dan", "zan", "cor", "yor", "tek", "hel", "ros", "mi",
        "tor", "kal", "sil", "vis", "ne", "ri", "mu", "ko", "jor", "gen", "ver", "pol",
    ];

    private static readonly string[] Patronymics = ["Olegovich", "Igorovich", "Andreevich", "Sergeevich", "Ivanovich", "Petrovich", "Olegovna", "Igorevna"];

    [Fact]
    public void The_index_finds_what_a_brute_force_scan_finds_among_names_that_differ_by_a_syllable()
    {
        // Names one syllable apart ("Linda" ~ "Linlux", "Olegovich" ~ "Igorovich") are close by Jaro-Winkler yet share
        // no fuzzy key; the scorer must not credit what the candidate index cannot reach.
        var random = new Random(20261127);
        var entries = Entries.Numbered(Enumerable.Range(0, 400).Select(i => i % 4 == 0
            ? $"{Pick(random, Given)} {Pick(random, Patronymics)} {Pick(random, Family)}"
            : $"{Brand(random)} {Pick(random, Words)} {Pick(random, Forms)}".Trim()));

        var index = ScreeningIndex.Build(entries);
        var checkedMatches = 0;
        for (var q = 0; q < 200; q++)
        {
            var words = entries[random.Next(entries.Count)].Entry.Name.Split(' ');
            var at = random.Next(words.Length);
            words[at] = words[at].Length > 4 ? string.Concat(words[at].AsSpan(0, words[at].Length - 3), Pick(random, Syllables)) : words[at];
            var query = string.Join(' ', words);
            checkedMatches += Entries.AssertIndexAgreesWithBruteForce(index, entries, query);
        }

        Assert.True(checkedMatches > 100, $"the check must exercise matches, had {checkedMatches}");
    }

    [Fact]
    public void The_index_finds_what_a_brute_force_scan_finds_for_queries_in_Arabic_script()
    {
        // Romanised Arabic meets Latin spellings by consonant skeleton; those pairs, too, count only where a lookup
        // reaches them.
        string[] given = ["Mohammed", "Muhammad", "Ahmad", "Ahmed", "Mahmoud", "Hassan", "Hasan", "Hussein", "Ali", "Omar", "Yusuf", "Khaled", "Abbas", "Karim"];
        string[] family = ["Hassan", "Abbas", "Mohammadi", "Haddad", "Nasser", "Mansour", "Khalil", "Saleh", "Hamdan", "Darwish"];
        var random = new Random(11);
        var entries = Enumerable.Range(0, 150)
            .Select(i => Entries.Of(i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{Pick(random, given)} {Pick(random, family)}"))
            .ToList();
        var index = ScreeningIndex.Build(entries);
        string[] queries = ["محمد علي", "أحمد حسن", "محمود عباس", "حسين محمدي", "خالد منصور", "يوسف حداد", "عمر ناصر", "كريم خليل", "حسن صالح", "علي حمدان"];
        var checkedMatches = 0;
        foreach (var query in queries)
        {
            checkedMatches += Entries.AssertIndexAgreesWithBruteForce(index, entries, query);
        }

        Assert.True(checkedMatches > 10, $"the check must exercise matches, had {checkedMatches}");
    }

    [Fact]
    public void The_index_finds_what_a_brute_force_scan_finds_when_two_listed_words_are_typed_as_one_with_a_typo()
    {
        // "Sergei Rosalind" for "Sergei Rosa Lynd": the scorer meets a query token with two entry tokens run together,
        // and the lookups must reach that pair as they reach a pair of single tokens.
        var random = new Random(20261128);
        var entries = Entries.Numbered(Enumerable.Range(0, 400).Select(i => i % 2 == 0
            ? $"{Pick(random, Given)} {Pick(random, Family)} {Pick(random, Family)}"
            : $"{Brand(random)} {Brand(random)} {Pick(random, Words)}"));

        var index = ScreeningIndex.Build(entries);
        var checkedMatches = 0;
        for (var q = 0; q < 300; q++)
        {
            var words = entries[random.Next(entries.Count)].Entry.Name.Split(' ').ToList();
            var at = random.Next(words.Count - 1);
            words[at] = Typo(words[at] + words[at + 1].ToLowerInvariant(), random);
            words.RemoveAt(at + 1);
            checkedMatches += Entries.AssertIndexAgreesWithBruteForce(index, entries, string.Join(' ', words));
        }

        Assert.True(checkedMatches > 200, $"the check must exercise matches, had {checkedMatches}");
    }

    [Theory]
    [InlineData("Sergei Rosalind", "Sergei Rosa Lynd")]
    [InlineData("Anna Friedrichbuchenbelg", "Anna Friedrich Buchenberg")] // one consonant changed past the tenth letter
    public void Two_listed_words_typed_as_one_with_a_typo_are_found(string query, string listed)
    {
        var entries = new List<Lodestone.Screening.Matching.IndexedEntry> { Entries.Of("target", listed) };
        entries.AddRange(Entries.Numbered(["Sergei Rosalind Trading", "Rosa Holdings", "Lynd Logistics", "Friedrich Holdings", "Anna Buchenberg"]));
        var index = ScreeningIndex.Build(entries);
        var match = Assert.Single(index.Screen(new(query), new ScreeningOptions { Limit = 100 }), m => m.EntryId == "target");
        Assert.True(match.Score >= 0.9, $"{match.Score}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void One_joined_text_split_two_ways_is_scored_for_each_split(bool reversed)
    {
        // The index keeps one vocabulary id for "friedrichbuchenberg" whichever two words it joins, and the scorer rates a
        // query token against it once per query form. Whether the token's length fits the window depends on the split (the
        // shortest part), so it must be checked per form: "frdrchbuchenberg", three letters short, fits the 13 + 6 split and
        // not the 14 + 5 one.
        string[] names = ["Anna Friedrichbuch Enberg", "Anna Friedrichbuche Nberg", "Anna Friedrich Buchenberg"];
        var entries = Entries.Numbered(reversed ? names.Reverse() : names);
        var index = ScreeningIndex.Build(entries);
        // "fotoplastikonnarium" could stand for the window in either split (same first letter and length) but meets nothing:
        // it makes the scorer rate the window's row in whichever form comes first.
        string[] queries = ["Anna Frdrchbuchenberg", "Anna Frdrchbuchenberg Fotoplastikonnarium", "Frdrchbuchenberg Fotoplastikonnarium"];
        foreach (var query in queries)
        {
            Entries.AssertIndexAgreesWithBruteForce(index, entries, query, threshold: 0.01);
        }

        Assert.Contains(queries, q => entries.Select(e => Entries.BruteForce(q, e)).Distinct().Count() > 1);
    }

    [Theory]
    [InlineData("Yorhamus Marfin", "Yorhelis Marfin")] // only the singular "yorhamu" shares a key (the stem "yorh")
    [InlineData("Rostaros Kalder", "Rostekes Kalder")]
    [InlineData("Huada Sh Ip", "华大船舶")] // the window "ship" fits the glossary word's other reading, not "shipbuilding"
    [InlineData("Huada Sm Art", "华大智能")]
    public void The_lookups_cover_a_plural_looking_token_and_a_window_that_fits_another_reading(string query, string listed)
    {
        var entries = new List<Lodestone.Screening.Matching.IndexedEntry> { Entries.Of("target", listed) };
        entries.AddRange(Entries.Numbered(["Yorhel Trading", "Marfin Holdings", "Kalder Logistics", "Huada Electronics", "Rostek Materials"]));
        var index = ScreeningIndex.Build(entries);
        var expected = Entries.BruteForce(query, entries[0]);
        Assert.True(expected >= ScreeningOptions.DefaultThreshold, $"'{query}' ~ '{listed}' scores {expected:0.000}: not a case for this check");
        var found = index.Screen(new(query), new ScreeningOptions { Limit = 100 });
        Assert.Equal(expected, Assert.Single(found, m => m.EntryId == "target").Score, 9);
    }

    private static string Brand(Random random)
    {
        var brand = string.Concat(Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Pick(random, Syllables)));
        return char.ToUpperInvariant(brand[0]) + brand[1..];
    }

    private static string Pick(Random random, string[] pool) => pool[random.Next(pool.Length)];

    /// <summary>One typo after the first letter: a letter changed, dropped, doubled or swapped with the next.</summary>
    private static string Typo(string word, Random random)
    {
        var at = random.Next(1, word.Length - 1);
        return random.Next(4) switch
        {
            0 => string.Concat(word.AsSpan(0, at), ((char)('a' + random.Next(26))).ToString(), word.AsSpan(at + 1)),
            1 => word.Remove(at, 1),
            2 => word.Insert(at, word[at].ToString()),
            _ => string.Concat(word.AsSpan(0, at), word[at + 1].ToString(), word[at].ToString(), word.AsSpan(at + 2)),
        };
    }

    /// <summary>A typo, a swap of two letters, a reversed word order or the name as is.</summary>
    private static string Perturb(string name, Random random)
    {
        var chars = name.ToCharArray();
        switch (random.Next(4))
        {
            case 0:
                var at = random.Next(1, chars.Length);
                if (char.IsLetter(chars[at]))
                {
                    chars[at] = (char)('a' + random.Next(26));
                }

                return new string(chars);
            case 1:
                var swap = random.Next(1, chars.Length - 1);
                (chars[swap], chars[swap + 1]) = (chars[swap + 1], chars[swap]);
                return new string(chars);
            case 2:
                return string.Join(' ', name.Split(' ').Reverse());
            default:
                return name;
        }
    }
}
