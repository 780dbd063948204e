using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;

namespace Lodestone.Services.Facts;

/// <summary>A party to screen, with the role it plays in the application.</summary>
public sealed record ScreenedParty(string Role, Party Party);

/// <summary>
/// Restricted-party screening as routing sees it: the list hits of an application's parties (and
/// their owners) on a date. The screening engine and list imports implement it; until lists are
/// loaded, <see cref="NoRestrictedLists"/> reports that there is nothing to screen against.
/// </summary>
public interface IListScreening
{
    Task<IReadOnlyList<ListHit>> HitsAsync(IReadOnlyList<ScreenedParty> parties, DateOnly asOf, CancellationToken cancellationToken);
}

/// <summary>No restricted-party lists are loaded in this deployment, so no party can hit one.</summary>
public sealed class NoRestrictedLists : IListScreening
{
    public Task<IReadOnlyList<ListHit>> HitsAsync(IReadOnlyList<ScreenedParty> parties, DateOnly asOf, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ListHit>>([]);
}

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
