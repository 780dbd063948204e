using System.Text.Json;
using System.Text.Json.Serialization;
using Lodestone.Domain.Applications;
using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;

namespace Lodestone.Persistence.Configurations;

/// <summary>
/// Stores <see cref="RoutingFacts"/> (the <c>RoutedOn</c> column) in exactly the JSON the general options
/// write, read and written by hand. A what-if replay reads a million of these; System.Text.Json's object
/// converter spent about 3 µs on each, most of a replay's time, against well under 1 µs here. A test writes
/// every property both ways and fails when a property is added to <see cref="RoutingFacts"/> but not here.
/// </summary>
internal sealed class RoutingFactsJsonConverter : JsonConverter<RoutingFacts>
{
    public override RoutingFacts Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        Channel? channel = null;
        bool? itemControlled = null, militaryLinked = null;
        CountryCode? destination = null;
        EndUseCategory? endUse = null;
        IReadOnlyList<string>? controlCodes = null, militaryEvidence = null, minorityStakes = null, veuGaps = null, missingEvidence = null;
        IReadOnlyList<Sector>? sectors = null;
        IReadOnlyList<ListHit>? listHits = null;
        string? veuCover = null;
        Guid? veuCoverId = null;
        var quantityKg = 0m;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Names compared as UTF-8, not allocated: fifteen per row add up over a million rows.
            if (Is(ref reader, "channel"u8))
            {
                channel = Enum<Channel>(ref reader);
            }
            else if (Is(ref reader, "itemControlled"u8))
            {
                itemControlled = reader.GetBoolean();
            }
            else if (Is(ref reader, "controlCodes"u8))
            {
                controlCodes = Strings(ref reader);
            }
            else if (Is(ref reader, "destination"u8))
            {
                destination = CountryCode.Parse(reader.GetString(), "destination");
            }
            else if (Is(ref reader, "endUse"u8))
            {
                endUse = Enum<EndUseCategory>(ref reader);
            }
            else if (Is(ref reader, "endUserSectors"u8))
            {
                sectors = Enums<Sector>(ref reader);
            }
            else if (Is(ref reader, "listHits"u8))
            {
                listHits = Hits(ref reader);
            }
            else if (Is(ref reader, "militaryLinked"u8))
            {
                militaryLinked = reader.GetBoolean();
            }
            else if (Is(ref reader, "militaryEvidence"u8))
            {
                militaryEvidence = Strings(ref reader);
            }
            else if (Is(ref reader, "militaryMinorityStakes"u8))
            {
                minorityStakes = Strings(ref reader);
            }
            else if (Is(ref reader, "veuCover"u8))
            {
                veuCover = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
            }
            else if (Is(ref reader, "veuCoverId"u8))
            {
                veuCoverId = reader.TokenType == JsonTokenType.Null ? null : reader.GetGuid();
            }
            else if (Is(ref reader, "veuGaps"u8))
            {
                veuGaps = Strings(ref reader);
            }
            else if (Is(ref reader, "quantityKg"u8))
            {
                quantityKg = reader.GetDecimal();
            }
            else if (Is(ref reader, "missingEvidence"u8))
            {
                missingEvidence = Strings(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        Expect(ref reader, JsonTokenType.EndObject);
        return new RoutingFacts
        {
            Channel = channel ?? throw Missing("channel"),
            ItemControlled = itemControlled ?? throw Missing("itemControlled"),
            ControlCodes = controlCodes ?? throw Missing("controlCodes"),
            Destination = destination ?? throw Missing("destination"),
            EndUse = endUse ?? throw Missing("endUse"),
            EndUserSectors = sectors ?? throw Missing("endUserSectors"),
            ListHits = listHits ?? throw Missing("listHits"),
            MilitaryLinked = militaryLinked ?? throw Missing("militaryLinked"),
            MilitaryEvidence = militaryEvidence ?? [],
            MilitaryMinorityStakes = minorityStakes ?? [],
            VeuCover = veuCover,
            VeuCoverId = veuCoverId,
            VeuGaps = veuGaps ?? [],
            QuantityKg = quantityKg,
            MissingEvidence = missingEvidence ?? throw Missing("missingEvidence"),
        };
    }

    public override void Write(Utf8JsonWriter writer, RoutingFacts value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("channel", WireName.Of(value.Channel));
        writer.WriteBoolean("itemControlled", value.ItemControlled);
        WriteStrings(writer, "controlCodes", value.ControlCodes);
        writer.WriteString("destination", value.Destination.Value);
        writer.WriteString("endUse", WireName.Of(value.EndUse));
        WriteStrings(writer, "endUserSectors", value.EndUserSectors.Select(s => WireName.Of(s)));
        writer.WriteStartArray("listHits");
        foreach (var hit in value.ListHits)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", WireName.Of(hit.Kind));
            writer.WriteString("listName", hit.ListName);
            writer.WriteString("partyRole", hit.PartyRole);
            writer.WriteString("detail", hit.Detail);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteBoolean("militaryLinked", value.MilitaryLinked);
        WriteStrings(writer, "militaryEvidence", value.MilitaryEvidence);
        WriteStrings(writer, "militaryMinorityStakes", value.MilitaryMinorityStakes);
        writer.WriteString("veuCover", value.VeuCover);
        if (value.VeuCoverId is { } id)
        {
            writer.WriteString("veuCoverId", id);
        }
        else
        {
            writer.WriteNull("veuCoverId");
        }

        WriteStrings(writer, "veuGaps", value.VeuGaps);
        writer.WriteNumber("quantityKg", value.QuantityKg);
        WriteStrings(writer, "missingEvidence", value.MissingEvidence);
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static List<ListHit> Hits(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var hits = new List<ListHit>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            ListKind? kind = null;
            string? listName = null, partyRole = null, detail = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (Is(ref reader, "kind"u8))
                {
                    kind = Enum<ListKind>(ref reader);
                }
                else if (Is(ref reader, "listName"u8))
                {
                    listName = reader.GetString();
                }
                else if (Is(ref reader, "partyRole"u8))
                {
                    partyRole = reader.GetString();
                }
                else if (Is(ref reader, "detail"u8))
                {
                    detail = reader.GetString();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            Expect(ref reader, JsonTokenType.EndObject);
            hits.Add(new ListHit(kind ?? throw Missing("listHits.kind"), listName ?? throw Missing("listHits.listName"), partyRole ?? throw Missing("listHits.partyRole"), detail ?? throw Missing("listHits.detail")));
        }

        Expect(ref reader, JsonTokenType.EndArray);
        return hits;
    }

    private static List<string> Strings(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var values = new List<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            values.Add(reader.GetString()!);
        }

        Expect(ref reader, JsonTokenType.EndArray);
        return values;
    }

    private static List<TEnum> Enums<TEnum>(ref Utf8JsonReader reader)
        where TEnum : struct, Enum
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var values = new List<TEnum>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            values.Add(Enum<TEnum>(ref reader));
        }

        Expect(ref reader, JsonTokenType.EndArray);
        return values;
    }

    private static TEnum Enum<TEnum>(ref Utf8JsonReader reader)
        where TEnum : struct, Enum =>
        WireName.TryParse<TEnum>(reader.GetString(), out var value) ? value : throw new JsonException($"Routing facts: '{reader.GetString()}' is not a {typeof(TEnum).Name}.");

    /// <summary>True when the current property is <paramref name="name"/>; then moves to its value.</summary>
    private static bool Is(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (!reader.ValueTextEquals(name))
        {
            return false;
        }

        reader.Read();
        return true;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException($"Routing facts: expected {token}, found {reader.TokenType}.");
        }
    }

    private static JsonException Missing(string property) => new($"Routing facts: '{property}' is missing.");
}
