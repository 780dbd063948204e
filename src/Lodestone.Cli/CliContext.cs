using System.Text.Json;
using System.Text.Json.Serialization;
using Lodestone.Persistence;
using Lodestone.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Lodestone.Cli;

/// <summary>What a command needs: its writers, a console for tables and progress, and the shared services.</summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    public IAnsiConsole Console { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(stdout),
        Interactive = InteractionSupport.No,
    });

    /// <summary>Settings from the environment (<c>Lodestone__Database</c> …), overridden by <c>--database</c>.</summary>
    public static LodestoneOptions Options(string? database)
    {
        var options = new ConfigurationBuilder().AddEnvironmentVariables().Build()
            .GetSection(LodestoneOptions.Section).Get<LodestoneOptions>() ?? new LodestoneOptions();
        if (!string.IsNullOrWhiteSpace(database))
        {
            options.Database = database;
        }

        return options;
    }

    /// <summary>The shared services, as the server wires them, with the OS user as the actor.</summary>
    public static ServiceProvider Services(LodestoneOptions options)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLodestoneCore(options);
        services.AddSingleton<ICurrentActor>(new FixedActor($"cli:{Environment.UserName}"));
        return services.BuildServiceProvider();
    }

    public void WriteJson<T>(T value) => Out.WriteLine(JsonSerializer.Serialize(value, Json));
}
