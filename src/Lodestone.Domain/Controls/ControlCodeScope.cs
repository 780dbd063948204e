namespace Lodestone.Domain.Controls;

/// <summary>How an authorisation's control codes cover an item's code.</summary>
public static class ControlCodeScope
{
    /// <summary>A scope code covers itself and its sub-entries: 1C904 covers 1C904.a.4, not 1C9041 nor 1C904's parent.</summary>
    public static bool Covers(string scope, string code)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(code);
        return code.Equals(scope, StringComparison.OrdinalIgnoreCase)
            || (code.Length > scope.Length && code.StartsWith(scope, StringComparison.OrdinalIgnoreCase) && code[scope.Length] == '.');
    }
}
