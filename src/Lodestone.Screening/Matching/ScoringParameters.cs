namespace Lodestone.Screening.Matching;

/// <summary>
/// The scorer's constants, in one place. Started from Watchman's and logic-v2's published values, then chosen by
/// coordinate search on the labelled pairs of nomenklatura's name_bench (cases.csv), checked against the alert rate on
/// yente's synthetic negatives and the hit rate on its UN positives screened against BIS + OFAC (see
/// <see cref="ScreeningOptions.DefaultThreshold"/>). Changing one changes every score: re-run the evaluation.
/// </summary>
internal static class ScoringParameters
{
    /// <summary>A token pair below this similarity does not count as met at all (as OFAC drops pairs below 0.5).</summary>
    public const double PairFloor = 0.75;

    /// <summary>Weight of an unmatched query token relative to a met one: the query says something the entry does not.</summary>
    public const double UnmatchedQueryWeight = 0.35;

    /// <summary>Weight of an unmatched entry token: lists give fuller names than callers type, so this costs less.</summary>
    public const double UnmatchedEntryWeight = 0.2;

    /// <summary>
    /// Weight of unmatched tokens facing each other (the query has "gas" where the entry has "oil"): a substitution is
    /// evidence of a different party, unlike a name part one side simply leaves out.
    /// </summary>
    public const double ConflictWeight = 2.0;

    /// <summary>
    /// Weight of an unmatched distinctive query token when at most one distinctive token met: "Sara Ray" against the
    /// alias "SARA" hangs on one name, so what else the query says weighs as in logic-v2 (0.8).
    /// </summary>
    public const double SingleAnchorQueryWeight = 0.8;

    /// <summary>A met pair counts 1 − sharpness × (1 − similarity): typos (0.95) stay close to 1, look-alikes (0.82) drop.</summary>
    public const double PairSharpness = 1.5;

    /// <summary>
    /// Sharpness applied instead of <see cref="PairSharpness"/> to the pair a match hangs on when only one distinctive
    /// token met: a long token with a typo (0.97) still counts nearly fully, a short look-alike (Bosch ~ Busch, 0.88)
    /// does not.
    /// </summary>
    public const double LoneAnchorSharpness = 2.0;

    /// <summary>Scale of a consonant-skeleton match (romanised Arabic or Hebrew against Latin): the vowels are guessed.</summary>
    public const double AbjadCertainty = 0.95;

    /// <summary>Weight factor of legal forms (co, ltd, 有限公司).</summary>
    public const double WeakFactor = 0.05;

    /// <summary>Weight factor of common organisation words and very common names.</summary>
    public const double GenericFactor = 0.5;

    /// <summary>Weight factor of name particles, titles and patronymics.</summary>
    public const double ParticleFactor = 0.2;

    /// <summary>Weight factor of an initial (on top of its length of one).</summary>
    public const double InitialFactor = 0.8;

    /// <summary>Weight factor of place names.</summary>
    public const double LocationFactor = 0.7;

    /// <summary>Weight factor of numbers (counted as at least four characters long): a number identifies.</summary>
    public const double NumberFactor = 1.3;

    /// <summary>Token weight grows with length to this power (capped at <see cref="LengthCap"/> characters).</summary>
    public const double LengthExponent = 0.5;

    /// <summary>Length beyond which a token weighs no more.</summary>
    public const int LengthCap = 12;

    /// <summary>Similarity of a query initial and an entry word starting with it (J. ~ John).</summary>
    public const double InitialSimilarity = 0.85;

    /// <summary>Similarity of a query word and an entry initial starting it (John ~ J.): weaker evidence.</summary>
    public const double EntryInitialSimilarity = 0.6;

    /// <summary>The most a name can score when only weak tokens (legal forms) met.</summary>
    public const double WeakOnlyCap = 0.5;

    /// <summary>Multiplier when both sides have numbers left unmatched (Plant 5 vs Plant 6).</summary>
    public const double NumberMismatchFactor = 0.8;

    /// <summary>Subtracted from the score when query and entry are in different countries.</summary>
    public const double CountryDisagreementPenalty = 0.08;

    /// <summary>Watchman's length-ratio penalty: below this shorter/longer ratio the similarity is scaled down…</summary>
    public const double LengthRatioLimit = 0.9;

    /// <summary>…by this much per unit of ratio missing.</summary>
    public const double LengthRatioScale = 0.3;

    /// <summary>
    /// The least an unmatched query token adds to the scorer's denominator, whatever else is unmatched (a conflict
    /// costs <see cref="ConflictWeight"/> for a query and an entry token together). The candidate stage's bounds use it.
    /// </summary>
    public static double QueryOmissionFloor =>
        Math.Max(0.0, Math.Min(Math.Min(UnmatchedQueryWeight, SingleAnchorQueryWeight), ConflictWeight - UnmatchedEntryWeight));

    /// <summary>The least an unmatched entry token adds to the scorer's denominator (given <see cref="QueryOmissionFloor"/>).</summary>
    public static double EntryOmissionFloor => Math.Max(0.0, Math.Min(UnmatchedEntryWeight, ConflictWeight - QueryOmissionFloor));
}
