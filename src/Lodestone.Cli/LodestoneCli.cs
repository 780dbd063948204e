using System.CommandLine;
using Lodestone.Cli.Commands;
using Lodestone.DataFiles;
using Lodestone.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Cli;

/// <summary>Builds the command tree and runs it with the given writers (tests capture them).</summary>
public static class LodestoneCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var context = new CliContext(stdout, stderr);
        var root = BuildRoot(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync($"error: {error.Message}");
            }

            await stderr.WriteLineAsync("Run 'lodestone --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, ct);
        }
        catch (Exception e) when (e is DomainException or DataFileException or DbUpdateException or InvalidOperationException or IOException)
        {
            await stderr.WriteLineAsync($"error: {Describe(e)}");
            return ExitCodes.Error;
        }
    }

    internal static RootCommand BuildRoot(CliContext context)
    {
        var database = new Option<string?>("--database")
        {
            Description = "SQLite file or PostgreSQL connection string (default: Lodestone__Database, else lodestone.db)",
            Recursive = true,
        };
        var root = new RootCommand("Lodestone: export-control licensing for rare-earth items.");
        root.Options.Add(database);
        root.Subcommands.Add(DatabaseCommands.Db(context, database));
        root.Subcommands.Add(DatabaseCommands.Seed(context, database));
        root.Subcommands.Add(ClassifyCommand.Build(context));
        root.Subcommands.Add(RouteCommand.Build(context, database));
        root.Subcommands.Add(PolicyCommands.Build(context));
        root.Subcommands.Add(AuditCommands.Build(context, database));
        root.Subcommands.Add(UserCommands.Build(context, database));
        root.Subcommands.Add(ListCommands.Build(context, database));
        root.Subcommands.Add(VeuCommands.Build(context, database));
        root.Subcommands.Add(ShipmentCommands.Build(context, database));
        root.Subcommands.Add(AnalyticsCommands.Build(context, database));
        root.Subcommands.Add(SimulateCommand.Build(context, database));
        root.Subcommands.Add(ScreenCommands.Screen(context, database));
        root.Subcommands.Add(ScreenCommands.Batch(context, database));
        return root;
    }

    private static string Describe(Exception e) => e switch
    {
        DomainException { Field: { } field } d => $"{field}: {d.Message}",
        DbUpdateException db => $"the database refused the change: {db.InnerException?.Message ?? db.Message}",
        _ => e.Message,
    };
}
