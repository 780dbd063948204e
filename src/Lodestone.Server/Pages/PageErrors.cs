using Lodestone.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Server.Pages;

/// <summary>Runs a page command and turns domain failures into form errors, as the API turns them into ProblemDetails.</summary>
internal static class PageErrors
{
    /// <summary>Loads what a page shows; an id the user may not see (or that does not exist) is a 404 page.</summary>
    public static async Task<IActionResult> ShowAsync(PageModel page, Func<Task> load)
    {
        try
        {
            await load();
            return page.Page();
        }
        catch (NotFoundException)
        {
            return page.NotFound();
        }
    }

    public static async Task<bool> TryAsync(ModelStateDictionary modelState, Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (DomainException e)
        {
            modelState.AddModelError(e.Field ?? string.Empty, e.Message);
            return false;
        }
        catch (DbUpdateException e) when (Persistence.DatabaseErrors.IsConflict(e))
        {
            modelState.AddModelError(string.Empty, "Someone else changed this record after you opened it; reload and try again.");
            return false;
        }
    }
}
