using System.CommandLine;
using Lodestone.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestone.Cli.Commands;

/// <summary><c>lodestone audit verify</c> and <c>lodestone audit checkpoint</c>.</summary>
internal static class AuditCommands
{
    public static Command Build(CliContext context, Option<string?> database)
    {
        var key = new Option<string?>("--key") { Description = "PEM file of the checkpoint signing key (default: Lodestone__AuditKeyFile)", Recursive = true };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON", Recursive = true };

        var verify = new Command("verify", "Recompute the audit hash chain and check the signed checkpoints.");
        verify.SetAction(async (parse, ct) =>
        {
            await using var services = Services(parse, database, key);
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AuditService>().VerifyAsync(ct);
            if (parse.GetValue(json))
            {
                context.WriteJson(result);
            }
            else if (result.Ok)
            {
                await context.Out.WriteLineAsync($"OK: {result.Records} audit records, chain intact; {result.CheckpointsVerified} signed checkpoint(s) verified.");
            }
            else
            {
                await context.Error.WriteLineAsync($"FAILED at sequence {result.FirstBadSeq}: {result.Problem}");
            }

            foreach (var warning in parse.GetValue(json) ? [] : result.Warnings)
            {
                await context.Error.WriteLineAsync($"warning: {warning}");
            }

            return result.Ok ? ExitCodes.Ok : ExitCodes.Error;
        });

        var checkpoint = new Command("checkpoint", "Sign the head of the audit chain with a key kept outside the database.");
        checkpoint.SetAction(async (parse, ct) =>
        {
            await using var services = Services(parse, database, key);
            await using var scope = services.CreateAsyncScope();
            var (signed, created) = await scope.ServiceProvider.GetRequiredService<AuditService>().CheckpointAsync(ct);
            if (parse.GetValue(json))
            {
                context.WriteJson(signed);
                return ExitCodes.Ok;
            }

            if (created)
            {
                await context.Out.WriteLineAsync("Created a new checkpoint signing key; keep it safe and away from the database host.");
            }

            await context.Out.WriteLineAsync($"Checkpoint at sequence {signed.Seq}: {signed.Hash} (key {signed.KeyId}).");
            return ExitCodes.Ok;
        });

        var audit = new Command("audit", "The tamper-evident audit trail.") { key, json };
        audit.Subcommands.Add(verify);
        audit.Subcommands.Add(checkpoint);
        return audit;
    }

    private static ServiceProvider Services(ParseResult parse, Option<string?> database, Option<string?> key)
    {
        var options = CliContext.Options(parse.GetValue(database));
        if (parse.GetValue(key) is { Length: > 0 } path)
        {
            options.AuditKeyFile = path;
        }

        return CliContext.Services(options);
    }
}
