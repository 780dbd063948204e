using System.CommandLine;
using System.Globalization;
using Lodestone.Services;
using Lodestone.Services.Contracts;
using Lodestone.Services.Screening;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Lodestone.Cli.Commands;

/// <summary><c>lodestone lists show|create|import|load-defaults|rescreen</c>.</summary>
internal static class ListCommands
{
    public static Command Build(CliContext context, Option<string?> database)
    {
        var lists = new Command("lists", "Restricted-party lists: show, create, import versions, re-screen.");
        lists.Subcommands.Add(Show(context, database));
        lists.Subcommands.Add(Create(context, database));
        lists.Subcommands.Add(Import(context, database));
        lists.Subcommands.Add(LoadDefaults(context, database));
        lists.Subcommands.Add(Rescreen(context, database));
        return lists;
    }

    private static Command Show(CliContext context, Option<string?> database)
    {
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("show", "Every list with its kind, version and entry count.") { json };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(CliContext.Options(parse.GetValue(database)));
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var all = await scope.ServiceProvider.GetRequiredService<ListCatalogService>().ListsAsync(ct);
            if (parse.GetValue(json))
            {
                context.WriteJson(all);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Id", "Name", "Kind", "Version", "Entries", "Updated");
            foreach (var l in all)
            {
                table.AddRow(Markup.Escape(l.Id), Markup.Escape(l.Name), l.Kind, l.CurrentVersion.ToString(CultureInfo.InvariantCulture), l.EntryCount.ToString(CultureInfo.InvariantCulture),
                    l.UpdatedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-");
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Create(CliContext context, Option<string?> database)
    {
        var id = new Option<string>("--id") { Description = "Slug id, e.g. cn-watch", Required = true };
        var name = new Option<string>("--name") { Description = "Display name", Required = true };
        var authority = new Option<string>("--authority") { Description = "Publishing authority", Required = true };
        var kind = new Option<string>("--kind") { Description = "control, watch, unreliable-entity, military-end-user or external", Required = true };
        var description = new Option<string?>("--description") { Description = "What the list is" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("create", "Create an empty list.") { id, name, authority, kind, description, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(CliContext.Options(parse.GetValue(database)));
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var list = await scope.ServiceProvider.GetRequiredService<ListCatalogService>().CreateAsync(
                new CreateListRequest(parse.GetValue(id), parse.GetValue(name), parse.GetValue(authority), parse.GetValue(kind), parse.GetValue(description)), ct);
            if (parse.GetValue(json))
            {
                context.WriteJson(list);
            }
            else
            {
                context.Console.MarkupLine($"Created list [bold]{Markup.Escape(list.Id)}[/] ({list.Kind}).");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Import(CliContext context, Option<string?> database)
    {
        var file = new Argument<FileInfo>("file") { Description = "The list file" };
        var format = new Option<string>("--format") { Description = "lodestone, csl (CSV or JSON), ofac (sdn.csv; alt.csv/add.csv beside it are read too) or ftm (JSON lines)", Required = true };
        var list = new Option<string>("--list") { Description = "The list to import into (create it first with 'lists create')", Required = true };
        var noRescreen = new Option<bool>("--no-rescreen") { Description = "Leave the re-screening to a running server instead of doing it now" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("import", "Import a file as the list's next version (all or nothing), then re-screen every party.") { file, format, list, noRescreen, json };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await context.Error.WriteLineAsync($"error: {path.FullName} does not exist.");
                return ExitCodes.Error;
            }

            await using var services = CliContext.Services(CliContext.Options(parse.GetValue(database)));
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            ImportResult result;
            await using (var stream = path.OpenRead())
            {
                result = await scope.ServiceProvider.GetRequiredService<ListCatalogService>().ImportAsync(parse.GetValue(list)!, stream, path.FullName, parse.GetValue(format), ct);
            }

            int? rescreened = parse.GetValue(noRescreen) || result.Unchanged ? null : await RunRescreenAsync(context, scope, quiet: parse.GetValue(json), ct);
            if (parse.GetValue(json))
            {
                context.WriteJson(new { result.Version, result.Unchanged, result.RescreenJobId, rescreenedJobs = rescreened });
                return ExitCodes.Ok;
            }

            var v = result.Version;
            context.Console.MarkupLine(result.Unchanged
                ? $"No change: [bold]{Markup.Escape(v.ListId)}[/] stays at version {v.Number} ({v.EntryCount} entries)."
                : $"Imported [bold]{Markup.Escape(v.ListId)}[/] version {v.Number}: {v.EntryCount} entries; {v.Added} added, {v.Removed} removed, {v.Changed} changed.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command LoadDefaults(CliContext context, Option<string?> database)
    {
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("load-defaults", "Load the lists shipped in data/lists (see docs/lists.md), then re-screen every party.") { json };
        command.SetAction(async (parse, ct) =>
        {
            var options = CliContext.Options(parse.GetValue(database));
            await using var services = CliContext.Services(options);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var loaded = await scope.ServiceProvider.GetRequiredService<DefaultLists>().LoadAsync(options.ResolvedDataDirectory, ct);
            await RunRescreenAsync(context, scope, quiet: parse.GetValue(json), ct);
            if (parse.GetValue(json))
            {
                context.WriteJson(loaded);
                return ExitCodes.Ok;
            }

            foreach (var l in loaded)
            {
                context.Console.MarkupLine($"{Markup.Escape(l.Id)}: version {l.Version}, {l.Entries} entries{(l.Unchanged ? " (unchanged)" : string.Empty)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Rescreen(CliContext context, Option<string?> database)
    {
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("rescreen", "Run any pending re-screening of all parties now.") { json };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(CliContext.Options(parse.GetValue(database)));
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var jobs = await RunRescreenAsync(context, scope, quiet: parse.GetValue(json), ct);
            if (parse.GetValue(json))
            {
                context.WriteJson(new { jobs });
            }
            else
            {
                context.Console.MarkupLine(jobs == 0 ? "Nothing to re-screen." : $"Re-screened all parties for {jobs} list change(s).");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<int> RunRescreenAsync(CliContext context, AsyncServiceScope scope, bool quiet, CancellationToken ct)
    {
        var runner = scope.ServiceProvider.GetRequiredService<RescreenRunner>();
        var instance = $"cli:{Environment.MachineName}/{Environment.ProcessId}";
        if (quiet)
        {
            return await runner.RunPendingAsync(instance, progress: null, ct);
        }

        var jobs = 0;
        await context.Console.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("Re-screening parties", maxValue: 1);
            jobs = await runner.RunPendingAsync(instance, new Progress<(int Done, int Total)>(p =>
            {
                task.MaxValue = Math.Max(1, p.Total);
                task.Value = p.Done;
            }), ct);
            task.Value = task.MaxValue;
        });
        return jobs;
    }
}
