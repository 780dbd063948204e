using Lodestone.DataFiles.Lists;
using Lodestone.Screening.Lists;
using static Lodestone.DataFiles.Tests.Lists.ListTestHelpers;

namespace Lodestone.DataFiles.Tests.Lists;

public sealed class CslListFormatTests
{
    private const string Header = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n";

    // Rows shaped like trade.gov's download: every field quoted, the Entity List's "; and" before the last alias,
    // a multi-line address, and an OFAC row with a number for an id.
    private const string Csv = Header
        + "\"99ed1b05\",\"Entity List (EL) - Bureau of Industry and Security\",\"\",\"\",\"\",\"China Electronics Technology Group Corporation 13th Research Institute (CETC 13)\",\"\",\"113 Hezuo Road, Shijiazhuang, Hebei, China; and 21 Changsheng Street, Shijiazhuang, CN\",\"83 FR 37423\",\"2018-08-01\",\"\",\"\",\"For all items subject to the EAR.\",\"Policy of denial.\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"https://www.bis.doc.gov/entity-list\",\"Hebei Semiconductor Research Institute; HSRI; and CETC Research Institute 13\",\"\",\"\",\"\",\"\",\"https://www.bis.doc.gov/entity-list\",\"\"\n"
        + "\"52291\",\"Specially Designated Nationals (SDN) - Treasury Department\",\"52291\",\"Individual\",\"NPWMD\",\"RIM, Ryong Nam\",\"\",\"Shenyang,\nLiaoning, CN; Pyongyang, KP\",\"\",\"\",\"2030-01-01\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"https://sanctionslist.ofac.treas.gov/Home/SdnList\",\"林龙南\",\"\",\"1978-12-05\",\"KP\",\"\",\"\",\"\"\n";

    [Fact]
    public void A_CSL_CSV_gives_names_aliases_country_dates_and_measures()
    {
        var list = Read(Csv, ListFileFormat.Csl);
        Assert.Equal(["99ed1b05", "52291"], list.Entries.Select(e => e.Id));

        var cetc = list.Entries[0];
        Assert.Equal("China Electronics Technology Group Corporation 13th Research Institute (CETC 13)", cetc.Name);
        Assert.Equal(["Hebei Semiconductor Research Institute", "HSRI", "CETC Research Institute 13"], cetc.Aliases);
        Assert.Equal("CN", cetc.Country);
        Assert.Equal(EntryType.Unknown, cetc.Type);
        Assert.Equal(new DateOnly(2018, 8, 1), cetc.Listed);
        Assert.Contains("licence requirement: For all items subject to the EAR.", cetc.Measures, StringComparison.Ordinal);
        Assert.Equal("https://www.bis.doc.gov/entity-list", cetc.SourceUrl);

        var rim = list.Entries[1];
        Assert.Equal(EntryType.Person, rim.Type);
        Assert.Equal("CN", rim.Country);
        Assert.Equal("林龙南", rim.ChineseName);
        Assert.Equal(new DateOnly(2030, 1, 1), rim.Removed);
        Assert.Contains("programs: NPWMD", rim.Measures, StringComparison.Ordinal);
    }

    [Fact]
    public void CSL_JSON_with_results_or_as_a_bare_array_reads_the_same()
    {
        const string Entry = """
            {"id": "e1", "name": "Beijing Institute of Technology", "alt_names": ["BIT", "北京理工大学"], "type": "Entity",
             "addresses": [{"address": "5 South Zhongguancun St", "city": "Beijing", "country": "CN"}],
             "start_date": "2020-06-05", "end_date": null, "programs": ["EAR"], "source": "Entity List (EL) - Bureau of Industry and Security",
             "source_list_url": "https://www.bis.doc.gov/entity-list"}
            """;
        foreach (var json in new[] { $"{{\"total\": 1, \"results\": [{Entry}]}}", $"  \n[{Entry}]" })
        {
            var e = Assert.Single(Read(json, ListFileFormat.Csl, name: "t.json").Entries);
            Assert.Equal(("e1", "Beijing Institute of Technology", "北京理工大学", "CN"), (e.Id, e.Name, e.ChineseName, e.Country));
            Assert.Equal(["BIT", "北京理工大学"], e.Aliases);
            Assert.Equal(new DateOnly(2020, 6, 5), e.Listed);
            Assert.Equal(EntryType.Entity, e.Type);
        }
    }

    [Fact]
    public void A_missing_CSV_column_is_refused() =>
        Assert.Equal((1, "alt_names"), At(Fails(Csv.Replace("alt_names", "aliases", StringComparison.Ordinal), ListFileFormat.Csl)));

    [Fact]
    public void A_CSV_record_with_too_few_fields_is_refused() =>
        Assert.Equal((5, "entity_number"), At(Fails(Csv + "\"x1\",\"EL\"\n", ListFileFormat.Csl)));

    [Fact]
    public void An_unknown_type_and_a_bad_date_are_refused_on_their_lines()
    {
        Assert.Equal((2, "type"), At(Fails(Csv.Replace("\"99ed1b05\",\"Entity List (EL) - Bureau of Industry and Security\",\"\",\"\"", "\"99ed1b05\",\"EL\",\"\",\"Company\"", StringComparison.Ordinal), ListFileFormat.Csl)));
        Assert.Equal((4, "end_date"), At(Fails(Csv.Replace("2030-01-01", "01/01/2030", StringComparison.Ordinal), ListFileFormat.Csl)));
    }

    [Fact]
    public void A_truncated_CSV_is_refused_where_the_open_quote_starts() =>
        Assert.Equal((3, "addresses"), At(Fails(Csv[..Csv.IndexOf("Liaoning", StringComparison.Ordinal)], ListFileFormat.Csl)));

    [Fact]
    public void Truncated_JSON_is_refused_with_its_line()
    {
        var ex = Fails("{\"results\": [\n {\"id\": \"a\", \"name\": \"A\"},\n {\"id\": \"b\", \"na", ListFileFormat.Csl, name: "t.json");
        Assert.Equal(3, ex.Line);
        Assert.Contains("not valid JSON", ex.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"results\": [\n{\"id\": \"a\", \"name\": \"A\"},\n{\"id\": \"a\", \"name\": \"B\"}]}", 3, "results[1].id")]
    [InlineData("{\"results\": [\n{\"id\": \"a\", \"name\": \"A\", \"alt_names\": \"B\"}]}", 2, "results[0].alt_names")]
    [InlineData("{\"results\": [\n{\"id\": \"a\", \"name\": \"A\", \"alt_names\": [\"B\", 3]}]}", 2, "results[0].alt_names[1]")]
    [InlineData("{\"results\": [\n{\"id\": \"a\", \"name\": \"\"}]}", 2, "results[0].name")]
    [InlineData("{\"results\": [\n{\"name\": \"A\"}]}", 2, "results[0]._id")]
    [InlineData("{\"results\": [\n{\"id\": \"a\", \"name\": \"A\", \"start_date\": \"June 2020\"}]}", 2, "results[0].start_date")]
    [InlineData("{\"results\": [\n{\"id\": \"a\", \"name\": \"A\", \"type\": \"Ship\"}]}", 2, "results[0].type")]
    [InlineData("{\"results\": [\n{\"id\": \"a\", \"name\": \"A\", \"addresses\": [{\"country\": 7}]}]}", 2, "results[0].addresses[0].country")]
    [InlineData("{\"total\": 0}", 1, "results")]
    public void A_bad_JSON_entry_is_refused_naming_its_path(string json, int line, string field) =>
        Assert.Equal((line, field), At(Fails(json, ListFileFormat.Csl, name: "t.json")));

    [Fact]
    public void JSON_over_the_entry_limit_is_refused() =>
        Assert.Equal("(entries)", Fails("[{\"id\":\"a\",\"name\":\"A\"},{\"id\":\"b\",\"name\":\"B\"}]", ListFileFormat.Csl, new ListReadLimits { MaxEntries = 1 }, "t.json").Field);

    [Fact]
    public void A_JSON_value_over_the_length_limit_is_refused() =>
        Assert.Equal("results[0].name", Fails("{\"results\":[{\"id\":\"a\",\"name\":\"A very long name indeed\"}]}", ListFileFormat.Csl, new ListReadLimits { MaxFieldLength = 10 }, "t.json").Field);

}
