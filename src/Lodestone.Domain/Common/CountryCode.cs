namespace Lodestone.Domain.Common;

/// <summary>
/// An ISO 3166-1 alpha-2 country code. It cannot hold anything but an assigned code, so a
/// destination or a party's country is never a typo that slips past a country rule.
/// </summary>
public readonly record struct CountryCode
{
    private CountryCode(string value) => Value = value;

    /// <summary>The two upper-case letters.</summary>
    public string Value { get; }

    /// <summary>Parses a code, case-insensitively; throws a <see cref="DomainException"/> naming <paramref name="field"/>.</summary>
    public static CountryCode Parse(string? text, string field)
    {
        if (TryParse(text, out var code))
        {
            return code;
        }

        throw new DomainException(field, $"'{text}' is not an ISO 3166-1 alpha-2 country code.");
    }

    /// <summary>Parses a code, case-insensitively.</summary>
    public static bool TryParse(string? text, out CountryCode code)
    {
        var candidate = text?.Trim().ToUpperInvariant();
        if (candidate is { Length: 2 } && IsoCountries.Assigned.Contains(candidate))
        {
            code = new CountryCode(candidate);
            return true;
        }

        code = default;
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
