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
        return ResponseMapping.ToResponse(licence, await db.Parties.ByIdsAsync([licence.ExporterId, licence.ConsigneeId, licence.EndUserId], ct));
    }
}
