namespace Lodestone.Screening.Matching;

/// <summary>
/// What the candidate stage's walks record per form in one word (<see cref="Scratch.FormMasks"/>): the mask of query
/// tokens met in the low 16 bits, and in the high 16 bits the sum of the entry weights of the neighbours met, in fixed
/// point, each rounded up. The sum is what the exact bound counts as entry weight met (every neighbour in the form, once
/// per query token or window it was found for), so the cheap bound can charge a form the weight it really leaves
/// unmet instead of assuming every neighbour of every met token is in it.
/// </summary>
internal static class FormMarks
{
    /// <summary>Fixed-point units per unit of weight.</summary>
    private const double Scale = 256.0;

    /// <summary>A sum this large or larger is saturated: it reads as unbounded.</summary>
    private const uint Saturated = 0xFFFF;

    /// <summary>A neighbour's entry weight in fixed point, rounded up so that sums stay upper bounds.</summary>
    public static uint Units(float entryWeight) => (uint)Math.Min(Saturated, Math.Ceiling(entryWeight * Scale));

    /// <summary>Adds a mask and a neighbour's weight units to a form's word, saturating the sum.</summary>
    public static uint Add(uint word, ushort bits, uint units)
    {
        var sum = Math.Min(Saturated, (word >> 16) + units);
        return (word & 0xFFFF) | bits | (sum << 16);
    }

    public static ushort Mask(uint word) => (ushort)(word & 0xFFFF);

    /// <summary>The entry weight a form's walked neighbours account for at most (infinite once saturated).</summary>
    public static double EntryMet(uint word) => (word >> 16) is var sum && sum >= Saturated ? double.PositiveInfinity : sum / Scale;
}
