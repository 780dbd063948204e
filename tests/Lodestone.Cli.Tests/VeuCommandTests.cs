using System.Text.Json;
using Lodestone.Testing;

namespace Lodestone.Cli.Tests;

/// <summary><c>veu list|register|expire</c> against a demo database of their own.</summary>
public sealed class VeuCommandTests : IDisposable
{
    private readonly string _db = TempSqlite.NewPath("lodestone-cli-veu");
    private readonly string _csv = Path.Combine(Path.GetTempPath(), $"veu-register-{Guid.NewGuid():N}.csv");

    public void Dispose()
    {
        TempSqlite.Delete(_db);
        File.Delete(_csv);
    }

    [Fact]
    public async Task List_register_and_expire_read_the_demo_program()
    {
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("seed", "demo", "--database", _db, "--applications", "5", "--json")).Exit);

        var (exit, output, error) = await CliRunner.RunAsync("veu", "list", "--database", _db, "--json");
        Assert.True(exit == ExitCodes.Ok, error);
        var statuses = JsonDocument.Parse(output).RootElement.EnumerateArray().Select(v => v.GetProperty("status").GetString()).ToList();
        Assert.Contains("refused", statuses);
        Assert.Contains("revoked", statuses);
        Assert.Contains("vetting", statuses);

        var (_, refused, _) = await CliRunner.RunAsync("veu", "list", "--status", "refused", "--database", _db, "--json");
        Assert.All(JsonDocument.Parse(refused).RootElement.EnumerateArray(), v => Assert.Equal("refused", v.GetProperty("status").GetString()));
        var (badExit, _, badError) = await CliRunner.RunAsync("veu", "list", "--status", "dormant", "--database", _db);
        Assert.Equal(ExitCodes.Error, badExit);
        Assert.Contains("status", badError, StringComparison.Ordinal);

        // Nothing is left to expire after seeding; the register is the active VEUs still valid, as CSV and JSON.
        var (_, expired, _) = await CliRunner.RunAsync("veu", "expire", "--database", _db, "--json");
        Assert.Equal(0, JsonDocument.Parse(expired).RootElement.GetProperty("expired").GetInt32());
        var (registerExit, register, registerError) = await CliRunner.RunAsync("veu", "register", "--out", _csv, "--database", _db, "--json");
        Assert.True(registerExit == ExitCodes.Ok, registerError);
        var entries = JsonDocument.Parse(register).RootElement.EnumerateArray().ToList();
        var (_, active, _) = await CliRunner.RunAsync("veu", "list", "--status", "active", "--database", _db, "--json");
        Assert.Equal(JsonDocument.Parse(active).RootElement.GetArrayLength(), entries.Count);
        var lines = File.ReadAllLines(_csv);
        Assert.Equal("number,end_user,end_user_chinese_name,country,facilities,control_codes,end_use,valid_from,valid_until", lines[0]);
        Assert.Equal(entries.Select(e => e.GetProperty("number").GetString()).Order(), lines.Skip(1).Select(l => l.Split(',')[0]).Order());
    }
}
