using Lodestone.Domain.Common;
using Lodestone.Domain.Routing;

namespace Lodestone.Domain.Veu;

/// <summary>What an applicant supplies for a VEU, validated by <see cref="VeuAuthorization.Apply"/>.</summary>
public sealed record VeuApplication
{
    /// <summary>The Chinese exporters that would ship under it.</summary>
    public required IReadOnlyList<Guid> ExporterIds { get; init; }

    /// <summary>The end user.</summary>
    public required Guid EndUserId { get; init; }

    /// <summary>Country of the end user, which every facility must share.</summary>
    public required CountryCode EndUserCountry { get; init; }

    /// <summary>The sites to be covered.</summary>
    public required IReadOnlyList<VeuFacility> Facilities { get; init; }

    /// <summary>Control codes asked for (already checked against the control list by the caller).</summary>
    public required IReadOnlyList<string> ControlCodes { get; init; }

    /// <summary>End-use category.</summary>
    public required EndUseCategory EndUse { get; init; }

    /// <summary>End use in the applicant's words: product, application, customers.</summary>
    public required string EndUseDescription { get; init; }

    /// <summary>Cap asked for, per calendar year.</summary>
    public required decimal AnnualCapKg { get; init; }

    /// <summary>Forecast annual volume; the cap when omitted.</summary>
    public decimal? ForecastAnnualKg { get; init; }

    /// <summary>Validity asked for, in months.</summary>
    public int ValidityMonths { get; init; } = 12;

    /// <summary>Documents supplied.</summary>
    public IReadOnlyList<VeuDocumentKind> Documents { get; init; } = [];

    /// <summary>Every document a VEU application needs (15 CFR §748.15(a)(2); domain.md §4.4).</summary>
    public static readonly IReadOnlyList<VeuDocumentKind> RequiredDocuments = Enum.GetValues<VeuDocumentKind>();

    internal void Validate()
    {
        if (ExporterIds.Count == 0)
        {
            throw new DomainException("exporterIds", "Name at least one Chinese exporter that will ship under the VEU.");
        }

        if (ExporterIds.Contains(EndUserId))
        {
            throw new DomainException("endUserId", "The end user cannot be one of its exporters.");
        }

        if (Facilities.Count == 0)
        {
            throw new DomainException("facilities", "Name at least one facility: a VEU covers named sites only.");
        }

        for (var i = 0; i < Facilities.Count; i++)
        {
            var f = Facilities[i];
            if (string.IsNullOrWhiteSpace(f.Name) || f.Name.Trim().Length > 200)
            {
                throw new DomainException($"facilities[{i}].name", "A facility needs a name of at most 200 characters.");
            }

            if (string.IsNullOrWhiteSpace(f.Address) || f.Address.Trim().Length > 400)
            {
                throw new DomainException($"facilities[{i}].address", "A facility needs an address of at most 400 characters.");
            }

            if (f.Country != EndUserCountry)
            {
                throw new DomainException($"facilities[{i}].country", $"Facility '{f.Name.Trim()}' is in {f.Country}, but the end user is in {EndUserCountry}; a VEU covers the end user's own sites.");
            }
        }

        var duplicate = Facilities.GroupBy(f => f.Name.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainException("facilities", $"Facility '{duplicate.Key}' is named twice.");
        }

        if (ControlCodes.Count == 0)
        {
            throw new DomainException("controlCodes", "Name the control codes the VEU should cover.");
        }

        if (VeuAuthorization.ExcludedEndUses.Contains(EndUse))
        {
            throw new DomainException("endUse.category", $"A VEU is for civil end uses only; '{WireName.Of(EndUse)}' needs an individual licence.");
        }

        if (string.IsNullOrWhiteSpace(EndUseDescription) || EndUseDescription.Trim().Length > VeuAuthorization.MaxTextLength)
        {
            throw new DomainException("endUse.description", "Describe the end use: product, application and customers.");
        }

        if (AnnualCapKg <= 0m || AnnualCapKg > 10_000_000m)
        {
            throw new DomainException("annualCapKg", $"The annual cap must be above 0 and at most 10,000,000 kg; got {AnnualCapKg}.");
        }

        if (decimal.Round(AnnualCapKg, 3) != AnnualCapKg)
        {
            throw new DomainException("annualCapKg", "Quantities are in kg to the gram: at most 3 decimals.");
        }

        if (ForecastAnnualKg is { } forecast && (forecast <= 0m || forecast > 10_000_000m))
        {
            throw new DomainException("forecastAnnualKg", $"The forecast must be above 0 and at most 10,000,000 kg; got {forecast}.");
        }

        if (ValidityMonths is < 1 or > VeuAuthorization.MaxValidityMonths)
        {
            throw new DomainException("validityMonths", $"A VEU is valid for 1 to {VeuAuthorization.MaxValidityMonths} months (art. 15); got {ValidityMonths}.");
        }

        var missing = RequiredDocuments.Except(Documents).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException("documents", $"Missing documents: {string.Join(", ", missing.Select(d => WireName.Of(d)))}.");
        }
    }
}
