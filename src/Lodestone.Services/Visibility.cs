using Lodestone.Domain.Applications;
using Lodestone.Domain.Licences;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Shipments;
using Lodestone.Persistence;

namespace Lodestone.Services;

/// <summary>
/// What an actor may see. The authority's roles see everything; an exporter or end-user account sees
/// only records naming its organisation, and others' ids are simply not found (404), so their
/// existence does not leak (OWASP API1, ASVS 8.2.2 and 8.4.1). Every service query goes through here.
/// </summary>
public static class Visibility
{
    public static IQueryable<LicenceApplication> Applications(IQueryable<LicenceApplication> query, ICurrentActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsOrganisationScoped)
        {
            return query;
        }

        var org = actor.OrganisationId ?? Guid.Empty;
        return query.Where(a => a.ExporterId == org || a.EndUserId == org || a.ConsigneeId == org);
    }

    public static IQueryable<Licence> Licences(IQueryable<Licence> query, ICurrentActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsOrganisationScoped)
        {
            return query;
        }

        var org = actor.OrganisationId ?? Guid.Empty;
        return query.Where(l => l.ExporterId == org || l.EndUserId == org || l.ConsigneeId == org);
    }

    public static IQueryable<Shipment> Shipments(IQueryable<Shipment> query, ICurrentActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsOrganisationScoped)
        {
            return query;
        }

        var org = actor.OrganisationId ?? Guid.Empty;
        return query.Where(s => s.ExporterId == org || s.EndUserId == org || s.ConsigneeId == org);
    }

    /// <summary>Its own organisation, the parties it registered, and the parties named in its applications.</summary>
    public static IQueryable<Party> Parties(LodestoneDbContext db, ICurrentActor actor)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var query = db.Parties.AsQueryable();
        if (!actor.IsOrganisationScoped)
        {
            return query;
        }

        var org = actor.OrganisationId ?? Guid.Empty;
        var mine = db.Applications.Where(a => a.ExporterId == org || a.EndUserId == org || a.ConsigneeId == org);
        return query.Where(p => p.Id == org
            || p.RegisteredByOrganisationId == org
            || mine.Any(a => a.ExporterId == p.Id || a.EndUserId == p.Id || a.ConsigneeId == p.Id));
    }
}
