using System.Globalization;
using System.Text;
using Lodestone.Screening.Lists;
using Lodestone.Screening.Matching;

namespace Lodestone.Benchmarks.Screening;

/// <summary>
/// A deterministic generator of list-like names for the 1,000,000-name index (the recipe is in
/// docs/benchmarks.md). Entries are drawn from one <see cref="Random"/> seeded with <see cref="Seed"/>
/// (the seeded System.Random algorithm is fixed, so the same seed gives the same names on every
/// machine and .NET version), in this mix:
/// 45 % companies (optional place, a 2–3 syllable brand, one or two industry words, a legal form; 10 %
/// with an alias), 12 % Chinese companies (Chinese name 深圳华信电子有限公司 plus its English form
/// "Shenzhen Huaxin Electronics Co., Ltd."), 35 % persons (Anglo, Russian, Arabic/Persian and Spanish
/// first and last names, some with a middle name or patronymic; 10 % with a "SURNAME, Given" alias)
/// and 8 % Chinese persons (王伟 plus "Wang Wei"). Entries are added until the name count is reached.
/// </summary>
internal sealed class NameGenerator
{
    public const int Seed = 20261126;

    private static readonly string[] Syllables =
    [
        "ar", "bel", "cor", "dan", "el", "fin", "gal", "hel", "in", "jor", "kal", "lin", "mar", "nor", "or", "pol", "quan",
        "ros", "sil", "tor", "ul", "var", "wen", "xen", "yor", "zan", "tek", "tron", "vis", "lux", "no", "gen", "sys", "dat",
        "max", "tel", "com", "ker", "lan", "mon", "ter", "ra", "ka", "ri", "to", "sa", "mi", "ve", "ta", "lo", "ne", "da",
        "zi", "ko", "re", "pa", "di", "mu", "sen", "bor",
    ];

    private static readonly string[] Industries =
    [
        "Technology", "Technologies", "Electronics", "Trading", "Industrial", "Industries", "Machinery", "Aerospace",
        "Optical", "Materials", "Shipping", "Logistics", "Engineering", "Chemical", "Pharmaceutical", "Energy", "Petroleum",
        "Mining", "Metals", "Semiconductor", "Precision", "Instruments", "Systems", "Software", "Communications", "Defense",
        "Import Export", "Investment", "Holdings", "Group", "Manufacturing", "Construction", "Marine", "Aviation",
        "Research Institute", "Development", "Biotech", "Automation", "Robotics", "Rare Earth", "Magnetic", "Equipment",
        "Components", "Solutions", "Networks",
    ];

    private static readonly string[] LegalForms =
    [
        "Co., Ltd.", "Co. Ltd", "Limited", "Ltd.", "LLC", "Inc.", "Corporation", "Corp.", "GmbH", "AG", "S.A.", "SARL", "JSC",
        "OOO", "OAO", "PJSC", "Pvt. Ltd.", "FZE", "FZCO", "LLP", "B.V.", "S.r.l.", "Sdn. Bhd.", "Pte. Ltd.", "Company",
    ];

    private static readonly (string Place, string Country)[] Places =
    [
        ("Shenzhen", "CN"), ("Beijing", "CN"), ("Shanghai", "CN"), ("Guangzhou", "CN"), ("Tianjin", "CN"), ("Wuhan", "CN"),
        ("Chengdu", "CN"), ("Harbin", "CN"), ("Nanjing", "CN"), ("Hangzhou", "CN"), ("Hong Kong", "HK"), ("Moscow", "RU"),
        ("Saint Petersburg", "RU"), ("Novosibirsk", "RU"), ("Tehran", "IR"), ("Isfahan", "IR"), ("Dubai", "AE"),
        ("Sharjah", "AE"), ("Istanbul", "TR"), ("Minsk", "BY"), ("Pyongyang", "KP"), ("Damascus", "SY"), ("Karachi", "PK"),
        ("Lahore", "PK"), ("Singapore", "SG"), ("Kuala Lumpur", "MY"), ("Almaty", "KZ"), ("Tashkent", "UZ"),
        ("Caracas", "VE"), ("Yerevan", "AM"), ("Tbilisi", "GE"), ("Baku", "AZ"), ("Bishkek", "KG"), ("Delhi", "IN"),
    ];

    private static readonly (string Country, string[] First, string[] Last)[] Cultures =
    [
        ("US", ["James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles", "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen"],
            ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker"]),
        ("RU", ["Vladimir", "Sergei", "Alexei", "Dmitry", "Nikolai", "Igor", "Andrei", "Mikhail", "Yuri", "Oleg", "Olga", "Tatiana", "Elena", "Natalia", "Irina"],
            ["Ivanov", "Petrov", "Sidorov", "Smirnov", "Kuznetsov", "Popov", "Volkov", "Sokolov", "Lebedev", "Kozlov", "Novikov", "Morozov", "Pavlov", "Orlov", "Fedorov"]),
        ("IR", ["Mohammed", "Ahmed", "Ali", "Hassan", "Hussein", "Omar", "Khalid", "Abdullah", "Yusuf", "Ibrahim", "Mahmoud", "Abdul Rahman", "Fatima", "Aisha", "Mariam", "Reza", "Mehdi"],
            ["Al-Hashimi", "Al-Masri", "Haddad", "Khoury", "Nasser", "Saleh", "Abbas", "Mansour", "Hamdan", "Karimi", "Rahimi", "Hosseini", "Ahmadi", "Mousavi", "Al-Tikriti", "Tehrani", "Jafari"]),
        ("VE", ["Jose", "Juan", "Carlos", "Luis", "Miguel", "Jorge", "Pedro", "Ana", "Maria", "Carmen", "Rafael", "Diego"],
            ["Garcia", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Perez", "Sanchez", "Ramirez", "Torres", "Flores", "Rivera"]),
    ];

    private static readonly (string Zh, string Py)[] Surnames =
    [
        ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"), ("黄", "Huang"), ("赵", "Zhao"),
        ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"), ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"),
        ("何", "He"), ("林", "Lin"), ("高", "Gao"), ("罗", "Luo"),
    ];

    private static readonly (string Zh, string Py)[] GivenChars =
    [
        ("伟", "Wei"), ("芳", "Fang"), ("敏", "Min"), ("静", "Jing"), ("丽", "Li"), ("强", "Qiang"), ("磊", "Lei"), ("军", "Jun"),
        ("洋", "Yang"), ("勇", "Yong"), ("艳", "Yan"), ("杰", "Jie"), ("涛", "Tao"), ("明", "Ming"), ("超", "Chao"), ("秀", "Xiu"),
        ("华", "Hua"), ("平", "Ping"), ("刚", "Gang"), ("辉", "Hui"),
    ];

    private static readonly (string Zh, string Py)[] ZhPlaces =
    [
        ("深圳", "Shenzhen"), ("北京", "Beijing"), ("上海", "Shanghai"), ("广州", "Guangzhou"), ("天津", "Tianjin"), ("武汉", "Wuhan"),
        ("成都", "Chengdu"), ("西安", "Xi'an"), ("哈尔滨", "Harbin"), ("南京", "Nanjing"), ("杭州", "Hangzhou"), ("重庆", "Chongqing"),
    ];

    private static readonly (string Zh, string Py)[] BrandChars =
    [
        ("华", "hua"), ("中", "zhong"), ("海", "hai"), ("光", "guang"), ("新", "xin"), ("航", "hang"), ("天", "tian"), ("远", "yuan"),
        ("科", "ke"), ("瑞", "rui"), ("达", "da"), ("通", "tong"), ("宏", "hong"), ("信", "xin"), ("泰", "tai"), ("恒", "heng"),
        ("鑫", "xin"), ("博", "bo"), ("安", "an"), ("兴", "xing"), ("龙", "long"), ("金", "jin"), ("盛", "sheng"), ("德", "de"),
        ("凯", "kai"), ("晨", "chen"), ("宇", "yu"), ("星", "xing"), ("辰", "chen"), ("峰", "feng"),
    ];

    private static readonly (string Zh, string En)[] ZhIndustries =
    [
        ("科技", "Technology"), ("电子", "Electronics"), ("贸易", "Trading"), ("机械", "Machinery"), ("光电", "Optoelectronics"),
        ("材料", "Materials"), ("航空", "Aviation"), ("精密", "Precision"), ("仪器", "Instruments"), ("通信", "Communication"),
        ("能源", "Energy"), ("化工", "Chemical"), ("磁业", "Magnetics"), ("稀土", "Rare Earth"),
    ];

    private static readonly (string Zh, string En)[] ZhLegalForms =
    [
        ("有限公司", "Co., Ltd."), ("股份有限公司", "Co., Ltd."), ("集团有限公司", "Group Co., Ltd."),
    ];

    // Tables used only for unrelated queries: none of these words occur in the generated index.
    private static readonly string[] OtherFirst = ["Sven", "Hiroshi", "Priya", "Kwame", "Ingrid", "Mateus", "Aoife", "Tomasz", "Leilani", "Bjorn", "Yuki", "Chidi", "Anouk", "Rahul", "Freya"];

    private static readonly string[] OtherLast = ["Lindqvist", "Tanaka", "Sharma", "Mensah", "Haugen", "Oliveira", "Brennan", "Kowalski", "Kahale", "Eriksen", "Nakamura", "Okafor", "Jansen", "Verma", "Sorensen"];

    private static readonly string[] OtherWords = ["Golden", "Harbor", "Bakery", "Blue", "River", "Dental", "Clinic", "Maple", "Garden", "Bicycle", "Sunrise", "Florist", "Orchard", "Pottery", "Violin", "Studio", "Meadow", "Bookshop", "Lantern", "Cafe"];

    private readonly Random _random;

    public NameGenerator(int seed = Seed) => _random = new Random(seed);

    /// <summary>Entries whose names add up to exactly <paramref name="nameCount"/>.</summary>
    public List<IndexedEntry> Generate(int nameCount)
    {
        var entries = new List<IndexedEntry>(nameCount);
        var names = 0;
        var id = 0;
        while (names < nameCount)
        {
            id++;
            var entry = NextEntry(id.ToString("D7", CultureInfo.InvariantCulture));
            var count = entry.AllNames().Count();
            if (names + count > nameCount)
            {
                entry = entry with { ChineseName = null, Aliases = [] };
                count = 1;
            }

            entries.Add(new IndexedEntry("generated", entry));
            names += count;
        }

        return entries;
    }

    /// <summary>An unrelated name: tables disjoint from the index, but with common legal forms.</summary>
    public string Unrelated()
    {
        if (_random.Next(2) == 0)
        {
            return Pick(OtherFirst) + " " + Pick(OtherLast);
        }

        var words = Enumerable.Range(0, 2 + _random.Next(2)).Select(_ => Pick(OtherWords));
        return string.Join(' ', words) + (_random.Next(2) == 0 ? " " + Pick(LegalForms) : "");
    }

    private ListEntry NextEntry(string id)
    {
        var roll = _random.Next(100);
        return roll switch
        {
            < 45 => Company(id),
            < 57 => ChineseCompany(id),
            < 92 => Person(id),
            _ => ChinesePerson(id),
        };
    }

    private ListEntry Company(string id)
    {
        var sb = new StringBuilder();
        string? country = null;
        if (_random.Next(100) < 40)
        {
            var (place, c) = Pick(Places);
            sb.Append(place).Append(' ');
            country = c;
        }

        var brand = Brand();
        sb.Append(brand);
        var industries = _random.Next(100) < 70 ? 1 : 2;
        for (var i = 0; i < industries; i++)
        {
            sb.Append(' ').Append(Pick(Industries));
        }

        if (_random.Next(100) < 85)
        {
            sb.Append(' ').Append(Pick(LegalForms));
        }

        IReadOnlyList<string> aliases = [];
        if (_random.Next(100) < 10)
        {
            aliases = [_random.Next(2) == 0 ? Brand() + " " + Pick(Industries) : brand.ToUpperInvariant() + " INTERNATIONAL"];
        }

        return new ListEntry { Id = id, Name = sb.ToString(), Aliases = aliases, Country = country ?? Pick(Places).Country, Type = EntryType.Entity };
    }

    private ListEntry ChineseCompany(string id)
    {
        var (placeZh, placePy) = Pick(ZhPlaces);
        var (b1Zh, b1Py) = Pick(BrandChars);
        var (b2Zh, b2Py) = Pick(BrandChars);
        var (indZh, indEn) = Pick(ZhIndustries);
        var (formZh, formEn) = Pick(ZhLegalForms);
        var brandPy = char.ToUpperInvariant(b1Py[0]) + b1Py[1..] + b2Py;
        return new ListEntry
        {
            Id = id,
            Name = $"{placePy} {brandPy} {indEn} {formEn}",
            ChineseName = placeZh + b1Zh + b2Zh + indZh + formZh,
            Country = "CN",
            Type = EntryType.Entity,
        };
    }

    private ListEntry Person(string id)
    {
        var (country, first, last) = Pick(Cultures);
        var given = Pick(first);
        var surname = Pick(last);
        var middle = _random.Next(100) switch
        {
            < 20 => " " + Pick(first),
            < 30 when country == "RU" => " " + Pick(first).TrimEnd('a', 'i', 'y') + "ovich",
            _ => "",
        };
        IReadOnlyList<string> aliases = _random.Next(100) < 10 ? [$"{surname.ToUpperInvariant()}, {given}{middle}"] : [];
        return new ListEntry { Id = id, Name = $"{given}{middle} {surname}", Aliases = aliases, Country = country, Type = EntryType.Person };
    }

    private ListEntry ChinesePerson(string id)
    {
        var (sZh, sPy) = Pick(Surnames);
        var (g1Zh, g1Py) = Pick(GivenChars);
        string zh, py;
        if (_random.Next(2) == 0)
        {
            zh = sZh + g1Zh;
            py = g1Py;
        }
        else
        {
            var (g2Zh, g2Py) = Pick(GivenChars);
            zh = sZh + g1Zh + g2Zh;
            py = g1Py + g2Py.ToLowerInvariant();
        }

        return new ListEntry { Id = id, Name = $"{sPy.ToUpperInvariant()} {py}", ChineseName = zh, Country = "CN", Type = EntryType.Person };
    }

    private string Brand()
    {
        var n = 2 + _random.Next(2);
        var sb = new StringBuilder();
        for (var i = 0; i < n; i++)
        {
            sb.Append(Pick(Syllables));
        }

        sb[0] = char.ToUpperInvariant(sb[0]);
        return sb.ToString();
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
