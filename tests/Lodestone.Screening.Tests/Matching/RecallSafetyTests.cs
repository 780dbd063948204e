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
            var expected = entries
                .Select(e => (e.Entry.Id, Score: Entries.BruteForce(query, e)))
                .Where(x => x.Score >= ScreeningOptions.DefaultThreshold)
                .ToDictionary(x => x.Id, x => x.Score);
            var found = index.Screen(new(query), new ScreeningOptions { Limit = 1000 }).ToDictionary(m => m.EntryId, m => m.Score);
            Assert.True(expected.Keys.Order().SequenceEqual(found.Keys.Order()),
                $"'{query}': expected [{string.Join(", ", expected.Keys)}], found [{string.Join(", ", found.Keys)}]");
            foreach (var (id, score) in expected)
            {
                Assert.Equal(score, found[id], 9);
            }

            checkedMatches += expected.Count;
        }

        Assert.True(checkedMatches > 150, $"the check must exercise matches, had {checkedMatches}");
    }

    private static string Pick(Random random, string[] pool) => pool[random.Next(pool.Length)];

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
