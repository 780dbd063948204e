namespace Lodestone.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output.</summary>
internal static class CliRunner
{
    public static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await LodestoneCli.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
