namespace Lodestone.Screening.Normalisation;

/// <summary>
/// One way of reading a name as tokens. A name with a bracketed part ("Emal Bilal Construction Company (EBCC)")
/// has two forms: the name without the bracket, and the bracket alone (usually an acronym or former name).
/// </summary>
internal sealed class NormalisedForm
{
    public NormalisedForm(NameToken[] tokens, bool fromBracket)
    {
        Tokens = tokens;
        FromBracket = fromBracket;
        Text = string.Join(' ', tokens.Select(t => t.Text));
    }

    /// <summary>The tokens, in name order (after "SURNAME, Given" reordering).</summary>
    public NameToken[] Tokens { get; }

    /// <summary>True for the form read from a bracketed part of the name.</summary>
    public bool FromBracket { get; }

    /// <summary>The tokens joined by spaces.</summary>
    public string Text { get; }
}

/// <summary>A normalised name: its forms, main form first. Empty when nothing usable remained.</summary>
internal sealed class NormalisedName(IReadOnlyList<NormalisedForm> forms)
{
    public static NormalisedName Empty { get; } = new([]);

    public IReadOnlyList<NormalisedForm> Forms { get; } = forms;

    /// <summary>The main form's text, for display.</summary>
    public string Text => Forms.Count == 0 ? string.Empty : Forms[0].Text;
}
