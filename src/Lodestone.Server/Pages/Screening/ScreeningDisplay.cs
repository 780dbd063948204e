using System.Globalization;

namespace Lodestone.Server.Pages.Screening;

/// <summary>How screening pages show scores, list kinds and review states, so they read the same everywhere.</summary>
public static class ScreeningDisplay
{
    /// <summary>A score or similarity in [0, 1], two decimals.</summary>
    public static string Score(double score) => score.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A list kind (control, watch, unreliable-entity, military-end-user, external).</summary>
    public static string KindBadge(string kind) => "badge kind-" + kind;

    /// <summary>A party's screening status (clear, potential-match, match, cleared).</summary>
    public static string StatusBadge(string status) => "badge screening-" + status;

    /// <summary>A hit's review state (unreviewed, confirmed, cleared).</summary>
    public static string ReviewBadge(string review) => "badge review-" + review;

    /// <summary>What a party's screening status means, in a sentence.</summary>
    public static string StatusText(string status) => status switch
    {
        "clear" => "No name of this party matches an entry on a list in force.",
        "potential-match" => "A name matches a listed entry and waits for an officer's review.",
        "match" => "An officer confirmed that this party is a listed entry.",
        "cleared" => "Every match was reviewed and cleared as a false positive.",
        _ => status,
    };

    /// <summary>The first characters of a SHA-256, enough to tell files apart on screen.</summary>
    public static string ShortHash(string sha256) => sha256.Length > 12 ? sha256[..12] + "…" : sha256;

    /// <summary>A source address is shown as a link only when it is plain http(s), never a script URL.</summary>
    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
