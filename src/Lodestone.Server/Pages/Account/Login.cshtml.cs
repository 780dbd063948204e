using Lodestone.Persistence;
using Lodestone.Server.Apis;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Account;

/// <summary>Cookie sign-in for the web UI; the same checks (lockout, demo accounts) as the token endpoint.</summary>
public sealed class LoginModel(UserManager<LodestoneUser> users, SignInManager<LodestoneUser> signIn, IHostEnvironment environment) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email.Trim());
        var refusal = await SignInChecks.CheckAsync(user, Password, signIn, environment);
        if (refusal is not null)
        {
            ModelState.AddModelError(string.Empty, refusal);
            return Page();
        }

        // A new session cookie at sign-in (ASVS 7.2.4).
        await signIn.SignInAsync(user!, isPersistent: false);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
