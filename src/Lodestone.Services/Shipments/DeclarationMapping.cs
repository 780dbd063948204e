using Lodestone.Domain.Classification;
using Lodestone.Domain.Common;
using Lodestone.Domain.Controls;
using Lodestone.Domain.Shipments;
using Lodestone.Services.Contracts;

namespace Lodestone.Services.Shipments;

/// <summary>Turns a declaration request into the domain's declaration, classifying each item on the declaration date.</summary>
internal static class DeclarationMapping
{
    /// <summary>HS headings that tell the product form when the declarant leaves it out (domain.md §1.7).</summary>
    private static readonly (string Prefix, ProductForm Form)[] FormsByHs =
    [
        ("850511", ProductForm.Magnet),
        ("280530", ProductForm.Metal),
        ("2846", ProductForm.Compound),
    ];

    public static ShipmentDeclaration ToDeclaration(DeclareShipmentRequest request, ControlList controlList, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        var declaredOn = request.DeclaredOn ?? today;
        if (declaredOn > today)
        {
            throw new DomainException("declaredOn", $"A declaration cannot be dated after today ({today:yyyy-MM-dd}).");
        }

        var endUser = request.EndUserId ?? throw new DomainException("endUserId", "The end user is required.");
        var currency = string.IsNullOrWhiteSpace(request.Currency) ? "USD" : request.Currency.Trim().ToUpperInvariant();
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            throw new DomainException("currency", $"'{request.Currency}' is not an ISO 4217 currency code such as USD or CNY.");
        }

        if (request.Items is null || request.Items.Count == 0)
        {
            throw new DomainException("items", "A declaration needs at least one item.");
        }

        var declaration = new ShipmentDeclaration
        {
            Number = request.DeclarationNumber?.Trim() ?? string.Empty,
            DeclaredOn = declaredOn,
            ExporterId = request.ExporterId ?? throw new DomainException("exporterId", "The exporter is required."),
            ConsigneeId = request.ConsigneeId ?? endUser,
            EndUserId = endUser,
            Destination = CountryCode.Parse(request.Destination, "destination"),
            Facility = string.IsNullOrWhiteSpace(request.Facility) ? null : request.Facility.Trim(),
            Currency = currency,
            LicenceNumber = string.IsNullOrWhiteSpace(request.LicenceNumber) ? null : request.LicenceNumber.Trim(),
            VeuNumber = string.IsNullOrWhiteSpace(request.VeuNumber) ? null : request.VeuNumber.Trim(),
            Items = request.Items.Select((dto, i) => ToItem(dto, i, controlList, declaredOn)).ToList(),
        };
        declaration.Validate();
        return declaration;
    }

    private static ShipmentItem ToItem(ShipmentItemDto? dto, int index, ControlList controlList, DateOnly on)
    {
        var prefix = $"items[{index}].";
        if (dto is null)
        {
            throw new DomainException($"items[{index}]", "An item cannot be empty.");
        }

        if (string.IsNullOrWhiteSpace(dto.HsCode))
        {
            throw new DomainException(prefix + "hsCode", "Every declared item needs its HS code.");
        }

        var digits = dto.HsCode.Replace(".", string.Empty, StringComparison.Ordinal).Trim();
        var form = dto.Form;
        if (string.IsNullOrWhiteSpace(form))
        {
            form = FormsByHs.FirstOrDefault(f => digits.StartsWith(f.Prefix, StringComparison.Ordinal)) is { Prefix: not null } known
                ? WireName.Of(known.Form)
                : throw new DomainException(prefix + "form", $"HS {dto.HsCode} does not tell the product form; give one of {WireName.AllowedList<ProductForm>()}.");
        }

        var product = RequestMapping.ToProduct(form, dto.Composition, dto.HsCode.Trim(), dto.Description, prefix);
        var quantity = dto.QuantityKg ?? throw new DomainException(prefix + "quantityKg", "The quantity in kg is required.");
        var result = Classifier.Classify(controlList, product, on);
        return new ShipmentItem(product, quantity, dto.Value ?? 0m, result.Entries.Select(e => e.Code).ToList(), result.MissingEvidence);
    }
}
