using System.CommandLine;
using Lodestone.Services;
using Lodestone.Services.Analytics;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Lodestone.Cli.Commands;

/// <summary><c>lodestone analytics rebuild</c>: recomputes the export roll-up from the shipments.</summary>
internal static class AnalyticsCommands
{
    public static Command Build(CliContext context, Option<string?> database)
    {
        var analytics = new Command("analytics", "Export analytics: maintain the roll-up the dashboard reads.");
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var rebuild = new Command("rebuild", "Recompute the roll-up's shipment rows from every released shipment (customs statistics stay).") { json };
        rebuild.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(CliContext.Options(parse.GetValue(database)));
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var rows = await scope.ServiceProvider.GetRequiredService<ExportRollups>().RebuildAsync(ct);
            if (parse.GetValue(json))
            {
                context.WriteJson(new { rows });
            }
            else
            {
                context.Console.MarkupLine($"{rows} roll-up row(s) rebuilt from the shipments.");
            }

            return ExitCodes.Ok;
        });
        analytics.Subcommands.Add(rebuild);
        return analytics;
    }
}
