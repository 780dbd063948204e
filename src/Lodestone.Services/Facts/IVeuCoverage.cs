namespace Lodestone.Services.Facts;

/// <summary>What the VEU program says about one export: the covering VEU, or why the end user's VEUs do not cover it.</summary>
/// <param name="VeuId">The covering VEU, if any.</param>
/// <param name="Number">Its number, for reasons.</param>
/// <param name="Gaps">Why no VEU of the end user covers the export; empty when it has none or one covers it.</param>
public sealed record VeuCoverFacts(Guid? VeuId, string? Number, IReadOnlyList<string> Gaps)
{
    /// <summary>No VEU is relevant.</summary>
    public static readonly VeuCoverFacts None = new(null, null, []);
}

/// <summary>
/// Validated end-user cover: the VEU (if any) that covers exporter × end user × facility × items × end use
/// with cap left on a date.
/// </summary>
public interface IVeuCoverage
{
    Task<VeuCoverFacts> CoverAsync(Domain.Applications.ApplicationDraft draft, IReadOnlyList<string> controlCodes, DateOnly asOf, CancellationToken cancellationToken);
}
