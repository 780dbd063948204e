using Lodestone.Domain.Classification;
using Lodestone.Domain.Common;
using Lodestone.Services.Contracts;

namespace Lodestone.Services;

/// <summary>Classifies products against the control list in force on a date (today by default).</summary>
public sealed class ClassificationService(ReferenceData reference, TimeProvider time)
{
    public ClassificationResponse Classify(ClassifyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var product = RequestMapping.ToProduct(request.Form, request.Composition, request.HsCode, request.Description, string.Empty);
        var asOf = request.AsOf ?? ChinaTime.DateOf(time.GetUtcNow());
        return ResponseMapping.ToResponse(Classifier.Classify(reference.ControlList, product, asOf));
    }
}
