namespace Lodestone.Server.Pages;

/// <summary>CSS classes for lanes and statuses, so a colour means the same on every page.</summary>
public static class Badges
{
    public static string Lane(string? lane) => "badge lane-" + (lane ?? "none");

    public static string Status(string status) => "badge status-" + status;
}
