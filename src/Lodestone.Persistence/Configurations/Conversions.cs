using System.Text.Json;
using System.Text.Json.Serialization;
using Lodestone.Domain.Classification;
using Lodestone.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lodestone.Persistence.Configurations;

/// <summary>Value conversions shared by the entity configurations.</summary>
internal static class Conversions
{
    /// <summary>JSON for value-object collections: kebab-case enums, camelCase members, as in the API.</summary>
    public static readonly JsonSerializerOptions Json = CreateJson();

    public static PropertyBuilder<TEnum> AsWireName<TEnum>(this PropertyBuilder<TEnum> property)
        where TEnum : struct, Enum =>
        property.HasConversion(v => WireName.Of(v), s => WireName.Parse<TEnum>(s, typeof(TEnum).Name)).HasMaxLength(40);

    public static PropertyBuilder<TEnum?> AsWireName<TEnum>(this PropertyBuilder<TEnum?> property)
        where TEnum : struct, Enum =>
        property.HasConversion(
            v => v.HasValue ? WireName.Of(v.Value) : null,
            s => s == null ? null : WireName.Parse<TEnum>(s, typeof(TEnum).Name)).HasMaxLength(40);

    public static ComplexTypePropertyBuilder<TEnum> AsWireName<TEnum>(this ComplexTypePropertyBuilder<TEnum> property)
        where TEnum : struct, Enum =>
        property.HasConversion(new ValueConverter<TEnum, string>(v => WireName.Of(v), s => WireName.Parse<TEnum>(s, typeof(TEnum).Name))).HasMaxLength(40);

    public static PropertyBuilder<CountryCode> AsCountry(this PropertyBuilder<CountryCode> property) =>
        property.HasConversion(v => v.Value, s => CountryCode.Parse(s, "country")).HasMaxLength(2).IsFixedLength();

    /// <summary>Stores a value object (usually an immutable list) as one JSON column.</summary>
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property)
    {
        var converter = new ValueConverter<T, string>(
            v => JsonSerializer.Serialize(v, Json),
            s => JsonSerializer.Deserialize<T>(s, Json)!);
        var comparer = new ValueComparer<T>(
            (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
            v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Json), Json)!);
        return property.HasConversion(converter, comparer);
    }

    /// <summary>
    /// SQLite cannot compare or order <see cref="DateTimeOffset"/> values, so there they are stored as
    /// UTC ticks; PostgreSQL keeps its native <c>timestamptz</c>.
    /// </summary>
    public static PropertyBuilder<DateTimeOffset> AsInstant(this PropertyBuilder<DateTimeOffset> property, bool sqlite) =>
        sqlite ? property.HasConversion(new DateTimeOffsetToBinaryConverter()) : property;

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new CountryCodeJsonConverter());
        options.Converters.Add(new ProductJsonConverter());
        options.Converters.Add(new RoutingFactsJsonConverter());
        return options;
    }

    private sealed class CountryCodeJsonConverter : JsonConverter<CountryCode>
    {
        public override CountryCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            CountryCode.Parse(reader.GetString(), "country");

        public override void Write(Utf8JsonWriter writer, CountryCode value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }

    private sealed class ProductJsonConverter : JsonConverter<Product>
    {
        public override Product Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var dto = JsonSerializer.Deserialize<ProductRecord>(ref reader, options)!;
            return Product.Create(dto.Form, Composition.Create(dto.Composition), dto.HsCode, dto.Description);
        }

        public override void Write(Utf8JsonWriter writer, Product value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, new ProductRecord(value.Form, new Dictionary<string, decimal>(value.Composition.PercentByElement), value.HsCode, value.Description), options);

        private sealed record ProductRecord(ProductForm Form, Dictionary<string, decimal> Composition, string? HsCode, string? Description);
    }
}
