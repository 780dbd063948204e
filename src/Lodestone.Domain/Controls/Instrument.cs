namespace Lodestone.Domain.Controls;

/// <summary>
/// A legal instrument that puts items under control (e.g. MOFCOM/GAC Announcement 18 of 2025), with
/// the date it takes effect and any intervals during which it is suspended (Ann. 70 of 2025 suspends
/// Ann. 55–58, 61 and 62 until 10 Nov 2026). Rules switch on and off by date, not by code changes.
/// </summary>
/// <param name="Id">Short id used by entries, e.g. <c>ann-18-2025</c>.</param>
/// <param name="Title">Human title, e.g. "MOFCOM/GAC Announcement No. 18 (2025)".</param>
/// <param name="EffectiveFrom">First day the instrument applies.</param>
/// <param name="Suspensions">Inclusive intervals during which it does not apply.</param>
/// <param name="Source">Where the text is published.</param>
public sealed record Instrument(
    string Id,
    string Title,
    DateOnly EffectiveFrom,
    IReadOnlyList<Suspension> Suspensions,
    string? Source)
{
    /// <summary>True when the instrument applies on <paramref name="date"/>.</summary>
    public bool IsInForce(DateOnly date) =>
        date >= EffectiveFrom && !Suspensions.Any(s => s.Covers(date));

    /// <summary>The suspension covering <paramref name="date"/>, if any.</summary>
    public Suspension? SuspensionOn(DateOnly date) => Suspensions.FirstOrDefault(s => s.Covers(date));
}

/// <summary>An inclusive interval during which an instrument is suspended, and the instrument that suspends it.</summary>
public sealed record Suspension(DateOnly From, DateOnly Until, string By)
{
    /// <summary>True when <paramref name="date"/> lies within the interval.</summary>
    public bool Covers(DateOnly date) => date >= From && date <= Until;
}
