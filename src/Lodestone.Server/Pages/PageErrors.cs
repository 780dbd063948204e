using Lodestone.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Server.Pages;

/// <summary>Runs a page command and turns domain failures into form errors, as the API turns them into ProblemDetails.</summary>
internal static class PageErrors
{
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
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || Persistence.DatabaseErrors.IsUniqueViolation(e))
        {
            modelState.AddModelError(string.Empty, "Someone else changed this record after you opened it; reload and try again.");
            return false;
        }
    }
}
