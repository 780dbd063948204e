using Lodestone.DataFiles;
using Lodestone.DataFiles.Lists;
using Lodestone.Domain.Common;
using Lodestone.Persistence;
using Lodestone.Services.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Screening;

/// <summary>One default list as loaded.</summary>
public sealed record DefaultListResult(string Id, int Version, int Entries, bool Unchanged);

/// <summary>
/// Loads the lists shipped in <c>data/lists/</c> (China's lists and the US lists converted from public
/// data; see docs/lists.md): creates any list missing and imports its file as a new version when it changed.
/// </summary>
public sealed class DefaultLists(LodestoneDbContext db, ListCatalogService catalog)
{
    public const string CatalogFile = "lists.yaml";

    public async Task<IReadOnlyList<DefaultListResult>> LoadAsync(string dataDirectory, CancellationToken ct)
    {
        var descriptors = ListCatalogFile.Load(Path.Combine(dataDirectory, "lists", CatalogFile));
        var results = new List<DefaultListResult>();
        foreach (var d in descriptors)
        {
            if (!await db.RestrictedLists.AnyAsync(l => l.Id == d.Id, ct))
            {
                await catalog.CreateAsync(new CreateListRequest(d.Id, d.Name, d.Authority, WireName.Of(d.Kind), d.Description), ct);
            }

            await using var stream = File.OpenRead(d.File);
            var imported = await catalog.ImportAsync(d.Id, stream, d.File, d.Format.WireName(), ct);
            db.ChangeTracker.Clear();
            results.Add(new DefaultListResult(d.Id, imported.Version.Number, imported.Version.EntryCount, imported.Unchanged));
        }

        return results;
    }
}
