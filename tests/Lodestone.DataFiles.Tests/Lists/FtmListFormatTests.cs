using Lodestone.DataFiles.Lists;
using Lodestone.Screening.Lists;
using static Lodestone.DataFiles.Tests.Lists.ListTestHelpers;

namespace Lodestone.DataFiles.Tests.Lists;

public sealed class FtmListFormatTests
{
    private const string Lines = """
        {"id": "p-1", "schema": "Person", "properties": {"name": ["WANG Wei", "王伟"], "alias": ["Wei Wang"], "country": ["cn"], "topics": ["sanction"], "createdAt": ["2023-05-01T00:00:00"], "sourceUrl": ["https://example.org/a"]}, "first_seen": "2023-05-02T00:00:00"}
        {"id": "s-1", "schema": "Sanction", "properties": {"entity": ["p-1"], "program": ["X"]}}

        {"id": "c-1", "schema": "Company", "properties": {"name": ["Acme Trading Co"], "previousName": ["Acme Old"], "weakAlias": ["ACT"], "jurisdiction": ["hk"], "startDate": ["2021", "2022-03-04"]}}
        {"id": "v-1", "schema": "Vessel", "properties": {"name": ["OCEAN STAR"], "flag": ["ir"]}}
        {"id": "a-1", "schema": "Address", "properties": {"full": ["1 Road"]}}
        {"id": "o-1", "schema": "Organization", "properties": {"name": ["中国电子科技集团公司"], "alias": ["CETC"], "endDate": ["2025-01-31"]}}
        """;

    [Fact]
    public void Parties_become_entries_and_other_schemata_are_skipped()
    {
        var list = Read(Lines, ListFileFormat.Ftm, name: "t.ftm.json");
        Assert.Equal(["p-1", "c-1", "v-1", "o-1"], list.Entries.Select(e => e.Id));
        Assert.Equal(2, list.SkippedRecords);

        var wang = list.Entries[0];
        Assert.Equal(("WANG Wei", "王伟", "CN", EntryType.Person), (wang.Name, wang.ChineseName, wang.Country, wang.Type));
        Assert.Equal(["Wei Wang"], wang.Aliases);
        Assert.Equal(new DateOnly(2023, 5, 1), wang.Listed);
        Assert.Equal("topics: sanction", wang.Measures);
        Assert.Equal("https://example.org/a", wang.SourceUrl);

        var acme = list.Entries[1];
        Assert.Equal(["Acme Old", "ACT"], acme.Aliases);
        Assert.Equal("HK", acme.Country);
        Assert.Equal(new DateOnly(2022, 3, 4), acme.Listed); // "2021" is not a day and is left out

        Assert.Equal((EntryType.Vessel, "IR"), (list.Entries[2].Type, list.Entries[2].Country));

        var cetc = list.Entries[3];
        Assert.Equal(("中国电子科技集团公司", "中国电子科技集团公司"), (cetc.Name, cetc.ChineseName));
        Assert.Equal(new DateOnly(2025, 1, 31), cetc.Removed);
    }

    [Theory]
    [InlineData("{\"id\": \"x\", \"schema\": \"Person\", \"properties\": {\"name\": [\"X\"", 8, "(json)")]
    [InlineData("{\"id\": \"x\", \"schema\": \"Person\", \"properties\": {}}", 8, "properties.name")]
    [InlineData("{\"id\": \"x\", \"schema\": \"Person\", \"properties\": {\"name\": \"X\"}}", 8, "properties.name")]
    [InlineData("{\"id\": \"x\", \"properties\": {\"name\": [\"X\"]}}", 8, "schema")]
    [InlineData("{\"schema\": \"Company\", \"properties\": {\"name\": [\"X\"]}}", 8, "id")]
    [InlineData("{\"id\": \"c-1\", \"schema\": \"Company\", \"properties\": {\"name\": [\"X\"]}}", 8, "id")]
    [InlineData("{\"id\": \"x\", \"schema\": \"Company\", \"properties\": {\"name\": [\"X\"], \"startDate\": [\"2021-13-01\"]}}", 8, "properties.startDate")]
    [InlineData("[1, 2]", 8, "$")]
    public void A_bad_line_is_refused_with_its_line_and_field(string line, int number, string field)
    {
        var ex = Fails(Lines + "\n" + line + "\n", ListFileFormat.Ftm, name: "t.ftm.json");
        Assert.Equal((number, field), (ex.Line, ex.Field));
    }

    [Fact]
    public void Invalid_UTF8_is_refused_with_its_line()
    {
        var bytes = Concat(Utf8(Lines + "\n{\"id\": \"x\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Caf"), [0xE9, 0x22], Utf8("]}}\n"));
        Assert.Equal((8, "(encoding)"), At(FailsBytes(bytes, ListFileFormat.Ftm, name: "t.ftm.json")));
    }

    [Fact]
    public void A_file_over_the_byte_limit_is_refused() =>
        Assert.Equal("(file)", Fails(Lines, ListFileFormat.Ftm, new ListReadLimits { MaxBytes = 64 }, "t.ftm.json").Field);
}
