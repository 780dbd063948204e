using Lodestone.Domain.Parties;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services;

/// <summary>Loads the parties a response names, in one query.</summary>
internal static class PartyLookup
{
    public static Task<Dictionary<Guid, Party>> ByIdsAsync(this IQueryable<Party> parties, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return parties.AsNoTracking().Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
    }
}
