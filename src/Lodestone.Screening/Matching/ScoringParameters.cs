namespace Lodestone.Screening.Matching;

/// <summary>
/// The scorer's constants, in one place. Chosen on the labelled pairs of nomenklatura's name_bench
/// (see <see cref="ScreeningOptions.DefaultThreshold"/>), starting from Watchman's and logic-v2's published values.
/// </summary>
internal static class ScoringParameters
{
    /// <summary>A token pair below this similarity does not count as met at all (as OFAC drops pairs below 0.5).</summary>
    internal static double PairFloor = 0.75;

    /// <summary>Weight of an unmatched query token relative to a met one: the query says something the entry does not.</summary>
    internal static double UnmatchedQueryWeight = 0.2;

    /// <summary>Weight of an unmatched entry token: lists give fuller names than callers type, so this costs little.</summary>
    internal static double UnmatchedEntryWeight = 0.15;

    /// <summary>
    /// Weight of unmatched tokens facing each other (the query has "gas" where the entry has "oil"): a substitution is
    /// evidence of a different party, unlike a name part one side simply leaves out. At least
    /// <see cref="UnmatchedQueryWeight"/>, which the candidate stage's bound relies on.
    /// </summary>
    internal static double ConflictWeight = 2.0;

    /// <summary>A met pair counts 1 − sharpness × (1 − similarity): typos (0.95) stay close to 1, look-alikes (0.82) drop.</summary>
    internal static double PairSharpness = 1.5;

    /// <summary>
    /// Weight of an unmatched distinctive query token when at most one distinctive token met: "Sara Ray" against the
    /// alias "SARA" hangs on one common name, so what the query adds weighs as in logic-v2. At least
    /// <see cref="UnmatchedQueryWeight"/>.
    /// </summary>
    internal static double SingleAnchorQueryWeight = 0.8;

    /// <summary>Scale of a consonant-skeleton match (romanised Arabic or Hebrew against Latin): vowels are guessed.</summary>
    internal static double AbjadCertainty = 0.95;

    /// <summary>Token weight factors by kind.</summary>
    internal static double WeakFactor = 0.15;

    internal static double GenericFactor = 0.5;

    internal static double ParticleFactor = 0.2;

    internal static double InitialFactor = 0.8;

    internal static double LocationFactor = 0.7;

    internal static double NumberFactor = 1.3;

    /// <summary>Token weight grows with length to this power (capped at <see cref="LengthCap"/> characters).</summary>
    internal static double LengthExponent = 0.5;

    internal static int LengthCap = 12;

    /// <summary>Similarity of an initial and a word starting with it (J ~ John).</summary>
    internal static double InitialSimilarity = 0.85;

    /// <summary>The most a name can score when only weak tokens (legal forms) met.</summary>
    internal static double WeakOnlyCap = 0.5;

    /// <summary>Multiplier when both sides have numbers left unmatched (Plant 5 vs Plant 6).</summary>
    internal static double NumberMismatchFactor = 0.8;

    /// <summary>Subtracted from the score when query and entry are in different countries.</summary>
    internal static double CountryDisagreementPenalty = 0.08;

    /// <summary>Watchman's length-ratio penalty: below this shorter/longer ratio the similarity is scaled down.</summary>
    internal static double LengthRatioLimit = 0.9;

    internal static double LengthRatioScale = 0.3;
}
