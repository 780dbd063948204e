using System.Text;
using Lodestone.DataFiles.Lists;
using Lodestone.Screening.Lists;
using static Lodestone.DataFiles.Tests.Lists.ListTestHelpers;

namespace Lodestone.DataFiles.Tests.Lists;

public sealed class LodestoneListFormatTests
{
    private const string Header = "id,name,name_zh,aliases,country,type,listed,removed,measures,source_url\n";

    private const string Valid = Header
        + "cn-1,Lockheed Martin Corporation,洛克希德·马丁公司,Lockheed Martin|LMT,US,entity,2023-02-16,,Prohibit import and export related to China,https://www.mofcom.gov.cn/a.html\n"
        + "cn-2,Shield AI Inc.,护盾人工智能公司,,US,entity,2025-04-09,2025-08-12,\"Measures stopped; \"\"UEL\"\" 〔2025〕8号\",\n"
        + "p-3,\"Yu, Maochun\",余茂春,,,person,2022-12-23,,,\n"
        + "v-4,OCEAN STAR,,,,vessel,,,,\n";

    [Fact]
    public void A_valid_file_gives_every_entry_with_its_names_dates_and_measures()
    {
        var list = Read(Valid, ListFileFormat.Lodestone);
        Assert.Equal(ListFileFormat.Lodestone, list.Format);
        Assert.Equal(["cn-1", "cn-2", "p-3", "v-4"], list.Entries.Select(e => e.Id));

        var lm = list.Entries[0];
        Assert.Equal("Lockheed Martin Corporation", lm.Name);
        Assert.Equal("洛克希德·马丁公司", lm.ChineseName);
        Assert.Equal(["Lockheed Martin", "LMT"], lm.Aliases);
        Assert.Equal("US", lm.Country);
        Assert.Equal(EntryType.Entity, lm.Type);
        Assert.Equal(new DateOnly(2023, 2, 16), lm.Listed);
        Assert.Null(lm.Removed);
        Assert.Equal("https://www.mofcom.gov.cn/a.html", lm.SourceUrl);

        var shield = list.Entries[1];
        Assert.Equal(new DateOnly(2025, 8, 12), shield.Removed);
        Assert.Equal("Measures stopped; \"UEL\" 〔2025〕8号", shield.Measures);
        Assert.Null(shield.SourceUrl);
        Assert.False(shield.InForceOn(new DateOnly(2025, 9, 1)));

        Assert.Equal("Yu, Maochun", list.Entries[2].Name);
        Assert.Equal(EntryType.Person, list.Entries[2].Type);
        Assert.Null(list.Entries[2].Country);
        Assert.Equal(EntryType.Vessel, list.Entries[3].Type);
        Assert.Empty(list.Entries[3].Aliases);
    }

    [Fact]
    public void A_byte_order_mark_and_CRLF_line_endings_are_accepted()
    {
        var bytes = Concat([0xEF, 0xBB, 0xBF], Utf8(Valid.Replace("\n", "\r\n", StringComparison.Ordinal)));
        Assert.Equal(4, ReadBytes(bytes, ListFileFormat.Lodestone).Entries.Count);
    }

    [Fact]
    public void An_empty_type_reads_as_unknown() =>
        Assert.Equal(EntryType.Unknown, Read(Header + "a,A,,,,,,,,\n", ListFileFormat.Lodestone).Entries[0].Type);

    [Theory]
    [InlineData("id,name,name_zh,aliases,country,kind,listed,removed,measures,source_url", "type")]
    [InlineData("id,name,name_zh,aliases,country,type,listed,removed,measures", "source_url")]
    [InlineData("id,name,aliases,name_zh,country,type,listed,removed,measures,source_url", "name_zh")]
    [InlineData("id,name,name_zh,aliases,country,type,listed,removed,measures,source_url,extra", "extra")]
    public void A_header_that_is_not_exactly_the_format_is_refused_naming_the_column(string header, string field)
    {
        var ex = Fails(header + "\na,A,,,,,,,,\n", ListFileFormat.Lodestone);
        Assert.Equal((1, field), (ex.Line, ex.Field));
    }

    [Fact]
    public void An_empty_file_is_refused() =>
        Assert.Equal("(header)", Fails(string.Empty, ListFileFormat.Lodestone).Field);

    [Theory]
    [InlineData("a,A,,,,,,,\n", "source_url")]
    [InlineData("a,A,,,,,,,,,\n", "column 11")]
    public void A_record_with_the_wrong_number_of_fields_is_refused(string row, string field)
    {
        var ex = Fails(Valid + row, ListFileFormat.Lodestone);
        Assert.Equal((6, field), (ex.Line, ex.Field));
        Assert.Contains("fields", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_that_is_never_closed_is_refused_on_the_line_it_opens()
    {
        var ex = Fails(Valid + "x-5,\"Unclosed Trading Co,,,,,,,,\nnext line\n", ListFileFormat.Lodestone);
        Assert.Equal((6, "name"), (ex.Line, ex.Field));
        Assert.Contains("never closed", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_quote_is_refused() =>
        Assert.Equal((6, "measures"), At(Fails(Valid + "x-5,X,,,,,,,say \"hi\",\n", ListFileFormat.Lodestone)));

    [Fact]
    public void Lines_count_the_line_breaks_inside_quoted_fields()
    {
        // The measures of cn-9 span lines 6-8, so the bad date of x-10 is on line 9, and its bad country on line 10.
        var text = Valid + "cn-9,Multi,,,,,,,\"one\ntwo\nthree\",\n" + "x-10,X,,,,,2025-13-01,,,\n";
        Assert.Equal((9, "listed"), At(Fails(text, ListFileFormat.Lodestone)));
        var withBreakInName = Valid + "x-11,\"Two\nLines\",,,cn,,,,,\n";
        Assert.Equal((7, "country"), At(Fails(withBreakInName, ListFileFormat.Lodestone)));
    }

    [Fact]
    public void Invalid_UTF8_is_refused_with_its_line()
    {
        var bytes = Concat(Utf8(Valid), Utf8("x-5,Caf"), [0xE9], Utf8(",,,,,,,,\n"));
        var ex = FailsBytes(bytes, ListFileFormat.Lodestone);
        Assert.Equal((6, "(encoding)"), (ex.Line, ex.Field));
        Assert.Contains("UTF-8", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_id_is_refused_on_its_second_line()
    {
        var ex = Fails(Valid + "p-3,Someone Else,,,,,,,,\n", ListFileFormat.Lodestone);
        Assert.Equal((6, "id"), (ex.Line, ex.Field));
        Assert.Contains("line 4", ex.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x-5,,,,,,,,,", "name")]
    [InlineData("x-5,  ,,,,,,,,", "name")]
    [InlineData(",X,,,,,,,,", "id")]
    [InlineData("x 5,X,,,,,,,,", "id")]
    [InlineData("x-5,X,,a||b,,,,,,", "aliases")]
    [InlineData("x-5,X,,,cn,,,,,", "country")]
    [InlineData("x-5,X,,,XX,,,,,", "country")]
    [InlineData("x-5,X,,,CHN,,,,,", "country")]
    [InlineData("x-5,X,,,,company,,,,", "type")]
    [InlineData("x-5,X,,,,Entity,,,,", "type")]
    [InlineData("x-5,X,,,,,16/02/2023,,,", "listed")]
    [InlineData("x-5,X,,,,,2023-02-30,,,", "listed")]
    [InlineData("x-5,X,,,,,,2025-1-1,,", "removed")]
    [InlineData("x-5,X,,,,,2025-02-01,2025-01-01,,", "removed")]
    [InlineData("x-5,X,,,,,,,,www.example.com", "source_url")]
    [InlineData("x-5,X,,,,,,,,ftp://example.com/a", "source_url")]
    public void A_bad_value_is_refused_naming_its_line_and_field(string row, string field)
    {
        var ex = Fails(Valid + row + "\n", ListFileFormat.Lodestone);
        Assert.Equal((6, field), (ex.Line, ex.Field));
    }

    [Fact]
    public void A_file_over_the_byte_limit_is_refused() =>
        Assert.Contains("larger than", Fails(Valid, ListFileFormat.Lodestone, new ListReadLimits { MaxBytes = 100 }).Problem, StringComparison.Ordinal);

    [Fact]
    public void A_file_with_more_entries_than_the_limit_is_refused_at_the_first_one_too_many()
    {
        var ex = Fails(Valid, ListFileFormat.Lodestone, new ListReadLimits { MaxEntries = 3 });
        Assert.Equal((5, "(entries)"), (ex.Line, ex.Field));
    }

    [Fact]
    public void A_field_over_the_length_limit_is_refused() =>
        Assert.Equal((2, "measures"), At(Fails(Valid, ListFileFormat.Lodestone, new ListReadLimits { MaxFieldLength = 30 })));

    [Fact]
    public void Written_lists_read_back_equal_sorted_by_id_with_LF_endings_and_the_same_bytes_every_time()
    {
        var entries = Read(Valid, ListFileFormat.Lodestone).Entries.Reverse().ToList();
        var first = Write(entries);
        var second = Write(entries.AsEnumerable().Reverse());
        Assert.Equal(first, second);
        var text = Encoding.UTF8.GetString(first);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.StartsWith(Header, text, StringComparison.Ordinal);
        var back = ReadBytes(first, ListFileFormat.Lodestone).Entries;
        Assert.Equal(["cn-1", "cn-2", "p-3", "v-4"], back.Select(e => e.Id));
        var none = Array.Empty<string>();
        foreach (var (a, b) in entries.OrderBy(e => e.Id, StringComparer.Ordinal).Zip(back))
        {
            Assert.Equal(a with { Aliases = none }, b with { Aliases = none });
            Assert.Equal(a.Aliases, b.Aliases);
        }
    }

    [Fact]
    public void An_alias_the_format_cannot_hold_is_refused_on_writing() =>
        Assert.Throws<ArgumentException>(() => Write([new ListEntry { Id = "a", Name = "A", Aliases = ["x|y"] }]));

    [Fact]
    public void Reading_a_path_names_the_path_in_errors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lodestone-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, Header + "a,,,,,,,,,\n");
        try
        {
            var ex = Assert.Throws<DataFileException>(() => ListFileReader.Read(path, ListFileFormat.Lodestone));
            Assert.Equal((path, 2, "name"), (ex.File, ex.Line, ex.Field));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Format_wire_names_round_trip()
    {
        Assert.Equal(["lodestone", "csl", "ofac", "ftm"], Enum.GetValues<ListFileFormat>().Select(f => f.WireName()));
        Assert.True(ListFileFormats.TryParse("CSL", out var csl));
        Assert.Equal(ListFileFormat.Csl, csl);
        Assert.False(ListFileFormats.TryParse("xml", out _));
    }


    private static byte[] Write(IEnumerable<ListEntry> entries)
    {
        using var stream = new MemoryStream();
        LodestoneListFormat.Write(stream, entries);
        return stream.ToArray();
    }
}
