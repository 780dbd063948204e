using System.CommandLine;
using System.Globalization;
using Lodestone.DataFiles;
using Lodestone.Domain.Analytics;
using Lodestone.Domain.Common;
using Lodestone.Services;
using Lodestone.Services.Analytics;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Lodestone.Cli.Commands;

/// <summary>
/// <c>lodestone simulate --policy draft.yaml --from 2025-01-01 --to 2025-12-31 [--json]</c>: the what-if replay.
/// Every application filed in the period is routed again under the draft on the facts it was routed on; nothing
/// is saved. Without <c>--policy</c> the replay uses the versions in force, which must reproduce every lane.
/// </summary>
internal static class SimulateCommand
{
    public static Command Build(CliContext context, Option<string?> database)
    {
        var policy = new Option<FileInfo?>("--policy") { Description = "The draft policy (YAML); omit to replay under the versions in force" };
        var from = new Option<string>("--from") { Description = "First filing day, e.g. 2025-01-01", Required = true };
        var to = new Option<string>("--to") { Description = "Last filing day, e.g. 2025-12-31", Required = true };
        var flips = new Option<int>("--flips") { Description = "How many flipped applications to list", DefaultValueFactory = _ => 1000 };
        var json = new Option<bool>("--json") { Description = "Print the whole result as JSON" };
        var command = new Command("simulate", "What-if: replay the applications of a period through a draft policy and show what changes.") { policy, from, to, flips, json };
        command.SetAction(async (parse, ct) =>
        {
            var first = ParseDay(parse.GetValue(from), "--from");
            var last = ParseDay(parse.GetValue(to), "--to");
            var draft = parse.GetValue(policy) is { } file ? Draft(file) : null;
            await using var services = CliContext.Services(CliContext.Options(parse.GetValue(database)));
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var replays = scope.ServiceProvider.GetRequiredService<PolicyReplayService>();
            ReplayReport report;
            if (parse.GetValue(json))
            {
                report = await replays.RunAsync(draft, first, last, parse.GetValue(flips), progress: null, ct);
                context.WriteJson(Services.Contracts.ReplayResponse.Of(report));
                return report.Result.UnknownPolicyVersions.Count > 0 ? ExitCodes.Error : ExitCodes.Ok;
            }

            report = null!;
            await context.Console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Replaying", maxValue: 1);
                var reporter = new Progress<(int Done, int Total)>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                });
                report = await replays.RunAsync(draft, first, last, parse.GetValue(flips), reporter, ct);
                task.Value = task.MaxValue;
            });
            Print(context, report);
            return report.Result.UnknownPolicyVersions.Count > 0 ? ExitCodes.Error : ExitCodes.Ok;
        });
        return command;
    }

    private static Domain.Routing.RoutingPolicy Draft(FileInfo file) =>
        file.Exists
            ? PolicyReplayService.ParseDraft(file.FullName, File.ReadAllText(file.FullName))
            : throw new DataFileException(file.FullName, 0, null, "file not found.");

    private static DateOnly ParseDay(string? text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new DomainException(option, $"'{text}' is not a date of the form 2025-01-31.");

    private static void Print(CliContext context, ReplayReport report)
    {
        var r = report.Result;
        var console = context.Console;
        console.MarkupLine($"{(r.DraftVersion is null ? "Policies in force" : $"Draft [bold]{Markup.Escape(r.DraftVersion)}[/]")}, applications filed {report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd}.");
        console.MarkupLine($"{r.Replayed:#,0} replayed; {r.Flipped:#,0} change lane.");
        console.MarkupLine($"Approved: {r.ApprovedKg / 1000m:#,0.###} t as it happened; [bold]{r.DraftApprovedKg / 1000m:#,0.###} t[/] under the draft.");
        if (report.WithoutFacts > 0)
        {
            console.MarkupLine($"[grey]{report.WithoutFacts} applications were routed before routing facts were kept and are not replayed.[/]");
        }

        foreach (var version in r.UnknownPolicyVersions)
        {
            console.MarkupLine($"[red]Policy version {Markup.Escape(version)} has no recorded text this release can read; its applications were not replayed.[/]");
        }

        if (r.Shifts.Count > 0)
        {
            var shifts = new Table().AddColumns("From", "To", "Applications", "t");
            foreach (var s in r.Shifts)
            {
                shifts.AddRow(WireName.Of(s.From), WireName.Of(s.To), s.Applications.ToString("#,0", CultureInfo.InvariantCulture), (s.Kg / 1000m).ToString("#,0.###", CultureInfo.InvariantCulture));
            }

            console.Write(shifts);
        }

        var changed = r.Cells.Where(c => c.Flipped > 0).ToList();
        if (changed.Count > 0)
        {
            var cells = new Table().AddColumns("Month", "Destination", "Flipped", "Approved t", "Under the draft t");
            foreach (var c in changed)
            {
                cells.AddRow(Periods.Label(c.Month, Grain.Month), c.Destination, c.Flipped.ToString(CultureInfo.InvariantCulture),
                    (c.ApprovedKg / 1000m).ToString("#,0.###", CultureInfo.InvariantCulture), (c.DraftApprovedKg / 1000m).ToString("#,0.###", CultureInfo.InvariantCulture));
            }

            console.Write(cells);
        }

        foreach (var f in r.Flips)
        {
            console.MarkupLine($" - {Markup.Escape(f.Number)} ({f.FiledOn:yyyy-MM-dd}, {Markup.Escape(f.Destination)}): {WireName.Of(f.FromLane)} → [bold]{WireName.Of(f.ToLane)}[/]. {Markup.Escape(f.Why)}");
        }

        if (r.Flipped > r.Flips.Count)
        {
            console.MarkupLine($"[grey]{r.Flipped - r.Flips.Count:#,0} more flipped applications not listed (--flips).[/]");
        }
    }
}
