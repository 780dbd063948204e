using System.Text;
using Lodestone.DataFiles.Lists;
using Lodestone.Screening.Lists;
using static Lodestone.DataFiles.Tests.Lists.ListTestHelpers;

namespace Lodestone.DataFiles.Tests.Lists;

public sealed class OfacListFormatTests
{
    // As OFAC publishes it: no header, "-0- " for empty, CRLF, and a DOS end-of-file mark on the last line.
    private const string Sdn =
        "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
        + "306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'BNC'.\"\r\n"
        + "2674,\"ZAYDAN, Muhammad\",individual,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1954; nationality Syria; a.k.a. 'ZAIDAN, Muhammad'; a.k.a. 'AL-JAMA'AH, Abu'.\"\r\n"
        + "15037,\"OCEAN STAR\",vessel,\"IRAN] [SDGT\",-0- ,\"9HA1234\",\"Crude Oil Tanker\",-0- ,-0- ,\"Iran\",-0- ,\"IMO 1234567.\"\r\n";

    private const string Alt =
        "306,220,\"aka\",\"NATIONAL BANK OF CUBA\",-0- \r\n"
        + "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n";

    private const string Add =
        "36,25,-0- ,\"Havana\",\"Cuba\",-0- \r\n"
        + "306,199,\"Zweierstrasse 35\",\"Zurich CH-8022\",\"Switzerland\",-0- \r\n"
        + "306,200,\"Avenida de Concha Espina 8\",\"Madrid E-28036\",\"Spain\",-0- \r\n";

    private static readonly byte[] EndOfFile = [0x1A];

    [Fact]
    public void The_SDN_file_alone_gives_names_types_programs_and_the_aliases_and_nationality_in_Remarks()
    {
        var list = ReadBytes(Concat(Utf8(Sdn), EndOfFile), ListFileFormat.Ofac);
        Assert.Equal(["36", "306", "2674", "15037"], list.Entries.Select(e => e.Id));

        var airline = list.Entries[0];
        Assert.Equal(("AEROCARIBBEAN AIRLINES", EntryType.Entity, "OFAC SDN; programs: CUBA"), (airline.Name, airline.Type, airline.Measures));
        Assert.Null(airline.Country);
        Assert.Equal(["BNC"], list.Entries[1].Aliases);

        var person = list.Entries[2];
        Assert.Equal("ZAYDAN, Muhammad", person.Name);
        Assert.Equal(EntryType.Person, person.Type);
        Assert.Equal("SY", person.Country);
        Assert.Equal(["ZAIDAN, Muhammad", "AL-JAMA'AH, Abu"], person.Aliases);

        var vessel = list.Entries[3];
        Assert.Equal((EntryType.Vessel, "IR", "OFAC SDN; programs: IRAN; SDGT"), (vessel.Type, vessel.Country, vessel.Measures));
    }

    [Fact]
    public void Windows_1252_text_is_decoded()
    {
        var bytes = Concat(Utf8("9000,\"CAF"), [0xC9], Utf8(" HOLDINGS "), [0x96], Utf8(" S.A.\",-0- ,\"SDNTK\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"));
        Assert.Equal("CAFÉ HOLDINGS – S.A.", Assert.Single(ReadBytes(bytes, ListFileFormat.Ofac).Entries).Name);
    }

    [Fact]
    public void The_alt_and_add_companions_add_aliases_and_the_first_nameable_country()
    {
        using var sdn = new MemoryStream(Encoding.UTF8.GetBytes(Sdn));
        using var alt = new MemoryStream(Encoding.UTF8.GetBytes(Alt));
        using var add = new MemoryStream(Encoding.UTF8.GetBytes(Add));
        var list = ListFileReader.ReadOfac(sdn, "sdn.csv", alt, "alt.csv", add, "add.csv");
        Assert.Equal(["BNC", "NATIONAL BANK OF CUBA"], list.Entries[1].Aliases);
        Assert.Equal("CH", list.Entries[1].Country);
        Assert.Equal(["AERO-CARIBBEAN"], list.Entries[0].Aliases);
        Assert.Equal("CU", list.Entries[0].Country);
    }

    [Fact]
    public void Reading_an_SDN_path_picks_up_alt_and_add_beside_it()
    {
        var folder = Directory.CreateTempSubdirectory("lodestone-ofac-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "sdn.csv"), Sdn);
            File.WriteAllText(Path.Combine(folder, "alt.csv"), Alt);
            File.WriteAllText(Path.Combine(folder, "add.csv"), Add);
            var list = ListFileReader.Read(Path.Combine(folder, "sdn.csv"), ListFileFormat.Ofac);
            Assert.Equal("CU", list.Entries[0].Country);
            Assert.Contains("AERO-CARIBBEAN", list.Entries[0].Aliases);

            File.WriteAllText(Path.Combine(folder, "alt.csv"), "99,1,\"aka\",\"NOBODY\",-0- \r\n");
            var ex = Assert.Throws<DataFileException>(() => ListFileReader.Read(Path.Combine(folder, "sdn.csv"), ListFileFormat.Ofac));
            Assert.Equal((Path.Combine(folder, "alt.csv"), 1, "ent_num"), (ex.File, ex.Line, ex.Field));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("99,\"X\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n", "Remarks")]
    [InlineData("99,\"X\",company,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n", "SDN_Type")]
    [InlineData("A99,\"X\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n", "ent_num")]
    [InlineData("306,\"X\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n", "ent_num")]
    [InlineData("99,-0- ,-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n", "SDN_Name")]
    [InlineData("99,\"X\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'Y\r\n", "Remarks")]
    public void A_bad_SDN_record_is_refused_naming_its_line_and_column(string row, string field) =>
        Assert.Equal((5, field), At(Fails(Sdn + row, ListFileFormat.Ofac)));

    [Fact]
    public void An_SDN_file_over_the_entry_limit_is_refused() =>
        Assert.Equal((4, "(entries)"), At(Fails(Sdn, ListFileFormat.Ofac, new ListReadLimits { MaxEntries = 3 })));
}
