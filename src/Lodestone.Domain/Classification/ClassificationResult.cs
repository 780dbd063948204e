namespace Lodestone.Domain.Classification;

/// <summary>One control entry a product falls under, and why.</summary>
public sealed record ClassificationMatch(string Code, string Reason);

/// <summary>
/// The outcome of classifying a product on a date. <see cref="Controlled"/> is true when it falls under
/// at least one entry in force. <see cref="MissingEvidence"/> lists what a reviewer still needs; a product
/// with missing evidence is never reported as cleanly "not controlled".
/// </summary>
public sealed record ClassificationResult(
    DateOnly AsOf,
    string ControlListVersion,
    IReadOnlyList<ClassificationMatch> Entries,
    IReadOnlyList<string> MissingEvidence,
    IReadOnlyList<string> Notes)
{
    /// <summary>True when the product is controlled on the date.</summary>
    public bool Controlled => Entries.Count > 0;

    /// <summary>True when the controlled status cannot be settled from the evidence given.</summary>
    public bool HasMissingEvidence => MissingEvidence.Count > 0;
}
