namespace Lodestone.Screening.Matching;

/// <summary>A form's weight totals, together so that the candidate stage's bound reads one cache line per form.</summary>
/// <param name="Total">Total token weight of the form.</param>
/// <param name="Weak">Total weight of its weak tokens (legal forms).</param>
/// <param name="MaxToken">The weight of its heaviest token.</param>
internal readonly record struct FormWeights(float Total, float Weak, float MaxToken);

/// <summary>
/// The indexed name forms: their tokens (shared <see cref="TokenInfo"/> instances, flattened), the name each belongs
/// to, per-form weight totals that let the candidate stage bound a form's score before scoring it, and each form's
/// shape: forms with the same tokens in the same order share one (a million generated names hold a few hundred
/// thousand shapes, and lists repeat "Wang Wei" and "Maria Sanchez"), and the scorer gives them the same score.
/// </summary>
internal sealed class FormTable(TokenInfo[] tokens, int[] start, int[] name, FormWeights[] weights, int[] shape, int shapeCount)
{
    public int Count => name.Length;

    /// <summary>The number of distinct shapes.</summary>
    public int ShapeCount => shapeCount;

    /// <summary>The form's shape: equal for forms of equal token sequences.</summary>
    public int Shape(int form) => shape[form];

    public ReadOnlySpan<TokenInfo> Tokens(int form) => tokens.AsSpan(start[form], start[form + 1] - start[form]);

    /// <summary>The name (index into the index's name arrays) a form belongs to.</summary>
    public int Name(int form) => name[form];

    /// <summary>The form's weight totals.</summary>
    public FormWeights Weights(int form) => weights[form];
}
