using System.Globalization;
using System.Text;
using Lodestone.Domain.Common;

namespace Lodestone.DataFiles.Lists;

/// <summary>Value rules shared by the list readers and the conversion tool.</summary>
public static class ListValues
{
    /// <summary>Parses an ISO date (<c>yyyy-MM-dd</c>), nothing else.</summary>
    public static bool TryParseIsoDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>True when the text holds at least one Han (Chinese) character.</summary>
    public static bool ContainsHan(string? text)
    {
        if (text is null)
        {
            return false;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            if (v is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3134F))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Collapses runs of white space (line breaks included) to one space and trims.</summary>
    public static string CollapseWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>The upper-case form of an assigned ISO 3166-1 alpha-2 code given in any case, or null for anything else.</summary>
    public static string? IsoCountry(string? text) =>
        text is { Length: 2 } && CountryCode.TryParse(text, out var code) ? code.Value : null;
}
