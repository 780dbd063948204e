namespace Lodestone.Screening.Matching;

/// <summary>A form's weight totals, together so that the candidate stage's bound reads one cache line per form.</summary>
/// <param name="Total">Total token weight of the form.</param>
/// <param name="Weak">Total weight of its weak tokens (legal forms).</param>
/// <param name="MaxToken">The weight of its heaviest token.</param>
internal readonly record struct FormWeights(float Total, float Weak, float MaxToken);

/// <summary>
/// The indexed name forms: their tokens (shared <see cref="TokenInfo"/> instances, flattened), the name each belongs
/// to, and per-form weight totals that let the candidate stage bound a form's score before scoring it.
/// </summary>
internal sealed class FormTable(TokenInfo[] tokens, int[] start, int[] name, FormWeights[] weights)
{
    public int Count => name.Length;

    public ReadOnlySpan<TokenInfo> Tokens(int form) => tokens.AsSpan(start[form], start[form + 1] - start[form]);

    /// <summary>The name (index into the index's name arrays) a form belongs to.</summary>
    public int Name(int form) => name[form];

    /// <summary>The form's weight totals.</summary>
    public FormWeights Weights(int form) => weights[form];
}
