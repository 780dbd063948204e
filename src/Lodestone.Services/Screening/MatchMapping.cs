using Lodestone.Domain.Common;
using Lodestone.Screening.Matching;
using Lodestone.Services.Contracts;

namespace Lodestone.Services.Screening;

/// <summary>Engine matches as API responses, with the list each came from.</summary>
public static class MatchMapping
{
    public static MatchResponse ToResponse(ScreeningMatch match, ScreeningSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(snapshot);
        var list = snapshot.Lists[match.ListId];
        var entry = snapshot.Entries[(match.ListId, match.EntryId)];
        return new MatchResponse(
            list.Id, list.Name, WireName.Of(list.Kind), list.CurrentVersion, match.EntryId, entry.Name, entry.ChineseName, entry.Country,
            Math.Round(match.Score, 4), ToResponse(match.Explanation));
    }

    public static ExplanationResponse ToResponse(MatchExplanation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new ExplanationResponse(
            e.MatchedName,
            WireName.Of(e.MatchedNameKind),
            e.NormalisedQuery,
            e.NormalisedName,
            e.Pairs.Select(p => new TokenPairResponse(p.QueryToken, p.EntryToken, Math.Round(p.Similarity, 4), Math.Round(p.Contribution, 4), p.Weak)).ToList(),
            e.UnmatchedQueryTokens,
            e.UnmatchedEntryTokens,
            Math.Round(e.NameScore, 4),
            WireName.Of(e.Country),
            e.Summary);
    }
}
