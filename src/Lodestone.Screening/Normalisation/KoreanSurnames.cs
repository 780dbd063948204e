using System.Collections.Frozen;

namespace Lodestone.Screening.Normalisation;

/// <summary>
/// The usual Latin spellings of common Korean surnames. A transliterator writes 김 as "gim" and 박 as "bag", but lists
/// write "Kim" and "Park"; the given name that follows is kept as one token ("jeongeun"), as lists tend to write it.
/// </summary>
internal static class KoreanSurnames
{
    private static readonly FrozenDictionary<char, string> Map = new Dictionary<char, string>
    {
        ['김'] = "kim",
        ['이'] = "lee",
        ['리'] = "ri",
        ['박'] = "park",
        ['최'] = "choi",
        ['정'] = "jung",
        ['강'] = "kang",
        ['조'] = "cho",
        ['윤'] = "yoon",
        ['장'] = "jang",
        ['임'] = "lim",
        ['림'] = "rim",
        ['한'] = "han",
        ['오'] = "oh",
        ['서'] = "seo",
        ['신'] = "shin",
        ['권'] = "kwon",
        ['황'] = "hwang",
        ['안'] = "ahn",
        ['송'] = "song",
        ['유'] = "yoo",
        ['류'] = "ryu",
        ['홍'] = "hong",
        ['전'] = "jeon",
        ['고'] = "ko",
        ['문'] = "moon",
        ['양'] = "yang",
        ['손'] = "son",
        ['배'] = "bae",
        ['백'] = "baek",
        ['허'] = "heo",
        ['노'] = "noh",
        ['남'] = "nam",
        ['심'] = "shim",
        ['하'] = "ha",
        ['주'] = "joo",
        ['구'] = "koo",
        ['민'] = "min",
        ['현'] = "hyun",
    }.ToFrozenDictionary();

    /// <summary>The conventional spelling of a surname syllable, or null when it is not a common surname.</summary>
    public static string? Spelling(char syllable) => Map.TryGetValue(syllable, out var s) ? s : null;
}
