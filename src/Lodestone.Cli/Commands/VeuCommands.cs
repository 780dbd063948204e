using System.CommandLine;
using System.Globalization;
using Lodestone.DataFiles;
using Lodestone.Services;
using Lodestone.Services.Veu;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Lodestone.Cli.Commands;

/// <summary><c>lodestone veu list|register|expire</c>: reading the VEU program and running its expiry sweep.</summary>
internal static class VeuCommands
{
    public static Command Build(CliContext context, Option<string?> database)
    {
        var veu = new Command("veu", "Validated end users: list them, export the public register, end those past validity.");
        veu.Subcommands.Add(List(context, database));
        veu.Subcommands.Add(Register(context, database));
        veu.Subcommands.Add(Expire(context, database));
        return veu;
    }

    private static Command List(CliContext context, Option<string?> database)
    {
        var status = new Option<string?>("--status") { Description = "applied, vetting, active, under-review, suspended, revoked, expired or refused" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("list", "VEUs, open cases first.") { status, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(CliContext.Options(parse.GetValue(database)));
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var veus = await scope.ServiceProvider.GetRequiredService<VeuService>().ListAsync(parse.GetValue(status), ct);
            if (parse.GetValue(json))
            {
                context.WriteJson(veus);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Number", "Status", "Since", "End user", "End use", "Codes", "Cap (kg/yr)", "Valid until", "Votes");
            foreach (var v in veus)
            {
                table.AddRow(
                    v.Number, v.Status, v.StatusSince.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Markup.Escape($"{v.EndUser.Name} ({v.EndUser.Country})"), v.EndUse,
                    string.Join(", ", v.ControlCodes), v.AnnualCapKg.ToString("#,0", CultureInfo.InvariantCulture),
                    v.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",
                    v.Status is "vetting" or "under-review" or "suspended" ? $"{v.VotesCast}/{v.PanelSize}" : string.Empty);
            }

            context.Console.Write(table);
            context.Console.MarkupLine($"{veus.Count} VEU(s).");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Register(CliContext context, Option<string?> database)
    {
        var output = new Option<FileInfo?>("--out") { Description = "Write the register as CSV to this file" };
        var json = new Option<bool>("--json") { Description = "Print the register as JSON" };
        var command = new Command("register", "The public register of active VEUs (as GET /api/v1/veu/register).") { output, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(CliContext.Options(parse.GetValue(database)));
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var entries = await scope.ServiceProvider.GetRequiredService<VeuRegister>().ListAsync(ct);
            if (parse.GetValue(output) is { } file)
            {
                await using var stream = file.Create();
                CsvExport.Write(stream, VeuRegister.CsvHeader, VeuRegister.CsvRows(entries));
            }

            if (parse.GetValue(json))
            {
                context.WriteJson(entries);
            }
            else
            {
                context.Console.MarkupLine($"{entries.Count} active VEU(s){(parse.GetValue(output) is { } f ? $" written to {Markup.Escape(f.FullName)}" : string.Empty)}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Expire(CliContext context, Option<string?> database)
    {
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("expire", "End every VEU past its validity now (the server does this hourly).") { json };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(CliContext.Options(parse.GetValue(database)));
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var expired = await scope.ServiceProvider.GetRequiredService<VeuReviews>().ExpireDueAsync(ct);
            if (parse.GetValue(json))
            {
                context.WriteJson(new { expired });
            }
            else
            {
                context.Console.MarkupLine($"{expired} VEU(s) expired.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
