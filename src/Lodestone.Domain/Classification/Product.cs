using System.Text.RegularExpressions;
using Lodestone.Domain.Common;

namespace Lodestone.Domain.Classification;

/// <summary>A product as declared for classification: form, composition and (optionally) its HS code.</summary>
public sealed partial record Product
{
    private Product(ProductForm form, Composition composition, string? hsCode, string? description)
    {
        Form = form;
        Composition = composition;
        HsCode = hsCode;
        Description = description;
    }

    /// <summary>The physical form.</summary>
    public ProductForm Form { get; }

    /// <summary>The declared composition; may be empty, which is missing evidence, never "not controlled".</summary>
    public Composition Composition { get; }

    /// <summary>HS code as digits only (dots removed), 4 to 10 digits, or null.</summary>
    public string? HsCode { get; }

    /// <summary>Free-text description (grade, part number).</summary>
    public string? Description { get; }

    /// <summary>Validates and builds a product.</summary>
    public static Product Create(ProductForm form, Composition composition, string? hsCode, string? description = null, string field = "")
    {
        ArgumentNullException.ThrowIfNull(composition);
        string? digits = null;
        if (!string.IsNullOrWhiteSpace(hsCode))
        {
            digits = hsCode.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
            if (!HsPattern().IsMatch(digits))
            {
                throw new DomainException(field + "hsCode", $"'{hsCode}' is not an HS code (4 to 10 digits, dots allowed).");
            }
        }

        return new Product(form, composition, digits, string.IsNullOrWhiteSpace(description) ? null : description.Trim());
    }

    [GeneratedRegex("^[0-9]{4,10}$")]
    private static partial Regex HsPattern();
}
