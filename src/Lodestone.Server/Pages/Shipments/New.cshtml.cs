using System.Globalization;
using Lodestone.Domain.Classification;
using Lodestone.Domain.Common;
using Lodestone.Services;
using Lodestone.Services.Contracts;
using Lodestone.Services.Shipments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Lodestone.Server.Pages.Shipments;

/// <summary>Declaration form: the same request as <c>POST /api/v1/shipments</c>, from plain HTML fields.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Hosting.Policies.Fileapplications)]
public sealed class NewModel(ShipmentService shipments, PartyService parties) : PageModel
{
    private const int ItemRows = 3;

    [BindProperty]
    public string? DeclarationNumber { get; set; }

    [BindProperty]
    public string? DeclaredOn { get; set; }

    [BindProperty]
    public Guid? ExporterId { get; set; }

    [BindProperty]
    public Guid? EndUserId { get; set; }

    [BindProperty]
    public Guid? ConsigneeId { get; set; }

    [BindProperty]
    public string? Destination { get; set; }

    [BindProperty]
    public string? Facility { get; set; }

    [BindProperty]
    public string? Currency { get; set; } = "USD";

    /// <summary>The licence cited; a licence page links here with it filled in.</summary>
    [BindProperty(SupportsGet = true, Name = "licence")]
    public string? LicenceNumber { get; set; }

    [BindProperty]
    public string? VeuNumber { get; set; }

    [BindProperty]
    public List<ItemRow> Items { get; set; } = [];

    public IReadOnlyList<SelectListItem> Exporters { get; private set; } = [];

    public IReadOnlyList<SelectListItem> EndUsers { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Consignees { get; private set; } = [];

    public IEnumerable<SelectListItem> FormOptions(string? selected) =>
        Enum.GetValues<ProductForm>().Select(f => new SelectListItem(WireName.Of(f), WireName.Of(f), WireName.Of(f) == selected));

    public Task OnGetAsync(CancellationToken ct) => LoadChoicesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ShipmentResponse? declared = null;
        var ok = await PageErrors.TryAsync(ModelState, async () =>
        {
            var items = Items
                .Select((row, i) => (row, i))
                .Where(x => !x.row.IsBlank)
                .Select(x => new ShipmentItemDto(
                    x.row.HsCode,
                    x.row.Form,
                    string.IsNullOrWhiteSpace(x.row.Composition) ? null : CompositionText.Parse(x.row.Composition, $"items[{x.i}].composition"),
                    x.row.Description,
                    ParseDecimal(x.row.QuantityKg, $"items[{x.i}].quantityKg"),
                    ParseDecimal(x.row.Value, $"items[{x.i}].value")))
                .ToList();
            declared = await shipments.DeclareAsync(
                new DeclareShipmentRequest
                {
                    DeclarationNumber = DeclarationNumber,
                    DeclaredOn = ParseDate(DeclaredOn),
                    ExporterId = ExporterId,
                    ConsigneeId = ConsigneeId,
                    EndUserId = EndUserId,
                    Destination = Destination,
                    Facility = Facility,
                    Currency = Currency,
                    LicenceNumber = LicenceNumber,
                    VeuNumber = VeuNumber,
                    Items = items,
                },
                ct);
        });

        if (ok && declared is not null)
        {
            return Redirect($"/shipments/{declared.Id}");
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    private static decimal? ParseDecimal(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null
        : decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value
        : throw new DomainException(field, $"'{text}' is not a number.");

    private static DateOnly? ParseDate(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new DomainException("declaredOn", $"'{text}' is not a date (yyyy-MM-dd).");

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        while (Items.Count < ItemRows)
        {
            Items.Add(new ItemRow());
        }

        var all = await parties.ListAsync(null, null, ct);
        var exporters = await parties.ListAsync(null, "exporter", ct);
        var endUsers = await parties.ListAsync(null, "end-user", ct);
        if (ExporterId is null && exporters.Count == 1)
        {
            ExporterId = exporters[0].Id;
        }

        Exporters = exporters.Select(p => Option(p, ExporterId)).ToList();
        EndUsers = endUsers.Select(p => Option(p, EndUserId)).ToList();
        Consignees = all.Select(p => Option(p, ConsigneeId)).ToList();
    }

    private static SelectListItem Option(PartyRef p, Guid? selected) =>
        new($"{p.Name} ({p.Country})", p.Id.ToString(), p.Id == selected);

    /// <summary>One item row of the form; blank rows are ignored.</summary>
    public sealed class ItemRow
    {
        public string? HsCode { get; set; }

        public string? Form { get; set; }

        public string? Composition { get; set; }

        public string? Description { get; set; }

        public string? QuantityKg { get; set; }

        public string? Value { get; set; }

        public bool IsBlank =>
            string.IsNullOrWhiteSpace(Form) && string.IsNullOrWhiteSpace(Composition) && string.IsNullOrWhiteSpace(HsCode)
            && string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(QuantityKg) && string.IsNullOrWhiteSpace(Value);
    }
}
