namespace Lodestone.Screening.Normalisation;

/// <summary>One normalised token of a name.</summary>
/// <param name="Text">Lower-case ASCII letters and digits.</param>
/// <param name="Kind">How the token is weighed and compared.</param>
/// <param name="Source">The original text when it differs in script (Chinese 技术 for <c>technology</c>), for explanations.</param>
/// <param name="Alternates">Other English renderings a glossary word may have (研究院: academy or institute); the best one counts.</param>
internal readonly record struct NameToken(string Text, TokenKind Kind, string? Source = null, string[]? Alternates = null)
{
    /// <summary>The token as shown to a reviewer: alternates joined by '/', with any original script in brackets.</summary>
    public string Display
    {
        get
        {
            var text = Alternates is { Length: > 0 } ? Text + "/" + string.Join('/', Alternates) : Text;
            return Source is null ? text : text + " (" + Source + ")";
        }
    }
}
