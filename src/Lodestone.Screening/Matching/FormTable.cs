namespace Lodestone.Screening.Matching;

/// <summary>
/// The indexed name forms: their tokens (shared <see cref="TokenInfo"/> instances, flattened), the name each belongs
/// to, and per-form weight totals that let the candidate stage bound a form's score before scoring it.
/// </summary>
internal sealed class FormTable(TokenInfo[] tokens, int[] start, int[] name, float[] weight, float[] weakWeight, float[] maxTokenWeight)
{
    public int Count => name.Length;

    public ReadOnlySpan<TokenInfo> Tokens(int form) => tokens.AsSpan(start[form], start[form + 1] - start[form]);

    /// <summary>The name (index into the index's name arrays) a form belongs to.</summary>
    public int Name(int form) => name[form];

    /// <summary>Total token weight of a form.</summary>
    public float Weight(int form) => weight[form];

    /// <summary>Total weight of a form's weak tokens (legal forms).</summary>
    public float WeakWeight(int form) => weakWeight[form];

    /// <summary>The weight of a form's heaviest token.</summary>
    public float MaxTokenWeight(int form) => maxTokenWeight[form];
}
