namespace Lodestone.Screening.Normalisation;

/// <summary>What a normalised token is, as far as weighing and comparing it goes.</summary>
[Flags]
internal enum TokenKind : byte
{
    /// <summary>An ordinary name word.</summary>
    None = 0,

    /// <summary>A legal form or similar filler (co, ltd, 有限公司, group): counts little and never makes a match alone.</summary>
    Weak = 1,

    /// <summary>A common organisation word (technology, china, international): counts less because many names share it.</summary>
    Generic = 2,

    /// <summary>A name particle (al, bin, van): counts less, as it says little about who is named.</summary>
    Particle = 4,

    /// <summary>Contains a digit: must match exactly.</summary>
    Number = 8,

    /// <summary>A single letter, usually an initial.</summary>
    Initial = 16,

    /// <summary>Romanised from a script that writes few vowels (Arabic, Hebrew): compared by consonant skeleton.</summary>
    Abjad = 32,

    /// <summary>A place name (Beijing, Shenzhen): counts somewhat less.</summary>
    Location = 64,

    /// <summary>A very common given name or surname (Mohammad, Kim, Wang): counts less, like a common word.</summary>
    CommonName = 128,
}
