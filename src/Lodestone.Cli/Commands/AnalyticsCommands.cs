using System.CommandLine;
using Lodestone.Services;
using Lodestone.Services.Analytics;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Lodestone.Cli.Commands;

/// <summary><c>lodestone analytics rebuild</c>: recomputes the export and decision roll-ups from the records.</summary>
internal static class AnalyticsCommands
{
    public static Command Build(CliContext context, Option<string?> database)
    {
        var analytics = new Command("analytics", "Analytics: maintain the roll-ups the dashboard reads (the what-if replay is `simulate`).");
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var rebuild = new Command("rebuild", "Recompute the roll-ups from every released shipment and decided application (customs statistics stay).") { json };
        rebuild.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(CliContext.Options(parse.GetValue(database)));
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var exports = await scope.ServiceProvider.GetRequiredService<ExportRollups>().RebuildAsync(ct);
            var decisions = await scope.ServiceProvider.GetRequiredService<DecisionRollups>().RebuildAsync(ct);
            if (parse.GetValue(json))
            {
                context.WriteJson(new { rows = exports, decisionRows = decisions });
            }
            else
            {
                context.Console.MarkupLine($"{exports} export roll-up row(s) rebuilt from the shipments, {decisions} decision roll-up row(s) from the applications.");
            }

            return ExitCodes.Ok;
        });
        analytics.Subcommands.Add(rebuild);
        return analytics;
    }
}
