using Lodestone.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Account;

/// <summary>Signs out (POST with the antiforgery token, so another site cannot sign a user out).</summary>
public sealed class LogoutModel(SignInManager<LodestoneUser> signIn) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Page();
    }
}
