namespace Lodestone.Services.Facts;

/// <summary>
/// Validated end-user cover: the VEU (if any) that covers exporter × end user × items × end use with cap
/// left on a date. The VEU program implements it; without one, <see cref="NoVeuProgram"/> covers nothing.
/// </summary>
public interface IVeuCoverage
{
    Task<string?> CoverAsync(Domain.Applications.ApplicationDraft draft, IReadOnlyList<string> controlCodes, DateOnly asOf, CancellationToken cancellationToken);
}

/// <summary>No VEU program is running, so nothing is covered.</summary>
public sealed class NoVeuProgram : IVeuCoverage
{
    public Task<string?> CoverAsync(Domain.Applications.ApplicationDraft draft, IReadOnlyList<string> controlCodes, DateOnly asOf, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}
