using System.Globalization;
using System.Text;

namespace Lodestone.Screening.Matching;

/// <summary>Turns a scorer's alignment into a <see cref="MatchExplanation"/> a reviewer can read.</summary>
internal static class ExplanationBuilder
{
    public static MatchExplanation Build(
        ReadOnlySpan<TokenInfo> query, string normalisedQuery, ReadOnlySpan<TokenInfo> entry, string normalisedName, ScoreDetail detail,
        double nameScore, double finalScore, string matchedName, MatchedNameKind kind, CountryQualifier country, double countryPenalty)
    {
        var pairs = new List<TokenPair>(detail.Pairs.Count);
        foreach (var p in detail.Pairs)
        {
            var weak = true;
            for (var k = p.QueryStart; k < p.QueryStart + p.QueryLength; k++)
            {
                weak &= query[k].IsWeak;
            }

            var contribution = detail.Denominator > 0 ? p.Counted * p.Weight / detail.Denominator : 0;
            pairs.Add(new TokenPair(Join(query, p.QueryStart, p.QueryLength), Join(entry, p.EntryStart, p.EntryLength), p.Similarity, contribution, weak));
        }

        var unmatchedQuery = Unmatched(query, detail.UsedQuery);
        var unmatchedEntry = Unmatched(entry, detail.UsedEntry);
        return new MatchExplanation
        {
            MatchedName = matchedName,
            MatchedNameKind = kind,
            NormalisedQuery = normalisedQuery,
            NormalisedName = normalisedName,
            Pairs = pairs,
            UnmatchedQueryTokens = unmatchedQuery,
            UnmatchedEntryTokens = unmatchedEntry,
            NameScore = nameScore,
            Country = country,
            Summary = Summary(pairs, unmatchedQuery, unmatchedEntry, detail, finalScore, matchedName, kind, country, countryPenalty),
        };
    }

    /// <summary>An explanation for a name that produced no tokens (empty, or punctuation only).</summary>
    public static MatchExplanation Empty(string matchedName, string normalisedQuery, string normalisedName) => new()
    {
        MatchedName = matchedName,
        MatchedNameKind = MatchedNameKind.Primary,
        NormalisedQuery = normalisedQuery,
        NormalisedName = normalisedName,
        Pairs = [],
        UnmatchedQueryTokens = normalisedQuery.Length == 0 ? [] : normalisedQuery.Split(' '),
        UnmatchedEntryTokens = normalisedName.Length == 0 ? [] : normalisedName.Split(' '),
        NameScore = 0,
        Country = CountryQualifier.Unknown,
        Summary = "no comparable tokens",
    };

    private static string Join(ReadOnlySpan<TokenInfo> tokens, int start, int length)
    {
        if (length == 1)
        {
            return tokens[start].Display;
        }

        var sb = new StringBuilder();
        for (var k = start; k < start + length; k++)
        {
            if (k > start)
            {
                sb.Append('+');
            }

            sb.Append(tokens[k].Display);
        }

        return sb.ToString();
    }

    private static List<string> Unmatched(ReadOnlySpan<TokenInfo> tokens, ulong used)
    {
        var result = new List<string>();
        for (var i = 0; i < tokens.Length && i < 64; i++)
        {
            if ((used & (1UL << i)) == 0)
            {
                result.Add(tokens[i].Display);
            }
        }

        return result;
    }

    private static string Summary(
        List<TokenPair> pairs, List<string> unmatchedQuery, List<string> unmatchedEntry, ScoreDetail detail, double finalScore,
        string matchedName, MatchedNameKind kind, CountryQualifier country, double countryPenalty)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(kind switch
        {
            MatchedNameKind.Chinese => "Chinese name",
            MatchedNameKind.Alias => "alias",
            _ => "name",
        });
        sb.Append(c, $" '{matchedName}' {finalScore:0.00}: ");
        if (pairs.Count == 0)
        {
            sb.Append("no tokens met");
        }

        for (var i = 0; i < pairs.Count; i++)
        {
            var p = pairs[i];
            sb.Append(i == 0 ? string.Empty : ", ");
            sb.Append(c, $"{p.QueryToken}={p.EntryToken} {p.Similarity:0.00}");
            if (p.Weak)
            {
                sb.Append(" (weak)");
            }
        }

        if (unmatchedQuery.Count > 0)
        {
            sb.Append("; query only: ").Append(string.Join(' ', unmatchedQuery));
        }

        if (unmatchedEntry.Count > 0)
        {
            sb.Append("; entry only: ").Append(string.Join(' ', unmatchedEntry));
        }

        if (detail.WeakOnly)
        {
            sb.Append("; only legal forms met");
        }

        if (detail.NumbersDiffer)
        {
            sb.Append("; numbers differ");
        }

        if (country == CountryQualifier.Agrees)
        {
            sb.Append("; country agrees");
        }
        else if (country == CountryQualifier.Disagrees)
        {
            sb.Append(c, $"; country differs (-{countryPenalty:0.00})");
        }

        return sb.ToString();
    }
}
