using System.Globalization;
using System.Text.Json;
using Lodestone.Testing;
using Microsoft.Data.Sqlite;

namespace Lodestone.Cli.Tests;

/// <summary><c>shipments import|list|sweep</c> against a demo database of its own.</summary>
public sealed class ShipmentCommandTests : IDisposable
{
    private const string Header = "declaration,date,exporter,consignee,end_user,destination,facility,licence,veu,hs_code,form,composition,description,quantity_kg,value,currency";

    private readonly string _db = TempSqlite.NewPath("lodestone-cli-shipments");
    private readonly string _csv = Path.Combine(Path.GetTempPath(), $"shipments-{Guid.NewGuid():N}.csv");

    public void Dispose()
    {
        TempSqlite.Delete(_db);
        File.Delete(_csv);
    }

    private sealed record ActiveLicence(string Number, string Exporter, string EndUser, string Destination, decimal RemainingKg);

    /// <summary>An active individual licence for Dy-bearing magnets with some balance left, read straight from the database.</summary>
    private ActiveLicence Licence()
    {
        using var connection = new SqliteConnection($"Data Source={_db}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Number, ExporterId, EndUserId, Destination, QuantityKg, UsedKg FROM Licences WHERE Status = 'active' AND Type = 'individual' AND Items LIKE '%1C905.a.4%'";
        using var reader = command.ExecuteReader();
        var licences = new List<ActiveLicence>();
        while (reader.Read())
        {
            var remaining = decimal.Parse(reader.GetString(4), CultureInfo.InvariantCulture) - decimal.Parse(reader.GetString(5), CultureInfo.InvariantCulture);
            licences.Add(new ActiveLicence(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), remaining));
        }

        return licences.Where(l => l.RemainingKg >= 20m).MaxBy(l => l.RemainingKg) ?? throw new InvalidOperationException("The demo has no active Dy licence with a balance.");
    }

    private async Task<int> CountAsync()
    {
        var (_, output, _) = await CliRunner.RunAsync("shipments", "list", "--database", _db, "--json");
        return JsonDocument.Parse(output).RootElement.GetProperty("total").GetInt32();
    }

    [Fact]
    public async Task Import_checks_every_declaration_all_or_nothing_with_line_and_column_on_errors()
    {
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("seed", "demo", "--database", _db, "--applications", "40", "--json")).Exit);
        var l = Licence();
        var before = await CountAsync();
        var magnets = "\"Nd=29, Dy=0.8, Fe=69, B=1\"";

        // Line 5 holds a bad quantity: nothing of the file is kept, and the message names the line and column.
        File.WriteAllLines(_csv,
        [
            Header,
            $"CLI-0001,,{l.Exporter},,{l.EndUser},{l.Destination},,{l.Number},,8505.11,,{magnets},Rotor magnets,5,250,USD",
            $"CLI-0001,,{l.Exporter},,{l.EndUser},{l.Destination},,{l.Number},,8505.11,,{magnets},Stator magnets,5,250,USD",
            $"CLI-0002,,{l.Exporter},,{l.EndUser},{l.Destination},,,,8505.11,,,Magnets,3,90,USD",
            $"CLI-0003,,{l.Exporter},,{l.EndUser},{l.Destination},,{l.Number},,8505.11,,{magnets},Magnets,0,90,USD",
        ]);
        var (badExit, _, badError) = await CliRunner.RunAsync("shipments", "import", _csv, "--database", _db);
        Assert.Equal(ExitCodes.Error, badExit);
        Assert.Contains($"{Path.GetFileName(_csv)}:5, quantity_kg", badError, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());

        File.WriteAllLines(_csv, File.ReadAllLines(_csv)[..4]);
        var (exit, output, error) = await CliRunner.RunAsync("shipments", "import", _csv, "--database", _db, "--json");
        Assert.True(exit == ExitCodes.Ok, error);
        var result = JsonDocument.Parse(output).RootElement;
        Assert.Equal((2, 1, 1), (result.GetProperty("declarations").GetInt32(), result.GetProperty("released").GetInt32(), result.GetProperty("held").GetInt32()));
        var held = result.GetProperty("shipments").EnumerateArray().Single(s => s.GetProperty("status").GetString() == "held");
        Assert.Contains("without composition evidence", held.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before + 2, await CountAsync());
        Assert.Equal(l.RemainingKg - 10m, Licence() is var after && after.Number == l.Number ? after.RemainingKg : -1m);

        // The same declarations again are refused as duplicates, naming the line; a bad header names the column.
        var (dupExit, _, dupError) = await CliRunner.RunAsync("shipments", "import", _csv, "--database", _db);
        Assert.Equal(ExitCodes.Error, dupExit);
        Assert.Contains("already recorded", dupError, StringComparison.Ordinal);
        File.WriteAllText(_csv, "declaration,date,exporter\n");
        var (headerExit, _, headerError) = await CliRunner.RunAsync("shipments", "import", _csv, "--database", _db);
        Assert.Equal(ExitCodes.Error, headerExit);
        Assert.Contains(":1: consignee", headerError, StringComparison.Ordinal);

        // The roll-up rebuilt from the shipments has a row for every month, destination and code they touch.
        var (rebuildExit, rebuilt, rebuildError) = await CliRunner.RunAsync("analytics", "rebuild", "--database", _db, "--json");
        Assert.True(rebuildExit == ExitCodes.Ok, rebuildError);
        Assert.True(JsonDocument.Parse(rebuilt).RootElement.GetProperty("rows").GetInt32() > 0);

        var (sweepExit, sweep, _) = await CliRunner.RunAsync("shipments", "sweep", "--database", _db, "--json");
        Assert.Equal(ExitCodes.Ok, sweepExit);
        Assert.True(JsonDocument.Parse(sweep).RootElement.TryGetProperty("reportsRaised", out _));
    }
}
