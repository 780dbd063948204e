using Lodestone.Screening.Normalisation;

namespace Lodestone.Screening.Matching;

/// <summary>Scores one name against another, outside any index (for pair evaluation and tests).</summary>
public static class NameMatcher
{
    /// <summary>
    /// The name score of a query name against a candidate name, in [0, 1], with its explanation. Asymmetric by design:
    /// query tokens the candidate lacks cost more than candidate tokens the query lacks. The score is the one
    /// <see cref="ScreeningIndex.Screen(ScreeningQuery, ScreeningOptions?)"/> gives the same pair before the country qualifier.
    /// </summary>
    public static (double Score, MatchExplanation Explanation) Compare(string query, string candidate)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidate);
        var q = NameNormaliser.Normalise(query);
        var c = NameNormaliser.Normalise(candidate);
        if (q.Forms.Count == 0 || c.Forms.Count == 0)
        {
            return (0, ExplanationBuilder.Empty(candidate, q.Text, c.Text));
        }

        var queryForms = q.Forms.Select(TokenInfo.From).ToArray();
        var candidateForms = c.Forms.Select(TokenInfo.From).ToArray();
        var best = -1.0;
        int bestQuery = 0, bestCandidate = 0;
        for (var i = 0; i < queryForms.Length; i++)
        {
            for (var j = 0; j < candidateForms.Length; j++)
            {
                var s = BestPairsScorer.Score(queryForms[i], candidateForms[j]);
                if (s > best)
                {
                    (best, bestQuery, bestCandidate) = (s, i, j);
                }
            }
        }

        var detail = new ScoreDetail();
        var score = BestPairsScorer.Score(queryForms[bestQuery], candidateForms[bestCandidate], detail);
        var explanation = ExplanationBuilder.Build(
            queryForms[bestQuery], q.Forms[bestQuery].Text, candidateForms[bestCandidate], c.Forms[bestCandidate].Text, detail,
            score, score, candidate, MatchedNameKind.Primary, CountryQualifier.Unknown, 0);
        return (score, explanation);
    }
}
