namespace Lodestone.Cli;

/// <summary>The command's exit codes, as documented in the README.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Error = 1;
    public const int Usage = 2;
}
