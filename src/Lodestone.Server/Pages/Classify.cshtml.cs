using Lodestone.Domain.Classification;
using Lodestone.Domain.Common;
using Lodestone.Services;
using Lodestone.Services.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages;

/// <summary>Classification of one product, as <c>POST /api/v1/classifications</c>.</summary>
public sealed class ClassifyModel(ClassificationService classifier) : PageModel
{
    public static readonly IReadOnlyList<string> Forms = Enum.GetValues<ProductForm>().Select(f => WireName.Of(f)).ToList();

    [BindProperty]
    public string Form { get; set; } = "magnet";

    [BindProperty]
    public string? Composition { get; set; }

    [BindProperty]
    public string? HsCode { get; set; }

    [BindProperty]
    public DateOnly? AsOf { get; set; }

    public ClassificationResponse? Result { get; private set; }

    public async Task OnPostAsync() =>
        await PageErrors.TryAsync(ModelState, () =>
        {
            Result = classifier.Classify(new ClassifyRequest(Form, CompositionText.Parse(Composition, "composition"), HsCode, AsOf));
            return Task.CompletedTask;
        });
}
