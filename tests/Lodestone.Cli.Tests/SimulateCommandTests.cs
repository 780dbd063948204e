using System.Text.Json;
using Lodestone.Testing;
using Microsoft.Data.Sqlite;

namespace Lodestone.Cli.Tests;

/// <summary><c>lodestone simulate</c> against a seeded SQLite file: reproduction under the policy in force, a draft's flips, bad input.</summary>
public sealed class SimulateCommandTests : IDisposable
{
    private readonly string _db = TempSqlite.NewPath("lodestone-simulate");
    private readonly string _draft = Path.Combine(Path.GetTempPath(), $"draft-{Guid.NewGuid():N}.yaml");

    public void Dispose()
    {
        TempSqlite.Delete(_db);
        File.Delete(_draft);
    }

    [Fact]
    public async Task Replays_the_seeded_history_exactly_and_a_draft_sends_every_application_to_enhanced()
    {
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("seed", "demo", "--database", _db, "--applications", "30", "--json")).Exit);

        var (exit, output, error) = await CliRunner.RunAsync("simulate", "--from", "2025-01-01", "--to", "2026-12-31", "--database", _db, "--json");
        Assert.True(exit == ExitCodes.Ok, error);
        using (var inForce = JsonDocument.Parse(output))
        {
            Assert.Equal((30, 0), (inForce.RootElement.GetProperty("replayed").GetInt32(), inForce.RootElement.GetProperty("flipped").GetInt32()));
        }

        await File.WriteAllTextAsync(_draft, "version: \"draft-all\"\neffectiveFrom: 2025-01-01\nrules:\n  - id: all-enhanced\n    lane: enhanced\n    reason: Review everything.\n    when: {}\n");
        var (draftExit, draftOutput, draftError) = await CliRunner.RunAsync("simulate", "--policy", _draft, "--from", "2025-01-01", "--to", "2026-12-31", "--database", _db, "--json", "--flips", "5");
        Assert.True(draftExit == ExitCodes.Ok, draftError);
        using var drafted = JsonDocument.Parse(draftOutput);
        var root = drafted.RootElement;
        var notEnhanced = root.GetProperty("cells").EnumerateArray().Sum(c => c.GetProperty("historical").EnumerateObject().Where(l => l.Name != "enhanced").Sum(l => l.Value.GetInt32()));
        Assert.Equal(notEnhanced, root.GetProperty("flipped").GetInt32());
        Assert.Equal(5, root.GetProperty("flips").GetArrayLength());
        Assert.All(root.GetProperty("flips").EnumerateArray(), f => Assert.Equal(("enhanced", "all-enhanced"), (f.GetProperty("toLane").GetString(), f.GetProperty("decidingRule").GetString())));

        // The human-readable form says what changed.
        var (_, text, _) = await CliRunner.RunAsync("simulate", "--policy", _draft, "--from", "2025-01-01", "--to", "2026-12-31", "--database", _db, "--flips", "1");
        Assert.True(text.Contains($"{notEnhanced} change lane", StringComparison.Ordinal), text);
    }

    [Fact]
    public async Task A_policy_version_with_a_text_that_no_longer_reads_is_reported_and_a_draft_still_replays_its_applications()
    {
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("seed", "demo", "--database", _db, "--applications", "10", "--json")).Exit);
        await using (var connection = new SqliteConnection($"Data Source={_db};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var damage = connection.CreateCommand();
            // A second text of the version in force, as if its file had been edited, that this release cannot read:
            // none of its applications may be replayed under the first text instead.
            damage.CommandText = "INSERT INTO \"PolicyVersions\" (\"Sha256\", \"Version\", \"Yaml\", \"FirstLoadedAt\") "
                + "SELECT 'damaged-' || \"Sha256\", \"Version\", 'rules: [unclosed', \"FirstLoadedAt\" FROM \"PolicyVersions\"";
            Assert.True(await damage.ExecuteNonQueryAsync(TestContext.Current.CancellationToken) > 0);
        }

        var (exit, output, _) = await CliRunner.RunAsync("simulate", "--from", "2025-01-01", "--to", "2026-12-31", "--database", _db, "--json");
        Assert.Equal(ExitCodes.Error, exit);
        using (var inForce = JsonDocument.Parse(output))
        {
            Assert.Equal(0, inForce.RootElement.GetProperty("replayed").GetInt32());
            Assert.NotEmpty(inForce.RootElement.GetProperty("unknownPolicyVersions").EnumerateArray());
        }

        var (_, text, _) = await CliRunner.RunAsync("simulate", "--from", "2025-01-01", "--to", "2026-12-31", "--database", _db);
        Assert.Contains("has no recorded text this release can read", text, StringComparison.Ordinal);

        await File.WriteAllTextAsync(_draft, "version: \"draft-all\"\neffectiveFrom: 2025-01-01\nrules:\n  - id: all-enhanced\n    lane: enhanced\n    reason: Review everything.\n    when: {}\n");
        var (draftExit, draftOutput, draftError) = await CliRunner.RunAsync("simulate", "--policy", _draft, "--from", "2025-01-01", "--to", "2026-12-31", "--database", _db, "--json");
        Assert.True(draftExit == ExitCodes.Ok, draftError);
        using var drafted = JsonDocument.Parse(draftOutput);
        Assert.Equal(10, drafted.RootElement.GetProperty("replayed").GetInt32());
        Assert.Empty(drafted.RootElement.GetProperty("unknownPolicyVersions").EnumerateArray());
    }

    [Fact]
    public async Task A_broken_draft_names_its_file_and_line_and_a_bad_date_names_the_option()
    {
        await File.WriteAllTextAsync(_draft, "version: \"x\"\neffectiveFrom: 2025-01-01\nrules:\n  - id: a\n    lane: nowhere\n    reason: r\n    when: {}\n");
        var (exit, _, error) = await CliRunner.RunAsync("simulate", "--policy", _draft, "--from", "2025-01-01", "--to", "2025-12-31", "--database", _db);
        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains($"{Path.GetFileName(_draft)}:5", error, StringComparison.Ordinal);

        var (badExit, _, badError) = await CliRunner.RunAsync("simulate", "--from", "January", "--to", "2025-12-31", "--database", _db);
        Assert.Equal(ExitCodes.Error, badExit);
        Assert.Contains("--from", badError, StringComparison.Ordinal);
    }
}
