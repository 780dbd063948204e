using Lodestone.Services.Contracts;
using Lodestone.Services.Veu;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages.Veu;

/// <summary>The public register of active VEUs: anyone may read it, signed in or not.</summary>
[AllowAnonymous]
public sealed class RegisterModel(VeuRegister register) : PageModel
{
    public IReadOnlyList<VeuRegisterEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Entries = await register.ListAsync(ct);
}
