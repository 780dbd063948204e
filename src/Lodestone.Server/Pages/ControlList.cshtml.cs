using Lodestone.Domain.Common;
using Lodestone.Server.Apis;
using Lodestone.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestone.Server.Pages;

/// <summary>The control list with each instrument's and entry's status today.</summary>
public sealed class ControlListModel(ReferenceData reference, TimeProvider time) : PageModel
{
    public ControlListApi.ControlListResponse? List { get; private set; }

    public void OnGet() => List = ControlListApi.Describe(reference, ChinaTime.DateOf(time.GetUtcNow()));
}
