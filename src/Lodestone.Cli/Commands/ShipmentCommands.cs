using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Lodestone.DataFiles;
using Lodestone.Domain.Common;
using Lodestone.Persistence;
using Lodestone.Services;
using Lodestone.Services.Contracts;
using Lodestone.Services.Shipments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Lodestone.Cli.Commands;

/// <summary><c>lodestone shipments import|list|sweep</c>: customs declarations in bulk, the holds queue, and the deadline sweep.</summary>
internal static partial class ShipmentCommands
{
    /// <summary>API field names as the CSV's columns, for error messages.</summary>
    private static readonly Dictionary<string, string> Columns = new(StringComparer.Ordinal)
    {
        ["declarationNumber"] = "declaration",
        ["declaredOn"] = "date",
        ["exporterId"] = "exporter",
        ["consigneeId"] = "consignee",
        ["endUserId"] = "end_user",
        ["destination"] = "destination",
        ["facility"] = "facility",
        ["licenceNumber"] = "licence",
        ["veuNumber"] = "veu",
        ["currency"] = "currency",
        ["hsCode"] = "hs_code",
        ["form"] = "form",
        ["composition"] = "composition",
        ["description"] = "description",
        ["quantityKg"] = "quantity_kg",
        ["value"] = "value",
    };

    public static Command Build(CliContext context, Option<string?> database)
    {
        var shipments = new Command("shipments", "Customs declarations: import a CSV of them, list them, run the deadline sweep.");
        shipments.Subcommands.Add(Import(context, database));
        shipments.Subcommands.Add(List(context, database));
        shipments.Subcommands.Add(Sweep(context, database));
        return shipments;
    }

    private static Command Import(CliContext context, Option<string?> database)
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV with the columns " + string.Join(",", ShipmentCsvFile.Columns) };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("import", "Checks and records every declaration of a CSV file, all or nothing.") { file, json };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            IReadOnlyList<ShipmentCsvRow> rows;
            await using (var stream = path.OpenRead())
            {
                rows = ShipmentCsvFile.Read(stream, path.Name);
            }

            await using var services = CliContext.Services(CliContext.Options(parse.GetValue(database)));
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var db = scope.ServiceProvider.GetRequiredService<LodestoneDbContext>();
            var declarations = await ToRequestsAsync(db, rows, path.Name, ct);
            string Where(int i, string? field) => Place(path.Name, declarations[i].Lines, field);
            var requests = declarations.Select(d => d.Request).ToList();
            var shipments = scope.ServiceProvider.GetRequiredService<ShipmentService>();
            ShipmentImportResult result;
            if (parse.GetValue(json))
            {
                result = await shipments.ImportAsync(requests, Where, null, ct);
                context.WriteJson(result);
                return ExitCodes.Ok;
            }

            ShipmentImportResult? done = null;
            await context.Console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Checking declarations", maxValue: Math.Max(1, requests.Count));
                done = await shipments.ImportAsync(requests, Where, new Progress<int>(n => task.Value = n), ct);
                task.Value = task.MaxValue;
            });
            result = done!;
            context.Console.MarkupLine($"{result.Declarations} declaration(s) from {rows.Count} line(s): {result.Released} released, {result.Held} held, {result.Refused} refused.");
            foreach (var s in result.Shipments.Where(s => s.Status != "released"))
            {
                context.Console.MarkupLine($"  {Markup.Escape(s.DeclarationNumber)} {s.Status}: {Markup.Escape(string.Join(" ", s.Reasons))}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliContext context, Option<string?> database)
    {
        var status = new Option<string?>("--status") { Description = "held (the holds queue), released, refused, arrived or in-use" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("list", "Shipments, newest first (held ones oldest first).") { status, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(CliContext.Options(parse.GetValue(database)));
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var page = await scope.ServiceProvider.GetRequiredService<ShipmentService>().ListAsync(parse.GetValue(status), null, null, 1, 200, ct);
            if (parse.GetValue(json))
            {
                context.WriteJson(page);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Declaration", "Date", "Exporter", "End user", "kg", "Authorisation", "Status", "Reasons");
            foreach (var s in page.Items)
            {
                table.AddRow(
                    Markup.Escape(s.DeclarationNumber), s.DeclaredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Markup.Escape(s.Exporter.Name), Markup.Escape(s.EndUser.Name),
                    s.QuantityKg.ToString("#,0.###", CultureInfo.InvariantCulture), Markup.Escape(s.AuthorisationNumber ?? "-"), s.Status, Markup.Escape(string.Join(" ", s.Reasons)));
            }

            context.Console.Write(table);
            context.Console.MarkupLine($"{page.Items.Count} of {page.Total} shipment(s).");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Sweep(CliContext context, Option<string?> database)
    {
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("sweep", "Expires licences past validity and raises overdue post-shipment reports (as the server does hourly).") { json };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(CliContext.Options(parse.GetValue(database)));
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var expired = await scope.ServiceProvider.GetRequiredService<LicenceService>().ExpireDueAsync(ct);
            var (raised, reviewed) = await scope.ServiceProvider.GetRequiredService<ReportService>().RaiseOverdueAsync(ct);
            if (parse.GetValue(json))
            {
                context.WriteJson(new { licencesExpired = expired, reportsRaised = raised, veusUnderReview = reviewed });
            }
            else
            {
                context.Console.MarkupLine($"{expired} licence(s) expired; {raised} overdue report(s) raised; {reviewed} VEU(s) put under review.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed record Declaration(DeclareShipmentRequest Request, IReadOnlyList<int> Lines);

    /// <summary>Groups the lines into declarations (one item a line) and resolves party names or ids.</summary>
    private static async Task<List<Declaration>> ToRequestsAsync(LodestoneDbContext db, IReadOnlyList<ShipmentCsvRow> rows, string file, CancellationToken ct)
    {
        var parties = await db.Parties.AsNoTracking().Select(p => new { p.Id, p.Name, p.ChineseName }).ToListAsync(ct);
        Guid Party(ShipmentCsvRow row, string value, string column)
        {
            if (Guid.TryParse(value, out var id))
            {
                return parties.Any(p => p.Id == id) ? id : throw new DataFileException(file, row.Line, column, $"no party has the id {id}.");
            }

            var named = parties.Where(p => string.Equals(p.Name, value, StringComparison.OrdinalIgnoreCase) || string.Equals(p.ChineseName, value, StringComparison.Ordinal)).ToList();
            return named.Count switch
            {
                1 => named[0].Id,
                0 => throw new DataFileException(file, row.Line, column, $"no registered party is named '{value}'; register it first or give its id."),
                _ => throw new DataFileException(file, row.Line, column, $"{named.Count} parties are named '{value}'; give the id instead."),
            };
        }

        var result = new List<Declaration>();
        foreach (var group in rows.GroupBy(r => r.Declaration, StringComparer.Ordinal))
        {
            var first = group.First();
            foreach (var row in group.Skip(1))
            {
                var differs = (row.Date, row.Exporter, row.Consignee, row.EndUser, row.Destination, row.Facility, row.Licence, row.Veu, row.Currency)
                    != (first.Date, first.Exporter, first.Consignee, first.EndUser, first.Destination, first.Facility, first.Licence, first.Veu, first.Currency);
                if (differs)
                {
                    throw new DataFileException(file, row.Line, "declaration", $"declaration {row.Declaration} has other header values (date, parties, destination, facility, licence, veu, currency) than on line {first.Line}.");
                }
            }

            var items = group.Select(r =>
            {
                try
                {
                    return new ShipmentItemDto(r.HsCode, r.Form, CompositionText.Parse(r.Composition, "composition"), r.Description, r.QuantityKg, r.Value);
                }
                catch (DomainException e)
                {
                    throw new DataFileException(file, r.Line, "composition", e.Message);
                }
            }).ToList();
            var request = new DeclareShipmentRequest
            {
                DeclarationNumber = first.Declaration,
                DeclaredOn = first.Date,
                ExporterId = Party(first, first.Exporter, "exporter"),
                ConsigneeId = first.Consignee is { } consignee ? Party(first, consignee, "consignee") : null,
                EndUserId = Party(first, first.EndUser, "end_user"),
                Destination = first.Destination,
                Facility = first.Facility,
                Currency = first.Currency,
                LicenceNumber = first.Licence,
                VeuNumber = first.Veu,
                Items = items,
            };
            result.Add(new Declaration(request, group.Select(r => r.Line).ToList()));
        }

        return result;
    }

    /// <summary>"shipments.csv:7, quantity_kg": the line of the item at fault (or the declaration's first line) and the CSV column.</summary>
    private static string Place(string file, IReadOnlyList<int> lines, string? field)
    {
        if (field is null)
        {
            return $"{file}:{lines[0]}";
        }

        var item = ItemField().Match(field);
        var line = item.Success && int.Parse(item.Groups[1].Value, CultureInfo.InvariantCulture) is var i && i < lines.Count ? lines[i] : lines[0];
        var name = item.Success ? item.Groups[2].Value : field;
        return $"{file}:{line}, {Columns.GetValueOrDefault(name, name)}";
    }

    [GeneratedRegex(@"^items\[(\d+)\]\.?(.*)$")]
    private static partial Regex ItemField();
}
