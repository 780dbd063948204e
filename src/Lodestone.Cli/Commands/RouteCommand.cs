using System.CommandLine;
using System.Text.Json;
using Lodestone.DataFiles;
using Lodestone.Services;
using Lodestone.Services.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Lodestone.Cli.Commands;

/// <summary><c>lodestone route application.json [--policy draft.yaml]</c>: a dry run; nothing is saved.</summary>
internal static class RouteCommand
{
    public static Command Build(CliContext context, Option<string?> database)
    {
        var file = new Argument<FileInfo>("application") { Description = "JSON file in the shape of POST /api/v1/applications" };
        var policy = new Option<FileInfo?>("--policy") { Description = "Route under this policy file instead of the one in force" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("route", "Dry-run the routing of an application against the current database.") { file, policy, json };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await context.Error.WriteLineAsync($"error: {path.FullName} does not exist.");
                return ExitCodes.Error;
            }

            FileApplicationRequest request;
            try
            {
                request = JsonSerializer.Deserialize<FileApplicationRequest>(await File.ReadAllTextAsync(path.FullName, ct), CliContext.Json)
                    ?? throw new JsonException("the file is empty.");
            }
            catch (JsonException e)
            {
                await context.Error.WriteLineAsync($"error: {path.Name}: line {e.LineNumber + 1}: {e.Path}: not a valid application: {e.Message.Split(". Path:")[0]}");
                return ExitCodes.Error;
            }

            await using var services = CliContext.Services(CliContext.Options(parse.GetValue(database)));
            await using var scope = services.CreateAsyncScope();
            var reference = scope.ServiceProvider.GetRequiredService<ReferenceData>();
            if (parse.GetValue(policy) is { } policyFile)
            {
                var yaml = await File.ReadAllTextAsync(policyFile.FullName, ct);
                reference = reference.WithPolicy(PolicyFile.Parse(policyFile.FullName, yaml), yaml);
            }

            var result = await scope.ServiceProvider.GetRequiredService<ApplicationService>().DryRunAsync(request, reference, ct);
            if (parse.GetValue(json))
            {
                context.WriteJson(new { result.Lane, result.Reasons, result.DueDate, result.PolicyVersion, result.RuleIds, result.WorkingDayLimit, result.Items });
                return ExitCodes.Ok;
            }

            context.Console.MarkupLine($"Lane: [bold]{Markup.Escape(result.Lane ?? "-")}[/] (policy {Markup.Escape(result.PolicyVersion ?? "-")}, rule {Markup.Escape(string.Join(", ", result.RuleIds))})");
            context.Console.MarkupLine($"Due: {(result.DueDate is { } due ? due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "no time limit")}");
            foreach (var reason in result.Reasons)
            {
                context.Console.MarkupLine($" - {Markup.Escape(reason.Text)}");
            }

            context.Console.MarkupLine("[grey]Dry run: nothing was saved.[/]");
            return ExitCodes.Ok;
        });
        return command;
    }
}
