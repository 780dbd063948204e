using Lodestone.Domain.Screening;
using Lodestone.Persistence;
using Lodestone.Screening.Matching;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Screening;

/// <summary>The screening index over every list's current version, with the lists and entries behind it.</summary>
/// <param name="Stamp">The list versions it was built from ("id:version,…").</param>
public sealed record ScreeningSnapshot(
    string Stamp,
    ScreeningIndex Index,
    IReadOnlyDictionary<string, RestrictedList> Lists,
    IReadOnlyDictionary<(string ListId, string EntryId), StoredListEntry> Entries);

/// <summary>
/// Holds the screening index of this instance. The index is a cache: the database is the truth, and a
/// cheap stamp query (each list's current version) tells whether another instance imported a version
/// since, in which case the index is rebuilt before answering. No instance ever screens against lists
/// older than the database's.
/// </summary>
public sealed class ScreeningIndexCache : IDisposable
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile ScreeningSnapshot? _current;

    /// <summary>Number of rebuilds so far (for tests and health output).</summary>
    public int Builds { get; private set; }

    public async Task<ScreeningSnapshot> GetAsync(LodestoneDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamp = await StampAsync(db, ct);
        var current = _current;
        if (current is not null && current.Stamp == stamp)
        {
            return current;
        }

        await _rebuild.WaitAsync(ct);
        try
        {
            current = _current;
            if (current is not null && current.Stamp == stamp)
            {
                return current;
            }

            // Read lists and entries in one transaction so that an import committing meanwhile cannot give
            // entries of a version newer than the stamp (the stamp is re-read inside).
            await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
            var lists = await db.RestrictedLists.AsNoTracking().ToDictionaryAsync(l => l.Id, StringComparer.Ordinal, ct);
            var rows = await db.ListEntries.AsNoTracking().Where(e => e.ToVersion == null).ToListAsync(ct);
            await tx.CommitAsync(ct);
            var built = StampOf(lists.Values.Select(l => (l.Id, l.CurrentVersion)));
            var index = ScreeningIndex.Build(rows.Select(r => new IndexedEntry(r.ListId, EntryMapping.ToEntry(r))));
            var snapshot = new ScreeningSnapshot(built, index, lists, rows.ToDictionary(r => (r.ListId, r.EntryId)));
            _current = snapshot;
            Builds++;
            return snapshot;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    public void Dispose() => _rebuild.Dispose();

    private static async Task<string> StampAsync(LodestoneDbContext db, CancellationToken ct)
    {
        var versions = await db.RestrictedLists.AsNoTracking().Select(l => new { l.Id, l.CurrentVersion }).ToListAsync(ct);
        return StampOf(versions.Select(v => (v.Id, v.CurrentVersion)));
    }

    private static string StampOf(IEnumerable<(string Id, int Version)> versions) =>
        string.Join(",", versions.OrderBy(v => v.Id, StringComparer.Ordinal).Select(v => $"{v.Id}:{v.Version}"));
}
