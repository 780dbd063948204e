using System.CommandLine;
using Lodestone.DataFiles;
using Lodestone.Domain.Common;

namespace Lodestone.Cli.Commands;

/// <summary><c>lodestone policy check file.yaml</c>.</summary>
internal static class PolicyCommands
{
    public static Command Build(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "Policy YAML file" };
        var check = new Command("check", "Validate a policy file; errors name the line.") { file };
        check.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await context.Error.WriteLineAsync($"error: {path.FullName} does not exist.");
                return ExitCodes.Error;
            }

            var policy = PolicyFile.Parse(path.FullName, await File.ReadAllTextAsync(path.FullName, ct));
            await context.Out.WriteLineAsync($"{path.Name}: policy {policy.Version}, {policy.Rules.Count} rules, valid.");
            foreach (var rule in policy.Rules)
            {
                await context.Out.WriteLineAsync($"  line {rule.Line,4}  {rule.Id,-28} -> {WireName.Of(rule.Lane)}");
            }

            return ExitCodes.Ok;
        });
        var policyCommand = new Command("policy", "Routing policies.");
        policyCommand.Subcommands.Add(check);
        return policyCommand;
    }
}
