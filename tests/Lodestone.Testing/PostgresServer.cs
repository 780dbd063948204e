using Npgsql;

namespace Lodestone.Testing;

/// <summary>
/// The PostgreSQL server the integration tests use: <c>LODESTONE_TEST_POSTGRES</c> holds an admin
/// connection string (<c>.ci/run</c> and <c>scripts/postgres.sh</c> set it). Each fixture gets a
/// database of its own, dropped afterwards. In CI (<c>CI=true</c>) a missing server fails the tests;
/// on a developer machine without one they are skipped.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "LODESTONE_TEST_POSTGRES";

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    public static bool Required =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("LODESTONE_REQUIRE_POSTGRES") == "1";

    /// <summary>Creates an empty database and returns its connection string, or null when no server is configured (and none is required).</summary>
    public static async Task<string?> CreateDatabaseAsync()
    {
        if (AdminConnectionString is not { } admin)
        {
            return Required
                ? throw new InvalidOperationException($"PostgreSQL is required in CI but {Variable} is not set; .ci/run starts a server and sets it.")
                : null;
        }

        var name = $"lodestone_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
