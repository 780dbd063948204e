using System.Text.Json;
using Lodestone.Testing;

namespace Lodestone.Cli.Tests;

public sealed class ClassifyCommandTests
{
    [Fact]
    public async Task Classifies_a_Dy_magnet_as_JSON()
    {
        var (exit, output, _) = await CliRunner.RunAsync("classify", "--form", "magnet", "--composition", "Dy=0.8,Nd=30", "--as-of", "2025-09-01", "--json");
        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("controlled").GetBoolean());
        Assert.Equal("1C905.a.4", json.RootElement.GetProperty("entries")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Prints_a_table_for_people()
    {
        var (exit, output, _) = await CliRunner.RunAsync("classify", "--form", "magnet", "--composition", "Sm=25,Co=50,Fe=16,Cu=6,Zr=3", "--as-of", "2025-09-01");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("controlled", output, StringComparison.Ordinal);
        Assert.Contains("1C902.a.4", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_element_is_an_error_on_stderr_with_exit_1()
    {
        var (exit, output, error) = await CliRunner.RunAsync("classify", "--form", "magnet", "--composition", "Xx=1");
        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains("'Xx' is not a chemical element symbol", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task A_missing_required_option_is_bad_usage_with_exit_2()
    {
        var (exit, _, error) = await CliRunner.RunAsync("classify");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--form", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_bad_usage() =>
        Assert.Equal(ExitCodes.Usage, (await CliRunner.RunAsync("frobnicate")).Exit);
}

public sealed class PolicyCommandTests
{
    [Fact]
    public async Task Checks_the_default_policy()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "policies", "default.yaml");
        var (exit, output, _) = await CliRunner.RunAsync("policy", "check", path);
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("policy 2025.1", output, StringComparison.Ordinal);
        Assert.Contains("standard-review", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_the_line_of_a_bad_lane()
    {
        var path = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, "version: \"x\"\neffectiveFrom: 2025-01-01\nrules:\n  - id: a\n    lane: fast\n    reason: r\n    when: {}\n");
        try
        {
            var (exit, _, error) = await CliRunner.RunAsync("policy", "check", path);
            Assert.Equal(ExitCodes.Error, exit);
            Assert.Contains(":5: rules[0].lane", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>db migrate, seed demo and route against a real SQLite file.</summary>
public sealed class DatabaseCommandTests : IDisposable
{
    private readonly string _db = TempSqlite.NewPath("lodestone-cli");

    public void Dispose()
    {
        TempSqlite.Delete(_db);
    }

    [Fact]
    public async Task Migrate_seed_and_dry_run_a_route_without_saving()
    {
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("db", "migrate", "--database", _db)).Exit);
        var (seedExit, seedOut, _) = await CliRunner.RunAsync("seed", "demo", "--database", _db, "--applications", "10", "--json");
        Assert.Equal(ExitCodes.Ok, seedExit);
        Assert.Equal(10, JsonDocument.Parse(seedOut).RootElement.GetProperty("applications").GetInt32());

        var (againExit, _, againError) = await CliRunner.RunAsync("seed", "demo", "--database", _db, "--applications", "1");
        Assert.Equal(ExitCodes.Error, againExit);
        Assert.Contains("empty database", againError, StringComparison.Ordinal);

        var (exporter, endUser) = await DemoPartiesAsync();
        var application = Path.Combine(Path.GetTempPath(), $"app-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(application, JsonSerializer.Serialize(new
        {
            exporterId = exporter,
            endUserId = endUser,
            destination = "DE",
            endUse = new { category = "automotive", description = "EV motors" },
            items = new[] { new { form = "magnet", composition = new { Nd = 29, Dy = 1 }, quantityKg = 100, value = 9000 } },
            documents = new[] { "end-user-certificate", "contract", "technical-description", "end-use-statement" },
        }));
        try
        {
            var (routeExit, routeOut, routeError) = await CliRunner.RunAsync("route", application, "--database", _db, "--json");
            Assert.True(routeExit == ExitCodes.Ok, routeError);
            using var routed = JsonDocument.Parse(routeOut);
            Assert.Equal("standard", routed.RootElement.GetProperty("lane").GetString());
            Assert.Equal(10, await CountApplicationsAsync());

            // The same application under a draft policy that sends everything to enhanced review.
            var draft = Path.Combine(Path.GetTempPath(), $"draft-{Guid.NewGuid():N}.yaml");
            await File.WriteAllTextAsync(draft, "version: \"draft-1\"\neffectiveFrom: 2025-01-01\nrules:\n  - id: all-enhanced\n    lane: enhanced\n    reason: Draft\n    when: {}\n");
            var (_, draftOut, _) = await CliRunner.RunAsync("route", application, "--database", _db, "--policy", draft, "--json");
            using var drafted = JsonDocument.Parse(draftOut);
            Assert.Equal(("enhanced", "draft-1"), (drafted.RootElement.GetProperty("lane").GetString(), drafted.RootElement.GetProperty("policyVersion").GetString()));
            File.Delete(draft);
        }
        finally
        {
            File.Delete(application);
        }
    }

    [Fact]
    public async Task Audit_verify_is_OK_on_the_demo_and_fails_naming_the_sequence_after_tampering()
    {
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("seed", "demo", "--database", _db, "--applications", "5", "--json")).Exit);
        var (exit, output, _) = await CliRunner.RunAsync("audit", "verify", "--database", _db);
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.StartsWith("OK: ", output, StringComparison.Ordinal);

        var key = Path.Combine(Path.GetTempPath(), $"audit-key-{Guid.NewGuid():N}.pem");
        try
        {
            var (checkpointExit, checkpointOut, checkpointError) = await CliRunner.RunAsync("audit", "checkpoint", "--database", _db, "--key", key);
            Assert.True(checkpointExit == ExitCodes.Ok, checkpointError);
            Assert.Contains("Created a new checkpoint signing key", checkpointOut, StringComparison.Ordinal);
            Assert.True(File.Exists(key));
            Assert.Contains("1 signed checkpoint(s) verified", (await CliRunner.RunAsync("audit", "verify", "--database", _db, "--key", key)).Out, StringComparison.Ordinal);

            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_db}"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "UPDATE AuditEvents SET Actor = 'mallory' WHERE Seq = 7";
                await command.ExecuteNonQueryAsync();
            }

            var (badExit, _, badError) = await CliRunner.RunAsync("audit", "verify", "--database", _db, "--key", key);
            Assert.Equal(ExitCodes.Error, badExit);
            Assert.Contains("FAILED at sequence 7", badError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(key);
        }
    }

    [Fact]
    public async Task Users_add_creates_accounts_and_checks_role_and_organisation()
    {
        var (exit, output, error) = await CliRunner.RunAsync("users", "add", "--database", _db, "--email", "officer@mofcom.test", "--role", "officer");
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("Password (shown once): ", output, StringComparison.Ordinal);

        var (badRole, _, roleError) = await CliRunner.RunAsync("users", "add", "--database", _db, "--email", "x@mofcom.test", "--role", "boss");
        Assert.Equal(ExitCodes.Error, badRole);
        Assert.Contains("'boss' is not a role", roleError, StringComparison.Ordinal);

        var (noOrg, _, orgError) = await CliRunner.RunAsync("users", "add", "--database", _db, "--email", "e@jlmag.test", "--role", "exporter", "--password", "long-enough-password");
        Assert.Equal(ExitCodes.Error, noOrg);
        Assert.Contains("belongs to an organisation", orgError, StringComparison.Ordinal);

        var (shortPw, _, pwError) = await CliRunner.RunAsync("users", "add", "--database", _db, "--email", "p@mofcom.test", "--role", "auditor", "--password", "short");
        Assert.Equal(ExitCodes.Error, shortPw);
        Assert.Contains("password", pwError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Route_reports_a_malformed_file_with_its_line()
    {
        var application = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(application, "{\n  \"items\": [\n    { \"quantityKg\": \"lots\" }\n  ]\n}");
        try
        {
            var (exit, _, error) = await CliRunner.RunAsync("route", application, "--database", _db);
            Assert.Equal(ExitCodes.Error, exit);
            Assert.Contains("line 3", error, StringComparison.Ordinal);
            Assert.Contains("quantityKg", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(application);
        }
    }

    private async Task<(string Exporter, string EndUser)> DemoPartiesAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_db}");
        await connection.OpenAsync();
        async Task<string> IdAsync(string role, string country)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Id FROM Parties WHERE Roles LIKE $role AND Country = $country AND Sectors NOT LIKE '%defence%' AND Sectors NOT LIKE '%aerospace%' ORDER BY Name LIMIT 1";
            command.Parameters.AddWithValue("$role", $"%{role}%");
            command.Parameters.AddWithValue("$country", country);
            return (string)(await command.ExecuteScalarAsync())!;
        }

        return (await IdAsync("exporter", "CN"), await IdAsync("end-user", "DE"));
    }

    private async Task<long> CountApplicationsAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_db}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Applications";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
