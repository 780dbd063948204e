using System.Globalization;
using Lodestone.Domain.Classification;
using Lodestone.Domain.Common;
using Lodestone.Services;
using Lodestone.Services.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Lodestone.Server.Pages.Applications;

/// <summary>Filing form: the same request as <c>POST /api/v1/applications</c>, from plain HTML fields.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Hosting.Policies.Fileapplications)]
public sealed class NewModel(ApplicationService applications, PartyService parties) : PageModel
{
    private const int ItemRows = 3;

    public static readonly IReadOnlyList<(string Value, string Label)> DocumentOptions =
    [
        ("end-user-certificate", "End-user certificate with no-diversion / no-transfer commitment"),
        ("contract", "Contract"),
        ("technical-description", "Technical description or test report (Dy/Tb/Sm content)"),
        ("end-use-statement", "End-use statement"),
    ];

    [BindProperty]
    public string Channel { get; set; } = "individual";

    [BindProperty]
    public Guid? ExporterId { get; set; }

    [BindProperty]
    public Guid? EndUserId { get; set; }

    [BindProperty]
    public Guid? ConsigneeId { get; set; }

    [BindProperty]
    public string? Facility { get; set; }

    [BindProperty]
    public string? Destination { get; set; }

    [BindProperty]
    public string? EndUseCategory { get; set; }

    [BindProperty]
    public string? EndUseDescription { get; set; }

    [BindProperty]
    public List<ItemRow> Items { get; set; } = [];

    [BindProperty]
    public List<string> Documents { get; set; } = [];

    public IReadOnlyList<SelectListItem> Exporters { get; private set; } = [];

    public IReadOnlyList<SelectListItem> EndUsers { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Consignees { get; private set; } = [];

    public IEnumerable<SelectListItem> EndUseOptions =>
        Enum.GetValues<Domain.Routing.EndUseCategory>().Select(c => new SelectListItem(WireName.Of(c), WireName.Of(c), WireName.Of(c) == EndUseCategory));

    public IEnumerable<SelectListItem> FormOptions(string? selected) =>
        Enum.GetValues<ProductForm>().Select(f => new SelectListItem(WireName.Of(f), WireName.Of(f), WireName.Of(f) == selected));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Documents = DocumentOptions.Select(d => d.Value).ToList();
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ApplicationResponse? filed = null;
        var ok = await PageErrors.TryAsync(ModelState, async () =>
        {
            var items = Items
                .Select((row, i) => (row, i))
                .Where(x => !x.row.IsBlank)
                .Select(x => new ItemDto(
                    x.row.Form,
                    CompositionText.Parse(x.row.Composition, $"items[{x.i}].composition"),
                    x.row.HsCode,
                    x.row.Description,
                    ParseDecimal(x.row.QuantityKg, $"items[{x.i}].quantityKg"),
                    ParseDecimal(x.row.Value, $"items[{x.i}].value")))
                .ToList();
            var result = await applications.FileAsync(
                new FileApplicationRequest
                {
                    Channel = Channel,
                    ExporterId = ExporterId,
                    EndUserId = EndUserId,
                    ConsigneeId = ConsigneeId,
                    Facility = Facility,
                    Destination = Destination,
                    EndUse = new EndUseDto(EndUseCategory, EndUseDescription),
                    Items = items,
                    Documents = Documents,
                },
                ct);
            filed = result.Application;
        });

        if (ok && filed is not null)
        {
            return Redirect($"/applications/{filed.Id}");
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    private static decimal? ParseDecimal(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null
        : decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value
        : throw new DomainException(field, $"'{text}' is not a number.");

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        while (Items.Count < ItemRows)
        {
            Items.Add(new ItemRow());
        }

        var all = await parties.ListAsync(null, null, ct);
        var exporters = await parties.ListAsync(null, "exporter", ct);
        var endUsers = await parties.ListAsync(null, "end-user", ct);
        Exporters = exporters.Select(p => Option(p, ExporterId)).ToList();
        EndUsers = endUsers.Select(p => Option(p, EndUserId)).ToList();
        Consignees = all.Select(p => Option(p, ConsigneeId)).ToList();
    }

    private static SelectListItem Option(PartyRef p, Guid? selected) =>
        new($"{p.Name} ({p.Country})", p.Id.ToString(), p.Id == selected);

    /// <summary>One item row of the form; blank rows are ignored.</summary>
    public sealed class ItemRow
    {
        public string? Form { get; set; }

        public string? Composition { get; set; }

        public string? HsCode { get; set; }

        public string? Description { get; set; }

        public string? QuantityKg { get; set; }

        public string? Value { get; set; }

        public bool IsBlank =>
            string.IsNullOrWhiteSpace(Form) && string.IsNullOrWhiteSpace(Composition) && string.IsNullOrWhiteSpace(HsCode)
            && string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(QuantityKg) && string.IsNullOrWhiteSpace(Value);
    }
}
