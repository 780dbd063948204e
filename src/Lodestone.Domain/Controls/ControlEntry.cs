using Lodestone.Domain.Classification;

namespace Lodestone.Domain.Controls;

/// <summary>
/// One controlled sub-item, such as 1C905.a.4 (Dy-containing NdFeB magnets). A product falls under it
/// when its form is one of <see cref="Forms"/>, it contains <see cref="Element"/> above
/// <see cref="MinPercent"/>, and it contains every element of <see cref="AlsoRequires"/>.
/// </summary>
/// <param name="Code">The control code, e.g. <c>1C905.a.4</c>.</param>
/// <param name="Element">The controlled element's symbol.</param>
/// <param name="Title">What the sub-item covers, in words.</param>
/// <param name="Forms">The product forms it covers.</param>
/// <param name="MinPercent">
/// The wt% the element must exceed. Ann. 18 sets no de-minimis, so this is 0 ("any amount") for
/// every Ann. 18 entry; the field exists because later instruments may set one.
/// </param>
/// <param name="AlsoRequires">Other elements that must be present (e.g. Co for SmCo magnets).</param>
/// <param name="HsCodes">Reference HS codes (for reference only: customs has one code for all RE magnets).</param>
/// <param name="InstrumentId">The instrument that lists it.</param>
/// <param name="Note">Caveats on the entry's numbering or scope.</param>
public sealed record ControlEntry(
    string Code,
    string Element,
    string Title,
    IReadOnlyList<ProductForm> Forms,
    decimal MinPercent,
    IReadOnlyList<string> AlsoRequires,
    IReadOnlyList<string> HsCodes,
    string InstrumentId,
    string? Note)
{
    /// <summary>The heading, e.g. <c>1C905</c> for <c>1C905.a.4</c>.</summary>
    public string Heading => Code.Split('.')[0];
}
