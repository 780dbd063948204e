using Lodestone.Services.Contracts;
using Lodestone.Services.Screening;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Lists;

/// <summary>One version of a list and its diff against the one before: entries added, removed and changed (with the fields).</summary>
public sealed class VersionModel(ListCatalogService catalog) : PageModel
{
    public ListSummary? List { get; private set; }

    public ListVersionResponse? Version { get; private set; }

    public IReadOnlyList<EntryChangeResponse> Added { get; private set; } = [];

    public IReadOnlyList<EntryChangeResponse> Removed { get; private set; } = [];

    public IReadOnlyList<EntryChangeResponse> Changed { get; private set; } = [];

    /// <summary>
    /// The route takes any segment so that every URL under a list is guarded the same way; a number that is
    /// not a version is a 404 page.
    /// </summary>
    public Task<IActionResult> OnGetAsync(string id, string number, CancellationToken ct) =>
        PageErrors.ShowAsync(this, async () =>
        {
            List = await catalog.ListAsync(id, ct);
            if (!int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                throw new Domain.Common.NotFoundException(null, $"List '{id}' has no version '{number}'.");
            }

            Version = await catalog.VersionAsync(id, n, ct);
            var changes = Version.Changes ?? [];
            Added = changes.Where(c => c.Change == "added").ToList();
            Removed = changes.Where(c => c.Change == "removed").ToList();
            Changed = changes.Where(c => c.Change == "changed").ToList();
        });
}
