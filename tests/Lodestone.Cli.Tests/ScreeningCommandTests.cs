using System.Text;
using System.Text.Json;
using Lodestone.Testing;

namespace Lodestone.Cli.Tests;

/// <summary><c>lists create|import|show</c>, <c>screen</c> and <c>screen-batch</c> against a database of their own.</summary>
public sealed class ScreeningCommandTests : IDisposable
{
    private const string Header = "id,name,name_zh,aliases,country,type,listed,removed,measures,source_url";
    private readonly string _db = TempSqlite.NewPath("lodestone-cli-screen");
    private readonly string _dir = Directory.CreateTempSubdirectory("lodestone-cli-screen").FullName;

    public void Dispose()
    {
        TempSqlite.Delete(_db);
        Directory.Delete(_dir, recursive: true);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private async Task ImportSampleAsync()
    {
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("lists", "create", "--database", _db, "--id", "test-uel", "--name", "Test UEL", "--authority", "MOFCOM", "--kind", "unreliable-entity")).Exit);
        var file = Write("uel.csv", $"{Header}\nU1,Lockheed Martin Corporation,洛克希德·马丁公司,,US,entity,2023-02-16,,Import and export ban,\nU2,Raytheon Missiles & Defense,雷神导弹与防务公司,,US,entity,2023-02-16,,,\n");
        var (exit, output, error) = await CliRunner.RunAsync("lists", "import", file, "--format", "lodestone", "--list", "test-uel", "--database", _db, "--json");
        Assert.True(exit == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("version").GetProperty("entryCount").GetInt32());
    }

    [Fact]
    public async Task Screen_finds_a_listed_name_in_either_script_with_an_explanation()
    {
        await ImportSampleAsync();
        var (exit, output, error) = await CliRunner.RunAsync("screen", "Lockheed Martin Corp.", "--country", "US", "--database", _db, "--json");
        Assert.True(exit == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        var first = json.RootElement.GetProperty("matches")[0];
        Assert.Equal(("test-uel", "U1"), (first.GetProperty("listId").GetString(), first.GetProperty("entryId").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(first.GetProperty("explanation").GetProperty("summary").GetString()));

        var (_, chinese, _) = await CliRunner.RunAsync("screen", "洛克希德·马丁公司", "--database", _db, "--json");
        using var zh = JsonDocument.Parse(chinese);
        Assert.Equal("U1", zh.RootElement.GetProperty("matches")[0].GetProperty("entryId").GetString());

        var (_, table, _) = await CliRunner.RunAsync("screen", "Lockheed Martin Corp.", "--database", _db);
        Assert.Contains("Lockheed", table, StringComparison.Ordinal);
        Assert.Contains("U1", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screen_batch_writes_one_json_line_per_input_row()
    {
        await ImportSampleAsync();
        var input = Write("in.csv", "id,name,country\nc1,Raytheon Missiles and Defense,US\nc2,Bäckerei Müller GmbH,DE\n");
        var output = Path.Combine(_dir, "out.jsonl");
        var (exit, summary, error) = await CliRunner.RunAsync("screen-batch", input, "--out", output, "--database", _db, "--json");
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("\"screened\": 2", summary, StringComparison.Ordinal);
        var lines = File.ReadAllLines(output);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("c1", first.RootElement.GetProperty("id").GetString());
        Assert.Equal("U2", first.RootElement.GetProperty("matches")[0].GetProperty("entryId").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(0, second.RootElement.GetProperty("matches").GetArrayLength());
    }

    [Fact]
    public async Task A_bad_batch_row_is_named_by_line_and_field_and_no_output_is_written()
    {
        await ImportSampleAsync();
        var input = Write("bad.csv", "id,name,country\nc1,Acme,US\nc2,Other,USA\n");
        var output = Path.Combine(_dir, "never.jsonl");
        var (exit, _, error) = await CliRunner.RunAsync("screen-batch", input, "--out", output, "--database", _db);
        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains("bad.csv:3: country:", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task A_malformed_import_names_the_line_and_leaves_the_list_as_it_was()
    {
        await ImportSampleAsync();
        var bad = Write("bad-list.csv", $"{Header}\nU1,Lockheed Martin Corporation,,,US,entity,2023-02-16,,,\nU1,Duplicate,,,US,entity,,,,\n");
        var (exit, _, error) = await CliRunner.RunAsync("lists", "import", bad, "--format", "lodestone", "--list", "test-uel", "--database", _db);
        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains("bad-list.csv:3", error, StringComparison.Ordinal);

        var (_, shown, _) = await CliRunner.RunAsync("lists", "show", "--database", _db, "--json");
        using var json = JsonDocument.Parse(shown);
        var list = json.RootElement.EnumerateArray().Single(l => l.GetProperty("id").GetString() == "test-uel");
        Assert.Equal((1, 2), (list.GetProperty("currentVersion").GetInt32(), list.GetProperty("entryCount").GetInt32()));
    }

    [Fact]
    public async Task Screen_without_lists_says_how_to_load_them()
    {
        var (exit, _, error) = await CliRunner.RunAsync("screen", "Anything", "--database", _db);
        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains("lists load-defaults", error, StringComparison.Ordinal);
    }
}
