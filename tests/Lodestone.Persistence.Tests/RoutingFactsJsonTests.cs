using System.Text.Json;
using Lodestone.Domain.Applications;
using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;
using Lodestone.Persistence.Configurations;

namespace Lodestone.Persistence.Tests;

/// <summary>
/// The hand-written <c>RoutedOn</c> converter must keep the stored format exactly as System.Text.Json's own
/// object converter wrote it (rows written before it existed must read back), and must not drop a property.
/// </summary>
public sealed class RoutingFactsJsonTests
{
    /// <summary>The same options without the hand-written converter: what wrote the rows stored so far.</summary>
    private static readonly JsonSerializerOptions Reference = CreateReference();

    private static RoutingFacts Full() => new()
    {
        Channel = Channel.Individual,
        ItemControlled = true,
        ControlCodes = ["1C905.a.4", "1C902.b"],
        Destination = CountryCode.Parse("US", "d"),
        EndUse = EndUseCategory.Military,
        EndUserSectors = [Sector.Defence, Sector.Aerospace],
        ListHits =
        [
            new ListHit(ListKind.MilitaryEndUser, "us-meu v3", "end-user", "MEU entry \"Acme\" via 60 % owner"),
            new ListHit(ListKind.Control, "cn-export-control v2", "owner", "管控名单 第12号"),
        ],
        MilitaryLinked = true,
        MilitaryEvidence = ["Acme Defense (US) owns 60 %"],
        MilitaryMinorityStakes = ["Contractor Y 20 %"],
        VeuCover = "VEU-2025-0003",
        VeuCoverId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        VeuGaps = ["facility not covered"],
        QuantityKg = 1234.567m,
        MissingEvidence = ["composition"],
    };

    private static RoutingFacts Bare() => new()
    {
        Channel = Channel.Registration,
        ItemControlled = false,
        ControlCodes = [],
        Destination = CountryCode.Parse("DE", "d"),
        EndUse = EndUseCategory.Exhibition,
        EndUserSectors = [],
        ListHits = [],
        MilitaryLinked = false,
        MissingEvidence = [],
    };

    [Fact]
    public void Facts_are_written_exactly_as_the_general_serializer_writes_them_with_every_property()
    {
        foreach (var facts in new[] { Full(), Bare() })
        {
            var expected = JsonSerializer.Serialize(facts, Reference);
            Assert.Equal(expected, JsonSerializer.Serialize(facts, Conversions.Json));
        }

        // Every public property is stored: a property added to RoutingFacts but not to the converter fails here.
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(Full(), Conversions.Json));
        var stored = document.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        var declared = typeof(RoutingFacts).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order(StringComparer.Ordinal);
        Assert.Equal(declared, stored);
    }

    [Fact]
    public void Rows_written_by_the_general_serializer_read_back_unchanged_in_any_property_order()
    {
        foreach (var facts in new[] { Full(), Bare() })
        {
            var json = JsonSerializer.Serialize(facts, Reference);
            var read = JsonSerializer.Deserialize<RoutingFacts>(json, Conversions.Json)!;
            Assert.Equal(json, JsonSerializer.Serialize(read, Reference));

            // Reordered, with a property this release does not know: read the same.
            var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
            var reordered = new System.Text.Json.Nodes.JsonObject(node.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())).Append(KeyValuePair.Create("addedLater", (System.Text.Json.Nodes.JsonNode?)System.Text.Json.Nodes.JsonNode.Parse("{\"a\":[1,2]}"))));
            var again = JsonSerializer.Deserialize<RoutingFacts>(reordered.ToJsonString(), Conversions.Json)!;
            Assert.Equal(json, JsonSerializer.Serialize(again, Reference));
        }

        // Optional lists written before they existed read as empty.
        var old = """{"channel":"individual","itemControlled":true,"controlCodes":[],"destination":"DE","endUse":"automotive","endUserSectors":[],"listHits":[],"militaryLinked":false,"missingEvidence":[]}""";
        var facts2 = JsonSerializer.Deserialize<RoutingFacts>(old, Conversions.Json)!;
        Assert.Empty(facts2.VeuGaps);
        Assert.Equal(0m, facts2.QuantityKg);
    }

    [Theory]
    [InlineData("""{"channel":"individual"}""", "itemControlled")]
    [InlineData("""{"channel":"by-fax","itemControlled":true,"controlCodes":[],"destination":"DE","endUse":"automotive","endUserSectors":[],"listHits":[],"militaryLinked":false,"missingEvidence":[]}""", "by-fax")]
    [InlineData("""{"channel":"individual","itemControlled":true,"controlCodes":[1],"destination":"DE","endUse":"automotive","endUserSectors":[],"listHits":[],"militaryLinked":false,"missingEvidence":[]}""", "EndArray")]
    [InlineData("""{"channel":"individual","itemControlled":true,"controlCodes":[],"destination":"DE","endUse":"automotive","endUserSectors":[],"listHits":[{"kind":"watch"}],"militaryLinked":false,"missingEvidence":[]}""", "listHits.listName")]
    public void A_damaged_row_is_refused_naming_what_is_wrong(string json, string named)
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<RoutingFacts>(json, Conversions.Json));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static JsonSerializerOptions CreateReference()
    {
        var options = new JsonSerializerOptions(Conversions.Json);
        options.Converters.Remove(options.Converters.OfType<RoutingFactsJsonConverter>().Single());
        return options;
    }
}
