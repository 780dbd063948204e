using System.CommandLine;
using Lodestone.Services;
using Lodestone.Services.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Lodestone.Cli.Commands;

/// <summary><c>lodestone classify --form magnet --composition Dy=0.8,Nd=30</c>.</summary>
internal static class ClassifyCommand
{
    public static Command Build(CliContext context)
    {
        var form = new Option<string>("--form") { Description = "metal, alloy, target, oxide, compound or magnet", Required = true };
        var composition = new Option<string?>("--composition") { Description = "wt% per element, e.g. Dy=0.8,Nd=30" };
        var hs = new Option<string?>("--hs-code") { Description = "HS code, e.g. 8505111000" };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Classify on this date (yyyy-MM-dd); default today" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("classify", "Classify a product against the control list.") { form, composition, hs, asOf, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(CliContext.Options(null));
            var classifier = services.GetRequiredService<ClassificationService>();
            var result = classifier.Classify(new ClassifyRequest(
                parse.GetValue(form),
                CompositionText.Parse(parse.GetValue(composition), "--composition"),
                parse.GetValue(hs),
                parse.GetValue(asOf)));
            if (parse.GetValue(json))
            {
                context.WriteJson(result);
                return ExitCodes.Ok;
            }

            var verdict = result.Controlled ? "[red]controlled[/]" : result.MissingEvidence.Count > 0 ? "[yellow]cannot be cleared: evidence missing[/]" : "[green]not controlled[/]";
            context.Console.MarkupLine($"{verdict} on {result.AsOf:yyyy-MM-dd} (control list {Markup.Escape(result.ControlListVersion)})");
            if (result.Entries.Count > 0)
            {
                var table = new Table().AddColumn("Code").AddColumn("Reason");
                foreach (var entry in result.Entries)
                {
                    table.AddRow(Markup.Escape(entry.Code), Markup.Escape(entry.Reason));
                }

                context.Console.Write(table);
            }

            foreach (var line in result.MissingEvidence)
            {
                context.Console.MarkupLine($"[yellow]missing:[/] {Markup.Escape(line)}");
            }

            foreach (var line in result.Notes)
            {
                context.Console.MarkupLine($"[grey]note:[/] {Markup.Escape(line)}");
            }

            await Task.CompletedTask;
            return ExitCodes.Ok;
        });
        return command;
    }
}
