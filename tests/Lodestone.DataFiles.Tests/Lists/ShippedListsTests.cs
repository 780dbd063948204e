using Lodestone.DataFiles.Lists;
using Lodestone.Domain.Routing;
using Lodestone.Screening.Lists;

namespace Lodestone.DataFiles.Tests.Lists;

public sealed class ShippedListsTests
{
    private static readonly string Catalog = Path.Combine(AppContext.BaseDirectory, "data", "lists", "lists.yaml");

    private static IReadOnlyList<ListEntry> Entries(string id) =>
        ListFileReader.Read(ListCatalogFile.Load(Catalog).Single(d => d.Id == id).File, ListFileFormat.Lodestone).Entries;

    [Fact]
    public void Every_list_in_the_catalogue_reads_cleanly_and_is_not_empty()
    {
        var lists = ListCatalogFile.Load(Catalog);
        Assert.Equal(
            ["us-bis-entity", "us-bis-meu", "us-dod-1260h", "us-bis-dpl", "cn-export-control", "cn-unreliable-entity", "cn-countermeasures"],
            lists.Select(l => l.Id));
        foreach (var list in lists)
        {
            var file = ListFileReader.Read(list.File, list.Format);
            Assert.NotEmpty(file.Entries);
            Assert.All(file.Entries, e => Assert.StartsWith(list.Id + "-", e.Id, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_kinds_follow_docs_lists_md()
    {
        var kinds = ListCatalogFile.Load(Catalog).ToDictionary(l => l.Id, l => l.Kind);
        Assert.Equal(ListKind.Control, kinds["cn-export-control"]);
        Assert.Equal(ListKind.UnreliableEntity, kinds["cn-unreliable-entity"]);
        Assert.Equal(ListKind.Watch, kinds["cn-countermeasures"]);
        Assert.Equal(ListKind.MilitaryEndUser, kinds["us-bis-meu"]);
        Assert.Equal(ListKind.MilitaryEndUser, kinds["us-dod-1260h"]);
        Assert.Equal(ListKind.External, kinds["us-bis-entity"]);
        Assert.Equal(ListKind.External, kinds["us-bis-dpl"]);
    }

    [Theory]
    [InlineData("cn-export-control")]
    [InlineData("cn-unreliable-entity")]
    [InlineData("cn-countermeasures")]
    public void China_s_lists_carry_Chinese_and_English_names_dates_measures_and_sources(string id)
    {
        var entries = Entries(id);
        Assert.All(entries, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.ChineseName), e.Id);
            Assert.NotNull(e.Listed);
            Assert.NotNull(e.Measures);
        });
        Assert.True(entries.Count(e => ListValues.ContainsHan(e.ChineseName)) >= entries.Count * 0.95, "most Chinese names are in Chinese script");
        Assert.True(entries.Count(e => !ListValues.ContainsHan(e.Name)) >= entries.Count * 0.95, "most primary names are English");
        Assert.True(entries.Count(e => e.SourceUrl is not null) >= entries.Count - 2);
    }

    [Fact]
    public void Lockheed_Martin_is_on_the_export_control_list_in_both_scripts()
    {
        var lm = Assert.Single(Entries("cn-export-control"), e => e.ChineseName == "洛克希德·马丁公司");
        Assert.Equal(("Lockheed Martin Corporation", "US", EntryType.Entity), (lm.Name, lm.Country, lm.Type));
        Assert.Equal(new DateOnly(2025, 1, 2), lm.Listed);
        Assert.StartsWith("https://www.mofcom.gov.cn/", lm.SourceUrl, StringComparison.Ordinal);
    }

    [Fact]
    public void Stopped_UEL_measures_remove_the_entries_and_suspended_ones_do_not()
    {
        var uel = Entries("cn-unreliable-entity");
        var shield = Assert.Single(uel, e => e.Name == "Shield AI, Inc.");
        Assert.Equal(new DateOnly(2025, 8, 12), shield.Removed);
        var skydio = Assert.Single(uel, e => e.Name == "Skydio Inc.");
        Assert.Null(skydio.Removed);
        Assert.Contains("suspended", skydio.Measures, StringComparison.Ordinal);
        var illumina = Assert.Single(uel, e => e.Name == "Illumina, Inc.");
        Assert.Null(illumina.Removed); // only its 〔2025〕6号 export ban was stopped, not its 〔2025〕4号 listing
        Assert.DoesNotContain(uel, e => e.Listed == new DateOnly(2024, 9, 24)); // the PVH investigation is not a listing
    }

    [Fact]
    public void The_US_lists_have_their_published_sizes_after_merging()
    {
        Assert.Equal(80, Entries("us-dod-1260h").Count);
        Assert.Equal(70, Entries("us-bis-meu").Count);
        Assert.InRange(Entries("us-bis-entity").Count, 3300, 3409);
        Assert.All(Entries("us-dod-1260h"), e => Assert.Equal("CN", e.Country));
    }
}
