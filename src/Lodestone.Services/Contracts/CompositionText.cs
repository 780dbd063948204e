using System.Globalization;
using Lodestone.Domain.Common;

namespace Lodestone.Services.Contracts;

/// <summary>The short composition syntax of the CLI and the web form: <c>Dy=0.8, Nd=30</c> (wt%).</summary>
public static class CompositionText
{
    public static Dictionary<string, decimal> Parse(string? text, string field)
    {
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }

        foreach (var part in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('=', ':');
            if (pieces.Length != 2 || !decimal.TryParse(pieces[1].Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var percent))
            {
                throw new DomainException(field, $"'{part}' is not of the form Element=percent (e.g. Dy=0.8).");
            }

            if (!result.TryAdd(pieces[0].Trim(), percent))
            {
                throw new DomainException(field, $"{pieces[0].Trim()} is given twice.");
            }
        }

        return result;
    }
}
