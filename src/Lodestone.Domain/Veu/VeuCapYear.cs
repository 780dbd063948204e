namespace Lodestone.Domain.Veu;

/// <summary>
/// What a VEU has drawn from its cap in one calendar year, in grams so that the database can compare and
/// add exactly on both providers. The row is created when the VEU is granted and drawn with a conditional
/// update (<c>drawn + q ≤ cap</c>), so two concurrent exports can never overdraw it.
/// </summary>
public sealed class VeuCapYear
{
    private VeuCapYear()
    {
    }

    /// <summary>The VEU.</summary>
    public Guid VeuId { get; private set; }

    /// <summary>Calendar year (China time).</summary>
    public int Year { get; private set; }

    /// <summary>The cap, in grams.</summary>
    public long CapGrams { get; private set; }

    /// <summary>Drawn so far, in grams.</summary>
    public long DrawnGrams { get; private set; }

    /// <summary>Drawn so far, in kg.</summary>
    public decimal DrawnKg => DrawnGrams / 1000m;

    /// <summary>The rows for every calendar year a validity touches.</summary>
    public static IEnumerable<VeuCapYear> For(VeuAuthorization veu)
    {
        ArgumentNullException.ThrowIfNull(veu);
        if (veu.ValidFrom is not { } from || veu.ValidUntil is not { } until)
        {
            return [];
        }

        return Enumerable.Range(from.Year, until.Year - from.Year + 1)
            .Select(year => new VeuCapYear { VeuId = veu.Id, Year = year, CapGrams = ToGrams(veu.AnnualCapKg) });
    }

    /// <summary>
    /// Kilograms to whole grams. Caps and quantities are kept to the gram (3 decimals, checked where they are
    /// entered), so this is exact; were a finer quantity to reach it, it rounds up, so a draw never slips under the cap.
    /// </summary>
    public static long ToGrams(decimal kg) => (long)decimal.Ceiling(kg * 1000m);
}

/// <summary>One draw on a VEU's cap: which application took how much, kept for the audit trail and the cap chart.</summary>
public sealed class VeuDrawdown
{
    private VeuDrawdown()
    {
    }

    /// <summary>Identity.</summary>
    public Guid Id { get; private set; }

    /// <summary>The VEU.</summary>
    public Guid VeuId { get; private set; }

    /// <summary>The application fast-tracked.</summary>
    public Guid ApplicationId { get; private set; }

    /// <summary>Day of the draw (China time).</summary>
    public DateOnly On { get; private set; }

    /// <summary>Quantity drawn.</summary>
    public decimal QuantityKg { get; private set; }

    /// <summary>Records a draw.</summary>
    public static VeuDrawdown Create(Guid id, Guid veuId, Guid applicationId, DateOnly on, decimal quantityKg) =>
        new() { Id = id, VeuId = veuId, ApplicationId = applicationId, On = on, QuantityKg = quantityKg };
}
