using Lodestone.Domain.Common;
using Lodestone.Domain.Routing;

namespace Lodestone.Domain.Tests.Common;

public sealed class ValueObjectTests
{
    [Theory]
    [InlineData("de", "DE")]
    [InlineData(" US ", "US")]
    [InlineData("TW", "TW")]
    public void Country_codes_normalise_to_upper_case(string input, string expected) =>
        Assert.Equal(expected, CountryCode.Parse(input, "country").Value);

    [Theory]
    [InlineData("XX")]
    [InlineData("USA")]
    [InlineData("")]
    [InlineData(null)]
    public void Unassigned_country_codes_are_refused(string? input) =>
        Assert.Equal("destination", Assert.Throws<DomainException>(() => CountryCode.Parse(input, "destination")).Field);

    [Fact]
    public void Country_codes_obey_equality_laws()
    {
        var a = CountryCode.Parse("de", "c");
        var b = CountryCode.Parse("DE", "c");
        var c = CountryCode.Parse("FR", "c");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.True(a == b && a != c);
    }

    [Theory]
    [InlineData(Lane.PresumptionOfDenial, "presumption-of-denial")]
    [InlineData(Lane.VeuFastTrack, "veu-fast-track")]
    [InlineData(Lane.NotControlled, "not-controlled")]
    public void Wire_names_round_trip(Lane lane, string name)
    {
        Assert.Equal(name, WireName.Of(lane));
        Assert.Equal(lane, WireName.Parse<Lane>(name, "lane"));
    }

    [Fact]
    public void Unknown_wire_names_list_the_allowed_values() =>
        Assert.Contains("veu-fast-track", Assert.Throws<DomainException>(() => WireName.Parse<Lane>("fast", "lane")).Message, StringComparison.Ordinal);

    [Fact]
    public void Beijing_dates_run_eight_hours_ahead_of_UTC() =>
        Assert.Equal(new DateOnly(2025, 9, 16), ChinaTime.DateOf(new DateTimeOffset(2025, 9, 15, 16, 30, 0, TimeSpan.Zero)));
}
