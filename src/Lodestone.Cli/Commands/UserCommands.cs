using System.CommandLine;
using Lodestone.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestone.Cli.Commands;

/// <summary><c>lodestone users add --email --role [--org] [--password]</c>.</summary>
internal static class UserCommands
{
    public static Command Build(CliContext context, Option<string?> database)
    {
        var email = new Option<string>("--email") { Description = "The account's e-mail (its user name)", Required = true };
        var role = new Option<string>("--role") { Description = string.Join(", ", Roles.All), Required = true };
        var org = new Option<Guid?>("--org") { Description = "Party id of the organisation (required for exporter and end-user accounts)" };
        var password = new Option<string?>("--password") { Description = "At least 12 characters; generated and printed once when omitted" };
        var add = new Command("add", "Create an account.") { email, role, org, password };
        add.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(CliContext.Options(parse.GetValue(database)));
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var given = parse.GetValue(password);
            var (user, used) = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync(parse.GetValue(email), parse.GetValue(role), parse.GetValue(org), given);
            await context.Out.WriteLineAsync($"Created {user.Email} ({parse.GetValue(role)}).");
            if (given is null)
            {
                await context.Out.WriteLineAsync($"Password (shown once): {used}");
            }

            return ExitCodes.Ok;
        });
        var users = new Command("users", "Accounts.");
        users.Subcommands.Add(add);
        return users;
    }
}
