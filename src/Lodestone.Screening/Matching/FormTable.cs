using Lodestone.Screening.Normalisation;

namespace Lodestone.Screening.Matching;

/// <summary>A shape's weight totals, together so that the candidate stage's bound reads one cache line per shape.</summary>
/// <param name="Total">Total token weight of the form.</param>
/// <param name="Weak">Total weight of its weak tokens (legal forms).</param>
/// <param name="MaxToken">The weight of its heaviest token.</param>
internal readonly record struct FormWeights(float Total, float Weak, float MaxToken);

/// <summary>
/// An entry window of an indexed form (<see cref="Compounds.EntryWindows"/>) with its vocabulary id, so that the scorer
/// can rate each query token against it once per query form, as it does entry tokens. The id stands for the joined text and
/// kind; the split (<paramref name="ShortestPart"/>) is the form's own. What the scorer's first tests read (joined
/// length, first sound class, romanised Arabic or not) is kept here, so that a window no query token can meet costs no
/// read of its text or its row.
/// </summary>
internal readonly record struct FormWindow(int Id, byte Start, byte Length, byte ShortestPart, byte JoinedLength, byte FirstClass, bool Abjad)
{
    public TokenKind Kind => Abjad ? TokenKind.Abjad : TokenKind.None;
}

/// <summary>
/// The indexed name forms: their tokens (shared <see cref="TokenInfo"/> instances, flattened), the name each belongs
/// to, and each form's shape: forms with the same tokens in the same order share one (a million generated names hold a
/// few hundred thousand shapes, and lists repeat "Wang Wei" and "Maria Sanchez"), and the scorer gives them the same
/// score. The candidate stage works on shapes (its postings, marks and bounds depend on the tokens alone, so a common
/// name costs one candidate, not hundreds): per shape, weight totals that bound its score, and its forms.
/// </summary>
internal sealed class FormTable
{
    private readonly TokenInfo[] _tokens;
    private readonly int[] _start;
    private readonly int[] _name;
    private readonly FormWeights[] _weights;
    private readonly int[] _shape;

    /// <summary>Per shape, its forms (ascending), flattened with <see cref="_shapeFormStart"/> offsets.</summary>
    private readonly int[] _shapeForms;
    private readonly int[] _shapeFormStart;

    /// <summary>Per form, its entry windows, flattened with <see cref="_windowStart"/> offsets.</summary>
    private readonly FormWindow[] _windows;
    private readonly int[] _windowStart;

    public FormTable(TokenInfo[] tokens, int[] start, int[] name, FormWeights[] shapeWeights, int[] shape, FormWindow[] windows, int[] windowStart)
    {
        _tokens = tokens;
        _windows = windows;
        _windowStart = windowStart;
        _start = start;
        _name = name;
        _weights = shapeWeights;
        _shape = shape;
        _shapeFormStart = new int[shapeWeights.Length + 1];
        foreach (var s in shape)
        {
            _shapeFormStart[s + 1]++;
        }

        for (var s = 0; s < shapeWeights.Length; s++)
        {
            _shapeFormStart[s + 1] += _shapeFormStart[s];
        }

        _shapeForms = new int[shape.Length];
        var fill = (int[])_shapeFormStart.Clone();
        for (var form = 0; form < shape.Length; form++)
        {
            _shapeForms[fill[shape[form]]++] = form;
        }
    }

    public int Count => _name.Length;

    /// <summary>The number of distinct shapes.</summary>
    public int ShapeCount => _weights.Length;

    /// <summary>The form's shape: equal for forms of equal token sequences.</summary>
    public int Shape(int form) => _shape[form];

    /// <summary>Where a shape's forms start in the flattened list of all shapes' forms (for arrays kept alongside it).</summary>
    public int ShapeFormStart(int shape) => _shapeFormStart[shape];

    /// <summary>The forms of a shape, ascending.</summary>
    public ReadOnlySpan<int> ShapeForms(int shape) => _shapeForms.AsSpan(_shapeFormStart[shape], _shapeFormStart[shape + 1] - _shapeFormStart[shape]);

    public ReadOnlySpan<TokenInfo> Tokens(int form) => _tokens.AsSpan(_start[form], _start[form + 1] - _start[form]);

    /// <summary>The form's entry windows, in <see cref="Compounds.EntryWindows"/> order.</summary>
    public ReadOnlySpan<FormWindow> Windows(int form) => _windows.AsSpan(_windowStart[form], _windowStart[form + 1] - _windowStart[form]);

    /// <summary>The name (index into the index's name arrays) a form belongs to.</summary>
    public int Name(int form) => _name[form];

    /// <summary>A shape's weight totals.</summary>
    public FormWeights Weights(int shape) => _weights[shape];
}
