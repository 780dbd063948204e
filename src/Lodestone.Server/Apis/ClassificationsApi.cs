using Lodestone.Services;
using Lodestone.Services.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lodestone.Server.Apis;

/// <summary>Classification of products against the control list.</summary>
internal static class ClassificationsApi
{
    public static RouteGroupBuilder MapClassificationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/classifications").WithTags("Classification");
        group.MapPost("/", Classify).WithName("Classify")
            .WithSummary("Classifies a product (form, composition in wt%, HS code) on a date, today by default.");
        return group;
    }

    private static Ok<ClassificationResponse> Classify(ClassifyRequest request, ClassificationService classifier) =>
        TypedResults.Ok(classifier.Classify(request));
}
