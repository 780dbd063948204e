using Lodestone.Domain.Checks;
using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;
using Lodestone.Domain.Screening;
using Lodestone.Persistence;
using Lodestone.Screening.Lists;
using Lodestone.Services.Screening;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Checks;

/// <summary>
/// What an end-use check's outcome does to the lists: a party put on the watch list (art. 26) or the control
/// list (art. 28), or taken off the watch list after a satisfactory verification, each as a new list version
/// staged with the check, so re-screening follows as after any import.
/// </summary>
public sealed class CheckListings(LodestoneDbContext db, ListCatalogService catalog, TimeProvider time)
{
    /// <summary>The art. 26 watch list; no file of it ships, so it is created the first time a party goes on it.</summary>
    public const string WatchListId = "cn-watch";

    /// <summary>China's export control list (arts. 28–30), shipped in data/lists.</summary>
    public const string ControlListId = "cn-export-control";

    /// <summary>The entry id of a party listed through a check: one entry per party and list, whatever the number of checks.</summary>
    public static string EntryId(Guid partyId) => $"party-{partyId:N}";

    /// <summary>Stages the party's entry on <paramref name="listId"/> (the watch list is created if missing); null when it was already listed so.</summary>
    public async Task<StagedListVersion?> ListAsync(string listId, Party party, EndUseCheck check, string measures, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(check);
        await EnsureListAsync(listId, ct);

        var entry = new ListEntry
        {
            Id = EntryId(party.Id),
            Name = party.Name,
            ChineseName = party.ChineseName,
            Aliases = party.Aliases,
            Country = party.Country.Value,
            Type = party.Kind == PartyKind.Person ? EntryType.Person : EntryType.Entity,
            Listed = ChinaTime.DateOf(time.GetUtcNow()),
            Measures = measures,
        };
        return await catalog.StageEntryAsync(listId, entry, null, $"{check.Number}: {WireName.Of(check.Status)}", ct);
    }

    /// <summary>Stages the removal of the party's check entry from the watch list; null when it is not on it.</summary>
    public async Task<StagedListVersion?> UnwatchAsync(Guid partyId, EndUseCheck check, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(check);
        var id = EntryId(partyId);
        return await db.ListEntries.AnyAsync(e => e.ListId == WatchListId && e.EntryId == id && e.ToVersion == null, ct)
            ? await catalog.StageEntryAsync(WatchListId, null, id, $"{check.Number}: verified, removed (art. 26)", ct)
            : null;
    }

    /// <summary>
    /// Creates the list on this context (unsaved) when the database does not hold it: the watch list never ships
    /// as a file, and a deployment that has not loaded the default lists yet still needs the control list for a
    /// proposal to refer to (loading the defaults later imports the shipped file as its next version).
    /// </summary>
    public async Task EnsureListAsync(string listId, CancellationToken ct)
    {
        if (db.RestrictedLists.Local.Any(l => l.Id == listId) || await db.RestrictedLists.AnyAsync(l => l.Id == listId, ct))
        {
            return;
        }

        db.RestrictedLists.Add(listId switch
        {
            WatchListId => RestrictedList.Create(
                WatchListId, "Watch List (关注名单)", "Ministry of Commerce of the PRC (MOFCOM)", ListKind.Watch,
                "Importers and end users that did not cooperate with an end-use check by its deadline (Dual-Use Items Regulations art. 26): exports to them need an individual licence with a risk-assessment report and commitment, and the 45-working-day limit does not apply. Removed after a satisfactory verification."),
            ControlListId => RestrictedList.Create(
                ControlListId, "Export Control List (出口管制管控名单)", "Ministry of Commerce of the PRC (MOFCOM)", ListKind.Control,
                "Foreign importers and end users under the Export Control Law art. 18 and Dual-Use Items Regulations arts. 28–30: exports to them are prohibited save by special approval."),
            _ => throw new NotFoundException(null, $"List '{listId}' does not exist."),
        });
    }
}
