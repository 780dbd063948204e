using System.Collections.Frozen;
using System.Text.Json;

namespace Lodestone.Domain.Common;

/// <summary>
/// The single spelling of an enum value outside the process: kebab-case, as in the API, the policy
/// files and the database (<c>PresumptionOfDenial</c> is <c>presumption-of-denial</c>).
/// </summary>
public static class WireName
{
    /// <summary>The kebab-case name of a value.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Names<TEnum>.ByValue.TryGetValue(value, out var name) ? name : JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>Parses a kebab-case name; case-insensitive; numbers are refused.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum =>
        Names<TEnum>.ByName.TryGetValue(text?.Trim() ?? string.Empty, out value);

    /// <summary>Parses a kebab-case name, or throws a <see cref="DomainException"/> naming the field and the allowed values.</summary>
    public static TEnum Parse<TEnum>(string? text, string field)
        where TEnum : struct, Enum
    {
        if (TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        throw new DomainException(field, $"'{text}' is not a valid {field}; expected one of: {AllowedList<TEnum>()}.");
    }

    /// <summary>The allowed names, comma-separated, for error messages.</summary>
    public static string AllowedList<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetValues<TEnum>().Select(v => Of(v)));

    /// <summary>
    /// Names computed once per enum type: every stored row, roll-up and API response converts through
    /// here, so the conversion must not allocate (a million-application replay parses two enums a row).
    /// </summary>
    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ByValue =
            Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(v => v, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

        public static readonly FrozenDictionary<string, TEnum> ByName =
            ByValue.GroupBy(p => p.Value, StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(g => g.Key, g => g.First().Key, StringComparer.OrdinalIgnoreCase);
    }
}
