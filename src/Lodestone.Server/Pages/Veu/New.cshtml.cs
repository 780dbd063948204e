using System.Globalization;
using Lodestone.Domain.Common;
using Lodestone.Domain.Veu;
using Lodestone.Services;
using Lodestone.Services.Contracts;
using Lodestone.Services.Veu;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Lodestone.Server.Pages.Veu;

/// <summary>VEU application form: the same request as <c>POST /api/v1/veu</c>, from plain HTML fields.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Hosting.Policies.ApplyVeu)]
public sealed class NewModel(VeuService veus, PartyService parties) : PageModel
{
    public static readonly IReadOnlyList<(string Value, string Label)> DocumentOptions =
    [
        ("end-user-certificate", "End-user certificate with the no-diversion / no-transfer commitment"),
        ("compliance-programme", "Internal compliance programme"),
        ("ownership-chart", "Ownership chart up to the ultimate owners"),
        ("on-site-consent", "Consent to on-site checks"),
    ];

    [BindProperty]
    public Guid? EndUserId { get; set; }

    [BindProperty]
    public List<Guid> ExporterIds { get; set; } = [];

    /// <summary>One facility per line: <c>name | address</c>.</summary>
    [BindProperty]
    public string? Facilities { get; set; }

    [BindProperty]
    public string? ControlCodes { get; set; } = "1C902, 1C904, 1C905";

    [BindProperty]
    public string? EndUseCategory { get; set; }

    [BindProperty]
    public string? EndUseDescription { get; set; }

    [BindProperty]
    public string? AnnualCapKg { get; set; }

    [BindProperty]
    public string? ForecastAnnualKg { get; set; }

    [BindProperty]
    public int ValidityMonths { get; set; } = 12;

    [BindProperty]
    public List<string> Documents { get; set; } = [];

    public IReadOnlyList<SelectListItem> EndUsers { get; private set; } = [];

    public IReadOnlyList<PartyRef> Exporters { get; private set; } = [];

    public IEnumerable<SelectListItem> EndUseOptions =>
        Enum.GetValues<Domain.Routing.EndUseCategory>().Where(c => !VeuAuthorization.ExcludedEndUses.Contains(c))
            .Select(c => new SelectListItem(WireName.Of(c), WireName.Of(c), WireName.Of(c) == EndUseCategory));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Documents = DocumentOptions.Select(d => d.Value).ToList();
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        VeuResponse? filed = null;
        var ok = await PageErrors.TryAsync(ModelState, async () =>
        {
            filed = await veus.ApplyAsync(
                new ApplyVeuRequest
                {
                    EndUserId = EndUserId,
                    ExporterIds = ExporterIds,
                    Facilities = ParseFacilities(Facilities),
                    ControlCodes = (ControlCodes ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    EndUse = new EndUseDto(EndUseCategory, EndUseDescription),
                    AnnualCapKg = ParseDecimal(AnnualCapKg, "annualCapKg"),
                    ForecastAnnualKg = ParseDecimal(ForecastAnnualKg, "forecastAnnualKg"),
                    ValidityMonths = ValidityMonths,
                    Documents = Documents,
                },
                ct);
        });

        if (ok && filed is not null)
        {
            return Redirect($"/veu/{filed.Id}");
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    private static List<FacilityDto> ParseFacilities(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((line, i) =>
            {
                var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
                return parts.Length == 2
                    ? new FacilityDto(parts[0], parts[1], null)
                    : throw new DomainException($"facilities[{i}]", $"Line {i + 1}: write each facility as 'name | address'.");
            })
            .ToList();

    private static decimal? ParseDecimal(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null
        : decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value
        : throw new DomainException(field, $"'{text}' is not a number.");

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var endUsers = await parties.ListAsync(null, "end-user", ct);
        EndUsers = endUsers.Where(p => p.Country != "CN").Select(p => new SelectListItem($"{p.Name} ({p.Country})", p.Id.ToString(), p.Id == EndUserId)).ToList();
        Exporters = await veus.ExportersAsync(ct);
    }
}
