using Lodestone.Screening.Normalisation;

namespace Lodestone.Screening.Matching;

/// <summary>
/// A token ready for scoring: text, kind, weight and first-letter sound class, computed once (at index build for
/// list names, once per query for the query). Immutable and shared by every name that uses the token.
/// </summary>
internal sealed class TokenInfo
{
    public TokenInfo(string text, TokenKind kind, string[]? alternates = null, string? source = null, int id = -1)
    {
        Id = id;
        Text = text;
        Kind = kind;
        Alternates = alternates;
        Source = source;
        Weight = TokenWeights.Of(text, kind);
        FirstClass = text.Length == 0 ? (byte)9 : Phonetic.ClassOf(text[0]);
    }

    /// <summary>The token's vocabulary id in an index, or -1 (query tokens, pairs compared outside an index).</summary>
    public int Id { get; }

    public string Text { get; }

    public TokenKind Kind { get; }

    /// <summary>Other English renderings of a glossary word, or null.</summary>
    public string[]? Alternates { get; }

    /// <summary>Original script, for explanations (query side only).</summary>
    public string? Source { get; }

    public double Weight { get; }

    public byte FirstClass { get; }

    public bool IsWeak => (Kind & TokenKind.Weak) != 0;

    public bool IsNumber => (Kind & TokenKind.Number) != 0;

    /// <summary>The token as shown to a reviewer.</summary>
    public string Display => new NameToken(Text, Kind, Source, Alternates).Display;

    public static TokenInfo From(NameToken token) => new(token.Text, token.Kind, token.Alternates, token.Source);

    public static TokenInfo[] From(NormalisedForm form)
    {
        var result = new TokenInfo[form.Tokens.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = From(form.Tokens[i]);
        }

        return result;
    }
}

/// <summary>How much a token counts: longer tokens more, common and weak kinds less (a static stand-in for IDF).</summary>
internal static class TokenWeights
{
    public static double Of(string text, TokenKind kind)
    {
        double length = text.Length;
        if ((kind & TokenKind.Abjad) != 0)
        {
            // Romanised Arabic or Hebrew lacks most vowels: "mhmd" stands for a name as long as "mohamed".
            length *= 1.5;
        }

        if ((kind & TokenKind.Number) != 0)
        {
            length = Math.Max(length, 4);
        }

        var weight = Math.Pow(Math.Min(length, ScoringParameters.LengthCap), ScoringParameters.LengthExponent);
        return weight * Factor(kind);
    }

    private static double Factor(TokenKind kind)
    {
        if ((kind & TokenKind.Weak) != 0)
        {
            return ScoringParameters.WeakFactor;
        }

        if ((kind & TokenKind.Number) != 0)
        {
            return ScoringParameters.NumberFactor;
        }

        if ((kind & TokenKind.Initial) != 0)
        {
            return ScoringParameters.InitialFactor;
        }

        if ((kind & TokenKind.Particle) != 0)
        {
            return ScoringParameters.ParticleFactor;
        }

        if ((kind & (TokenKind.Generic | TokenKind.CommonName)) != 0)
        {
            return ScoringParameters.GenericFactor;
        }

        return (kind & TokenKind.Location) != 0 ? ScoringParameters.LocationFactor : 1.0;
    }
}
