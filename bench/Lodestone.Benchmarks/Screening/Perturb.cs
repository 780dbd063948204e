using System.Text;

namespace Lodestone.Benchmarks.Screening;

/// <summary>
/// Deterministic query perturbations of a listed name: typos, reordering, abbreviations and dropped
/// legal forms. Each returns null when it does not apply to the name (so no query is counted twice).
/// </summary>
internal static class Perturb
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "co", "ltd", "limited", "llc", "inc", "incorporated", "corp", "corporation", "company", "gmbh", "ag", "sa", "sarl",
        "jsc", "ojsc", "cjsc", "pjsc", "ooo", "oao", "zao", "pao", "pvt", "fze", "fzco", "fzc", "llp", "bv", "srl", "sdn", "bhd",
        "pte", "plc", "lp", "nv", "spa", "as", "ab", "oy", "kg", "sas", "sl",
    };

    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Technology"] = "Tech",
        ["Technologies"] = "Tech",
        ["Company"] = "Co",
        ["Corporation"] = "Corp",
        ["International"] = "Intl",
        ["Limited"] = "Ltd",
        ["Group"] = "Grp",
        ["Institute"] = "Inst",
        ["Engineering"] = "Eng",
        ["Services"] = "Svcs",
        ["Communication"] = "Comm",
        ["Communications"] = "Comms",
        ["Research"] = "Res",
        ["Academy"] = "Acad",
        ["University"] = "Univ",
        ["Electronics"] = "Elec",
        ["Industrial"] = "Ind",
        ["Industries"] = "Inds",
        ["Manufacturing"] = "Mfg",
        ["Development"] = "Dev",
        ["Science"] = "Sci",
        ["Sciences"] = "Sci",
        ["Equipment"] = "Equip",
        ["Aerospace"] = "Aero",
        ["Association"] = "Assn",
        ["Department"] = "Dept",
        ["Laboratory"] = "Lab",
        ["National"] = "Natl",
        ["Trading"] = "Trdg",
        ["Machinery"] = "Mach",
        ["Electronic"] = "Elec",
        ["Information"] = "Info",
        ["Systems"] = "Sys",
        ["Import"] = "Imp",
        ["Export"] = "Exp",
        ["Shipping"] = "Shpg",
    };

    /// <summary>Is the token (any case, any punctuation) a legal form such as Co., Ltd. or GmbH?</summary>
    public static bool IsLegalForm(string token) => LegalForms.Contains(Letters(token));

    /// <summary>One or two character edits (substitute, delete, insert, swap) inside a token of at least
    /// four letters that is not a legal form, never at the token's first letter.</summary>
    public static string? Typo(string name, Random random)
    {
        var tokens = name.Split(' ');
        var candidates = Enumerable.Range(0, tokens.Length)
            .Where(i => tokens[i].Count(char.IsLetter) >= 4 && !IsLegalForm(tokens[i]) && tokens[i].All(c => c < 0x2E80))
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var edits = name.Length >= 16 ? 2 : 1;
        for (var e = 0; e < edits; e++)
        {
            var ti = candidates[random.Next(candidates.Count)];
            tokens[ti] = EditToken(tokens[ti], random);
        }

        var result = string.Join(' ', tokens);
        return result == name ? null : result;
    }

    /// <summary>"SURNAME, Given" becomes "Given SURNAME"; otherwise the last word that is not a legal form moves to the front.</summary>
    public static string? Reorder(string name)
    {
        var comma = name.IndexOf(", ", StringComparison.Ordinal);
        if (comma > 0 && name.IndexOf(", ", comma + 2, StringComparison.Ordinal) < 0)
        {
            var result = name[(comma + 2)..].Trim() + " " + name[..comma].Trim();
            return result == name ? null : result;
        }

        // Move the last word (letters only, at least two, not a legal form) to the front.
        var tokens = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var move = tokens.FindLastIndex(t => t.Length >= 2 && t.All(char.IsLetter) && !IsLegalForm(t));
        if (move <= 0)
        {
            return null;
        }

        var last = tokens[move];
        tokens.RemoveAt(move);
        tokens.Insert(0, last);
        var reordered = string.Join(' ', tokens);
        return reordered == name ? null : reordered;
    }

    /// <summary>Abbreviates every word with a common business abbreviation (Technology → Tech).</summary>
    public static string? Abbreviate(string name)
    {
        var changed = false;
        var tokens = name.Split(' ');
        for (var i = 0; i < tokens.Length; i++)
        {
            var core = tokens[i].TrimEnd(',', '.', ';', ')');
            if (Abbreviations.TryGetValue(core, out var abbreviation))
            {
                var cased = core.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? abbreviation.ToUpperInvariant() : abbreviation;
                tokens[i] = cased + tokens[i][core.Length..];
                changed = true;
            }
        }

        return changed ? string.Join(' ', tokens) : null;
    }

    /// <summary>Removes the trailing legal forms (", Co., Ltd.", "LLC", "GmbH").</summary>
    public static string? DropLegalForm(string name)
    {
        var tokens = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var n = tokens.Count;
        while (n > 1 && IsLegalForm(tokens[n - 1]))
        {
            n--;
        }

        if (n == tokens.Count || n == 0)
        {
            return null;
        }

        return string.Join(' ', tokens.Take(n)).TrimEnd(',', ' ', '-', ';');
    }

    private static string EditToken(string token, Random random)
    {
        var sb = new StringBuilder(token);
        var letters = Enumerable.Range(1, token.Length - 1).Where(i => char.IsLetter(token[i])).ToList();
        if (letters.Count == 0)
        {
            return token;
        }

        var at = letters[random.Next(letters.Count)];
        var upper = char.IsUpper(token[at]);
        var letter = (char)('a' + random.Next(26));
        if (upper)
        {
            letter = char.ToUpperInvariant(letter);
        }

        switch (random.Next(4))
        {
            case 0:
                sb[at] = letter == sb[at] ? (char)(letter == 'z' || letter == 'Z' ? letter - 1 : letter + 1) : letter;
                break;
            case 1:
                sb.Remove(at, 1);
                break;
            case 2:
                sb.Insert(at, letter);
                break;
            default:
                if (at + 1 < sb.Length && sb[at] != sb[at + 1])
                {
                    (sb[at], sb[at + 1]) = (sb[at + 1], sb[at]);
                }
                else
                {
                    sb.Remove(at, 1);
                }

                break;
        }

        return sb.ToString();
    }

    private static string Letters(string token)
    {
        var sb = new StringBuilder(token.Length);
        foreach (var c in token)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }
}
