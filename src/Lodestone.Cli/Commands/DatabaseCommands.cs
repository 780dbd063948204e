using System.CommandLine;
using Lodestone.DataFiles;
using Lodestone.Services;
using Lodestone.Services.Demo;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Lodestone.Cli.Commands;

/// <summary><c>lodestone db migrate</c> and <c>lodestone seed demo</c>.</summary>
internal static class DatabaseCommands
{
    public static Command Db(CliContext context, Option<string?> database)
    {
        var migrate = new Command("migrate", "Create the database or bring it to the latest schema (never drops data).");
        migrate.SetAction(async (parse, ct) =>
        {
            var options = CliContext.Options(parse.GetValue(database));
            await using var services = CliContext.Services(options);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            await context.Out.WriteLineAsync($"Database is up to date ({Persistence.DatabaseProvider.KindOf(options.Database)}).");
            return ExitCodes.Ok;
        });
        var db = new Command("db", "Database administration.");
        db.Subcommands.Add(migrate);
        return db;
    }

    public static Command Seed(CliContext context, Option<string?> database)
    {
        var count = new Option<int>("--applications") { Description = "How many demo applications to generate", DefaultValueFactory = _ => DatabaseInitializer.DemoApplications };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var demo = new Command("demo", "Migrate, then load the synthetic demo data into an empty database.") { count, json };
        demo.SetAction(async (parse, ct) =>
        {
            var options = CliContext.Options(parse.GetValue(database));
            var applications = parse.GetValue(count);
            if (applications < 0)
            {
                await context.Error.WriteLineAsync("error: --applications cannot be negative.");
                return ExitCodes.Usage;
            }

            await using var services = CliContext.Services(options);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var file = DemoParties.Load(Path.Combine(options.ResolvedDataDirectory, "demo", "parties.yaml"));
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            DemoSeedResult? result = null;
            if (parse.GetValue(json))
            {
                result = await seeder.SeedAsync(file, options.ResolvedDataDirectory, applications, progress: null, ct);
                context.WriteJson(result);
                return ExitCodes.Ok;
            }

            await context.Console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Loading demo applications", maxValue: Math.Max(1, applications));
                result = await seeder.SeedAsync(file, options.ResolvedDataDirectory, applications, new Progress<int>(done => task.Value = done), ct);
                task.Value = task.MaxValue;
            });
            context.Console.MarkupLine($"Loaded [bold]{result!.Parties}[/] parties, {result.Ownerships} ownership links, {result.Applications} applications, {result.Licences} licences and {result.Shipments} shipments (synthetic).");
            return ExitCodes.Ok;
        });
        var seed = new Command("seed", "Load data.");
        seed.Subcommands.Add(demo);
        return seed;
    }
}
