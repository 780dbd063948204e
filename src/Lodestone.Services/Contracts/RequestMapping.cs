using Lodestone.Domain.Applications;
using Lodestone.Domain.Classification;
using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;

namespace Lodestone.Services.Contracts;

/// <summary>Turns request shapes into domain values; every failure names the request field.</summary>
public static class RequestMapping
{
    public static Product ToProduct(string? form, Dictionary<string, decimal>? composition, string? hsCode, string? description, string prefix)
    {
        if (string.IsNullOrWhiteSpace(form))
        {
            throw new DomainException(prefix + "form", $"The product form is required: one of {WireName.AllowedList<ProductForm>()}.");
        }

        var parsedForm = WireName.Parse<ProductForm>(form, prefix + "form");
        return Product.Create(parsedForm, Composition.Create(composition, prefix + "composition"), hsCode, description, prefix);
    }

    public static ClockStopReason ToClockStopReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? throw new DomainException("reason", $"A clock stop needs a reason: one of {WireName.AllowedList<ClockStopReason>()}.")
            : WireName.Parse<ClockStopReason>(reason, "reason");

    public static IReadOnlyList<Facility> ToFacilities(IReadOnlyList<FacilityDto>? facilities) =>
        (facilities ?? []).Select((f, i) => f is null
            ? throw new DomainException($"facilities[{i}]", "A facility cannot be empty.")
            : new Facility(
                f.Name?.Trim() ?? string.Empty,
                f.Address?.Trim() ?? string.Empty,
                CountryCode.Parse(f.Country, $"facilities[{i}].country"))).ToList();

    public static IReadOnlyList<TEnum> ToEnums<TEnum>(IReadOnlyList<string>? values, string field)
        where TEnum : struct, Enum =>
        (values ?? []).Select((v, i) => WireName.Parse<TEnum>(v, $"{field}[{i}]")).ToList();

    /// <summary>Checks the request's shape and returns the parts that need no database.</summary>
    public static (Channel Channel, Guid ExporterId, Guid? ConsigneeId, Guid EndUserId, EndUse EndUse, CountryCode Destination, string Currency, IReadOnlyList<DocumentKind> Documents) ToApplicationShape(FileApplicationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var channel = string.IsNullOrWhiteSpace(request.Channel) ? Channel.Individual : WireName.Parse<Channel>(request.Channel, "channel");
        var exporter = request.ExporterId ?? throw new DomainException("exporterId", "The exporter is required.");
        var endUser = request.EndUserId ?? throw new DomainException("endUserId", "The end user is required.");
        if (request.EndUse is null || string.IsNullOrWhiteSpace(request.EndUse.Category))
        {
            throw new DomainException("endUse.category", $"The end-use category is required: one of {WireName.AllowedList<EndUseCategory>()}.");
        }

        var endUse = new EndUse(WireName.Parse<EndUseCategory>(request.EndUse.Category, "endUse.category"), request.EndUse.Description ?? string.Empty);
        if (string.IsNullOrWhiteSpace(request.Destination))
        {
            throw new DomainException("destination", "The destination country is required (ISO 3166-1 alpha-2).");
        }

        var destination = CountryCode.Parse(request.Destination, "destination");
        var documents = ToEnums<DocumentKind>(request.Documents, "documents");
        return (channel, exporter, request.ConsigneeId, endUser, endUse, destination, (request.Currency ?? "USD").Trim().ToUpperInvariant(), documents);
    }
}
