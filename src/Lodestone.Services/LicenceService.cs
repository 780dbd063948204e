using Lodestone.Domain.Common;
using Lodestone.Persistence;
using Lodestone.Services.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services;

/// <summary>Reads licences.</summary>
public sealed class LicenceService(LodestoneDbContext db, ICurrentActor actor)
{
    public async Task<LicenceResponse> GetAsync(Guid id, CancellationToken ct)
    {
        var licence = await Visibility.Licences(db.Licences.AsNoTracking(), actor).FirstOrDefaultAsync(l => l.Id == id, ct)
            ?? throw new NotFoundException(null, $"Licence {id} does not exist.");
        var ids = new[] { licence.ExporterId, licence.ConsigneeId, licence.EndUserId };
        var parties = await db.Parties.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return ResponseMapping.ToResponse(licence, parties);
    }
}
