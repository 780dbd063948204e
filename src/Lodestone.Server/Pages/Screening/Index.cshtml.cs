using Lodestone.Services.Contracts;
using Lodestone.Services.Screening;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Screening;

/// <summary>Screens one name (Latin or Chinese) against every list in force, as <c>POST /api/v1/screenings</c>, and explains each match.</summary>
public sealed class IndexModel(NameScreeningService screening, ListCatalogService lists) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Country { get; set; }

    [BindProperty]
    public double? Threshold { get; set; }

    public ScreenResponse? Result { get; private set; }

    /// <summary>Lists with at least one entry in force: with none, nothing can match.</summary>
    public int LoadedLists { get; private set; }

    public int LoadedEntries { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await CountListsAsync(ct);

    public async Task OnPostAsync(CancellationToken ct)
    {
        await CountListsAsync(ct);
        if (!ModelState.IsValid)
        {
            return; // e.g. a threshold that is not a number: say so rather than screen with the default
        }

        await PageErrors.TryAsync(ModelState, async () => Result = await screening.ScreenAsync(new ScreenRequest(Name, Country, Threshold), ct));
    }

    private async Task CountListsAsync(CancellationToken ct)
    {
        var loaded = (await lists.ListsAsync(ct)).Where(l => l.EntryCount > 0).ToList();
        LoadedLists = loaded.Count;
        LoadedEntries = loaded.Sum(l => l.EntryCount);
    }
}
