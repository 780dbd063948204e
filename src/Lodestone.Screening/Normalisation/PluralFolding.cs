namespace Lodestone.Screening.Normalisation;

/// <summary>
/// Folds English plurals to the singular (technologies → technology, systems → system) on both sides, so the
/// two meet exactly. Only endings typical of organisation words are folded: surnames such as Williams or
/// Thomas are left alone, and anything folded is folded the same way on both sides anyway.
/// </summary>
internal static class PluralFolding
{
    private static readonly string[] Endings =
    [
        "tions", "sions", "ments", "ics", "ings", "als", "ces", "ems", "cts", "ers", "ors", "ants", "ents", "ists", "ives", "ures",
        "ites", "ines", "ools", "ships", "works", "ades",
    ];

    private static readonly HashSet<string> Exceptions = new(StringComparer.Ordinal)
    {
        "series", "species", "news", "physics", "mathematics", "always", "arms", "lines", "sales", "goods", "works", "overseas",
        "analytics", "logistics", "jones", "lyons", "simmons", "parsons", "emmons", "sons", "powers", "peters", "ages", "james",
    };

    public static string Fold(string token)
    {
        if (token.Length < 5 || token[^1] != 's' || token[^2] == 's' || Exceptions.Contains(token))
        {
            return token;
        }

        if (token.EndsWith("ies", StringComparison.Ordinal) && token.Length >= 6)
        {
            return string.Concat(token.AsSpan(0, token.Length - 3), "y");
        }

        foreach (var ending in Endings)
        {
            if (token.EndsWith(ending, StringComparison.Ordinal))
            {
                return token[..^1];
            }
        }

        return token;
    }
}
