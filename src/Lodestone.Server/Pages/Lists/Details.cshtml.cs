using Lodestone.DataFiles;
using Lodestone.Services;
using Lodestone.Services.Contracts;
using Lodestone.Services.Screening;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Lists;

/// <summary>
/// One list: its versions with diff counts, its entries (searchable, a page at a time) and, for policy
/// administrators, the upload of a new version. An import is all or nothing: a rejected file names the
/// line and field at fault and changes nothing.
/// </summary>
[RequestSizeLimit(MaxRequest)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequest)]
public sealed class DetailsModel(ListCatalogService catalog) : PageModel
{
    public const int PageSize = 50;

    public static readonly IReadOnlyList<(string Value, string Label)> Formats =
    [
        ("lodestone", "Lodestone CSV (docs/lists.md)"),
        ("csl", "US Consolidated Screening List (CSV or JSON)"),
        ("ofac", "OFAC SDN CSV"),
        ("ftm", "OpenSanctions FollowTheMoney (JSON lines)"),
    ];

    /// <summary>The readers refuse files over 64 MB; the form around the file needs a little more.</summary>
    private const long MaxRequest = (64L + 1) * 1024 * 1024;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    /// <summary>Entries as of this version; the current version when empty.</summary>
    [BindProperty(SupportsGet = true, Name = "version")]
    public int? AtVersion { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Format { get; set; } = "lodestone";

    /// <summary>The last import's outcome, shown once after the redirect.</summary>
    [TempData]
    public string? Imported { get; set; }

    /// <summary>Set when the uploaded file was rejected: what and where, as the reader reported it.</summary>
    public DataFileException? Rejected { get; private set; }

    public ListSummary? List { get; private set; }

    public IReadOnlyList<ListVersionResponse> Versions { get; private set; } = [];

    public PagedList<ListEntryResponse> Entries { get; private set; } = new([], 1, PageSize, 0);

    public Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => PageErrors.ShowAsync(this, () => LoadAsync(id, ct));

    public async Task<IActionResult> OnPostImportAsync(string id, CancellationToken ct)
    {
        // Anyone signed in reads lists; importing is the policy administrator's (as the API's ManageLists).
        if (!User.IsInRole(Roles.PolicyAdmin))
        {
            return Forbid();
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError("file", "Choose the list file to upload.");
        }
        else
        {
            try
            {
                var ok = await PageErrors.TryAsync(ModelState, async () =>
                {
                    await using var stream = Upload.OpenReadStream();
                    var result = await catalog.ImportAsync(id, stream, Upload.FileName, Format, ct);
                    var v = result.Version;
                    Imported = result.Unchanged
                        ? $"The file {v.FileName} holds exactly the entries of version {v.Number}; nothing changed and no new version was made."
                        : $"Imported version {v.Number} from {v.FileName}: {v.EntryCount:N0} entries (+{v.Added:N0} added, −{v.Removed:N0} removed, ~{v.Changed:N0} changed). Re-screening of every party is queued{(result.RescreenJobId is { } job ? $" (job {job})" : string.Empty)}.";
                });
                if (ok)
                {
                    // Post/redirect/get: a refresh never uploads the file again.
                    return RedirectToPage(new { id });
                }
            }
            catch (DataFileException e)
            {
                Rejected = e;
            }
        }

        return await PageErrors.ShowAsync(this, () => LoadAsync(id, ct));
    }

    private async Task LoadAsync(string id, CancellationToken ct)
    {
        List = await catalog.ListAsync(id, ct);
        Versions = await catalog.VersionsAsync(id, ct);
        PageNumber = Math.Max(1, PageNumber);
        if (AtVersion is { } at && (at < 1 || at > List.CurrentVersion))
        {
            ModelState.AddModelError("version", $"The list has versions 1 to {List.CurrentVersion}; showing the current version.");
            AtVersion = null;
        }

        Entries = await catalog.EntriesAsync(id, Search, AtVersion, PageNumber, PageSize, ct);
    }
}
