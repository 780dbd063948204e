using Lodestone.Screening.Lists;

namespace Lodestone.Screening.Matching;

/// <summary>An entry to index, with the list it belongs to.</summary>
/// <param name="ListId">The list's id (e.g. <c>us-bis-entity</c>).</param>
/// <param name="Entry">The entry.</param>
public sealed record IndexedEntry(string ListId, ListEntry Entry);

/// <summary>A name to screen, with the country it is in (a qualifier, never a filter).</summary>
public sealed record ScreeningQuery(string Name, string? Country = null);

/// <summary>How many matches to return and from what score.</summary>
public sealed record ScreeningOptions
{
    /// <summary>
    /// The default threshold: a score at or above it is a potential match. Chosen on the evaluation sets: it gives the
    /// best F1 on nomenklatura's labelled name pairs (cases.csv: P 0.85, R 0.82, F1 0.84; 0.80 and 0.82 give 0.83), and
    /// screened against BIS + OFAC it alerts on 0.8% of yente's global synthetic negatives (0.5% of the US ones).
    /// See docs/benchmarks.md.
    /// </summary>
    public const double DefaultThreshold = 0.81;

    /// <summary>Minimum score to report (entries scoring 0 are never reported).</summary>
    public double Threshold { get; init; } = DefaultThreshold;

    /// <summary>Maximum matches to return.</summary>
    public int Limit { get; init; } = 10;

    /// <summary>The defaults.</summary>
    public static ScreeningOptions Default { get; } = new();
}

/// <summary>Which of an entry's names matched.</summary>
public enum MatchedNameKind
{
    /// <summary>The primary name.</summary>
    Primary,

    /// <summary>The Chinese name.</summary>
    Chinese,

    /// <summary>An alias.</summary>
    Alias,
}

/// <summary>How the country of the query bears on the score.</summary>
public enum CountryQualifier
{
    /// <summary>The query or the entry has no country.</summary>
    Unknown,

    /// <summary>Same country.</summary>
    Agrees,

    /// <summary>Different countries: the score is lowered but the match is still reported.</summary>
    Disagrees,
}

/// <summary>One query token paired with one entry token.</summary>
/// <param name="QueryToken">The normalised query token (Chinese shown with its pinyin or translation).</param>
/// <param name="EntryToken">The normalised entry token it met.</param>
/// <param name="Similarity">Jaro-Winkler (or exact) similarity of the pair, 0..1.</param>
/// <param name="Contribution">The share of the name score this pair contributed, 0..1.</param>
/// <param name="Weak">True when the pair is a legal form or other weak token (Co., Ltd., 有限公司).</param>
public sealed record TokenPair(string QueryToken, string EntryToken, double Similarity, double Contribution, bool Weak);

/// <summary>Why an entry matched: which name, which tokens met, what was left over, and qualifiers.</summary>
public sealed record MatchExplanation
{
    /// <summary>The entry name that gave the best score, as listed.</summary>
    public required string MatchedName { get; init; }

    /// <summary>Which of the entry's names it was.</summary>
    public required MatchedNameKind MatchedNameKind { get; init; }

    /// <summary>The query as normalised (tokens joined by spaces).</summary>
    public required string NormalisedQuery { get; init; }

    /// <summary>The matched name as normalised.</summary>
    public required string NormalisedName { get; init; }

    /// <summary>Token pairs, best first.</summary>
    public required IReadOnlyList<TokenPair> Pairs { get; init; }

    /// <summary>Query tokens that met nothing.</summary>
    public required IReadOnlyList<string> UnmatchedQueryTokens { get; init; }

    /// <summary>Entry tokens that met nothing.</summary>
    public required IReadOnlyList<string> UnmatchedEntryTokens { get; init; }

    /// <summary>The name score before qualifiers.</summary>
    public required double NameScore { get; init; }

    /// <summary>Country agreement.</summary>
    public required CountryQualifier Country { get; init; }

    /// <summary>One line a reviewer can read, e.g. "alias 'HUAWEI TECHNOLOGIES CO LTD': huawei=huawei 1.00, technologies=technology 0.97; country agrees".</summary>
    public required string Summary { get; init; }
}

/// <summary>One list entry that matched a query.</summary>
/// <param name="ListId">The entry's list.</param>
/// <param name="EntryId">The entry's id.</param>
/// <param name="Name">The entry's primary name.</param>
/// <param name="Score">Final score in [0, 1].</param>
/// <param name="Explanation">Why.</param>
public sealed record ScreeningMatch(string ListId, string EntryId, string Name, double Score, MatchExplanation Explanation);
