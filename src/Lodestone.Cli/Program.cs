namespace Lodestone.Cli;

/// <summary>Entry point of the <c>lodestone</c> command.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => LodestoneCli.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
}
