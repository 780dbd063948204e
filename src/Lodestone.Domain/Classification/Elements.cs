namespace Lodestone.Domain.Classification;

/// <summary>Chemical element symbols, so that a composition never names an element that does not exist.</summary>
public static class Elements
{
    private static readonly Dictionary<string, string> BySymbolIgnoringCase = """
        H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr
        Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu
        Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr
        Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
        .ToDictionary(s => s, s => s, StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns the canonical symbol ("dy" → "Dy"), or false for anything that is not an element.</summary>
    public static bool TryNormalize(string? symbol, out string canonical)
    {
        if (symbol is not null && BySymbolIgnoringCase.TryGetValue(symbol.Trim(), out var found))
        {
            canonical = found;
            return true;
        }

        canonical = string.Empty;
        return false;
    }
}
