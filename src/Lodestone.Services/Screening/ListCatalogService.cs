using Lodestone.DataFiles.Lists;
using Lodestone.Domain.Common;
using Lodestone.Domain.Routing;
using Lodestone.Domain.Screening;
using Lodestone.Persistence;
using Lodestone.Screening.Lists;
using Lodestone.Services.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Screening;

/// <summary>A list version staged on the context with its re-screening request, saved by the caller.</summary>
public sealed record StagedListVersion(ListVersion Version, RescreenJob Job);

/// <summary>
/// The restricted-party lists: creating them, importing versions (all or nothing, with a diff), and
/// reading lists, versions and entries back. Every import queues a re-screening of all parties.
/// </summary>
public sealed class ListCatalogService(LodestoneDbContext db, TimeProvider time, ICurrentActor actor)
{
    /// <summary>The format of a version written by Lodestone itself (an end-use check's outcome), not imported from a file.</summary>
    public const string ManualFormat = "manual";

    public async Task<ListSummary> CreateAsync(CreateListRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kind = WireName.Parse<ListKind>(request.Kind, "kind");
        var list = RestrictedList.Create(request.Id ?? string.Empty, request.Name ?? string.Empty, request.Authority ?? string.Empty, kind, request.Description);
        if (await db.RestrictedLists.AnyAsync(l => l.Id == list.Id, ct))
        {
            throw new InvalidStateException($"A list with id '{list.Id}' already exists.");
        }

        db.RestrictedLists.Add(list);
        await db.SaveChangesAsync(ct);
        return (await ListsAsync(CancellationToken.None)).Single(l => l.Id == list.Id);
    }

    /// <summary>
    /// Reads the whole file first; only a file that reads cleanly changes anything, and then the version,
    /// its entries, the diff and the re-screening request are saved in one transaction. A bad file leaves
    /// the previous version live.
    /// </summary>
    public async Task<ImportResult> ImportAsync(string listId, Stream content, string fileName, string? format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!ListFileFormats.TryParse(format, out var fileFormat))
        {
            throw new DomainException("format", $"Give the file format: one of {ListFileFormats.Allowed}.");
        }

        var list = await db.RestrictedLists.FirstOrDefaultAsync(l => l.Id == listId, ct)
            ?? throw new NotFoundException(null, $"List '{listId}' does not exist; create it first.");
        var file = ListFileReader.Read(content, fileName, fileFormat);
        var staged = await StageVersionAsync(list, file.Entries, fileFormat.WireName(), Path.GetFileName(fileName), file.Sha256, ct);
        if (staged is null)
        {
            var latest = await db.ListVersions.AsNoTracking().SingleAsync(v => v.ListId == listId && v.Number == list.CurrentVersion, ct);
            return new ImportResult(ToResponse(latest, withChanges: false), Unchanged: true, RescreenJobId: null);
        }

        await db.SaveChangesAsync(ct);
        return new ImportResult(ToResponse(staged.Version, withChanges: true), Unchanged: false, staged.Job.Id);
    }

    /// <summary>
    /// Puts one entry on a list (replacing the entry of the same id), or takes one off, as a new version of
    /// format <c>manual</c> whose file name says why. The version is staged, not saved: the caller saves it in
    /// the same transaction as the record that caused it (an end-use check, a confirmed proposal), so a list
    /// never changes without its cause. Returns null when the list already reads so. The list may be one
    /// created on this context and not saved yet.
    /// </summary>
    public async Task<StagedListVersion?> StageEntryAsync(string listId, ListEntry? upsert, string? removeEntryId, string fileName, CancellationToken ct)
    {
        var list = db.RestrictedLists.Local.FirstOrDefault(l => l.Id == listId)
            ?? await db.RestrictedLists.FirstOrDefaultAsync(l => l.Id == listId, ct)
            ?? throw new NotFoundException(null, $"List '{listId}' does not exist.");
        var current = await db.ListEntries.AsNoTracking().Where(e => e.ListId == listId && e.ToVersion == null).ToListAsync(ct);
        var entries = current.Select(EntryMapping.ToEntry)
            .Where(e => e.Id != upsert?.Id && e.Id != removeEntryId)
            .Concat(upsert is null ? [] : [upsert])
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .ToList();

        // A manual version has no file; its hash is over the entries' fingerprints, so equal contents hash alike.
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", entries.Select(EntryMapping.Fingerprint)))));
        return await StageVersionAsync(list, entries, ManualFormat, fileName, sha, ct);
    }

    /// <summary>
    /// Stages a new version holding exactly <paramref name="entries"/>: closes the rows that changed or left,
    /// opens rows for new and changed entries, records the version with its diff, and requests a re-screening
    /// of every party. Null when nothing changed (and the list already has a version).
    /// </summary>
    private async Task<StagedListVersion?> StageVersionAsync(RestrictedList list, IReadOnlyList<ListEntry> entries, string format, string fileName, string sha, CancellationToken ct)
    {
        var listId = list.Id;
        var current = await db.ListEntries.Where(e => e.ListId == listId && e.ToVersion == null).ToListAsync(ct);
        var byId = current.ToDictionary(e => e.EntryId, StringComparer.Ordinal);
        var incoming = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var changes = new List<EntryChange>();
        var opened = new List<ListEntry>();
        var closed = new List<StoredListEntry>();
        foreach (var entry in entries)
        {
            if (!byId.TryGetValue(entry.Id, out var old))
            {
                changes.Add(new EntryChange(entry.Id, EntryChangeKind.Added, entry.Name, []));
                opened.Add(entry);
            }
            else if (old.Fingerprint != EntryMapping.Fingerprint(entry))
            {
                var fields = EntryMapping.ChangedFields(EntryMapping.ToEntry(old), entry);
                changes.Add(new EntryChange(entry.Id, EntryChangeKind.Changed, entry.Name, fields));
                closed.Add(old);
                opened.Add(entry);
            }
        }

        foreach (var old in current.Where(e => !incoming.ContainsKey(e.EntryId)))
        {
            changes.Add(new EntryChange(old.EntryId, EntryChangeKind.Removed, old.Name, []));
            closed.Add(old);
        }

        if (changes.Count == 0 && list.CurrentVersion > 0)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var number = list.Advance(now);
        foreach (var row in closed)
        {
            row.Close(number);
        }

        foreach (var entry in opened)
        {
            db.ListEntries.Add(EntryMapping.ToRow(Identifiers.NewId(time), listId, number, entry));
        }

        // The first import adds every entry; its diff would only repeat the list, so only its count is kept.
        // A manual version is one entry's change: its diff is the point of it.
        var ordered = changes.OrderBy(c => c.Kind).ThenBy(c => c.EntryId, StringComparer.Ordinal).ToList();
        var version = ListVersion.Create(
            Identifiers.NewId(time), listId, number, now, actor.Name, format, fileName, sha, entries.Count, ordered,
            keepChanges: number > 1 || format == ManualFormat);

        db.ListVersions.Add(version);
        var job = RescreenJob.Request(Identifiers.NewId(time), $"{listId} version {number}", now);
        db.RescreenJobs.Add(job);
        return new StagedListVersion(version, job);
    }

    public async Task<IReadOnlyList<ListSummary>> ListsAsync(CancellationToken ct)
    {
        var lists = await db.RestrictedLists.AsNoTracking().OrderBy(l => l.Id).ToListAsync(ct);
        var counts = await db.ListEntries.AsNoTracking().Where(e => e.ToVersion == null).GroupBy(e => e.ListId)
            .Select(g => new { ListId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.ListId, g => g.Count, ct);
        return lists.Select(l => new ListSummary(l.Id, l.Name, l.Authority, WireName.Of(l.Kind), l.Description, l.CurrentVersion, counts.GetValueOrDefault(l.Id), l.UpdatedAt)).ToList();
    }

    public async Task<ListSummary> ListAsync(string listId, CancellationToken ct) =>
        (await ListsAsync(ct)).FirstOrDefault(l => l.Id == listId) ?? throw new NotFoundException(null, $"List '{listId}' does not exist.");

    public async Task<IReadOnlyList<ListVersionResponse>> VersionsAsync(string listId, CancellationToken ct)
    {
        _ = await ListAsync(listId, ct);
        var versions = await db.ListVersions.AsNoTracking().Where(v => v.ListId == listId).ToListAsync(ct);
        return versions.OrderByDescending(v => v.Number).Select(v => ToResponse(v, withChanges: false)).ToList();
    }

    public async Task<ListVersionResponse> VersionAsync(string listId, int number, CancellationToken ct)
    {
        var version = await db.ListVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ListId == listId && v.Number == number, ct)
            ?? throw new NotFoundException(null, $"List '{listId}' has no version {number}.");
        return ToResponse(version, withChanges: true);
    }

    /// <summary>Entries of the current version (or of a past one), optionally filtered by name.</summary>
    public async Task<PagedList<ListEntryResponse>> EntriesAsync(string listId, string? search, int? version, int page, int pageSize, CancellationToken ct)
    {
        var list = await ListAsync(listId, ct);
        var at = version ?? list.CurrentVersion;
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var query = db.ListEntries.AsNoTracking().Where(e => e.ListId == listId && e.FromVersion <= at && (e.ToVersion == null || e.ToVersion > at));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(e => e.Name.Contains(term) || (e.ChineseName != null && e.ChineseName.Contains(term)));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(e => e.Name).ThenBy(e => e.EntryId).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedList<ListEntryResponse>(
            rows.Select(r => new ListEntryResponse(r.EntryId, r.Name, r.ChineseName, r.Aliases, r.Country, r.Type, r.Listed, r.Removed, r.Measures, r.SourceUrl)).ToList(),
            page, pageSize, total);
    }

    public async Task<IReadOnlyList<RescreenJobResponse>> JobsAsync(CancellationToken ct) =>
        (await db.RescreenJobs.AsNoTracking().ToListAsync(ct))
            .OrderByDescending(j => j.RequestedAt).Take(50)
            .Select(j => new RescreenJobResponse(j.Id, j.Reason, WireName.Of(j.Status), j.RequestedAt, j.CompletedAt, j.PartiesScreened, j.NewHits))
            .ToList();

    private static ListVersionResponse ToResponse(ListVersion v, bool withChanges) => new(
        v.ListId, v.Number, v.ImportedAt, v.ImportedBy, v.Format, v.FileName, v.Sha256, v.EntryCount, v.Added, v.Removed, v.Changed,
        withChanges ? v.Changes.Select(c => new EntryChangeResponse(c.EntryId, WireName.Of(c.Kind), c.Name, c.Fields)).ToList() : null);
}
