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
        var query = db.Licences.AsNoTracking();
        if (actor.IsOrganisationScoped)
        {
            // An exporter or end-user account sees only licences naming its organisation; others are 404.
            var org = actor.OrganisationId ?? Guid.Empty;
            query = query.Where(l => l.ExporterId == org || l.EndUserId == org || l.ConsigneeId == org);
        }

        var licence = await query.FirstOrDefaultAsync(l => l.Id == id, ct)
            ?? throw new NotFoundException(null, $"Licence {id} does not exist.");
        var ids = new[] { licence.ExporterId, licence.ConsigneeId, licence.EndUserId };
        var parties = await db.Parties.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return ResponseMapping.ToResponse(licence, parties);
    }
}
