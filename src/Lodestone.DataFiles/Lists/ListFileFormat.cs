namespace Lodestone.DataFiles.Lists;

/// <summary>The restricted-party list file formats Lodestone reads. Wire names: <c>lodestone</c>, <c>csl</c>, <c>ofac</c>, <c>ftm</c>.</summary>
public enum ListFileFormat
{
    /// <summary>Lodestone's own CSV (docs/lists.md): the format of the shipped lists.</summary>
    Lodestone,

    /// <summary>The trade.gov Consolidated Screening List, as CSV or JSON.</summary>
    Csl,

    /// <summary>OFAC's legacy SDN CSV (<c>sdn.csv</c>), optionally with <c>alt.csv</c> and <c>add.csv</c>.</summary>
    Ofac,

    /// <summary>OpenSanctions FollowTheMoney entities, one JSON object per line.</summary>
    Ftm,
}

/// <summary>Wire names of <see cref="ListFileFormat"/>.</summary>
public static class ListFileFormats
{
    /// <summary>The wire name of a format (<c>lodestone</c>, <c>csl</c>, <c>ofac</c>, <c>ftm</c>).</summary>
    public static string WireName(this ListFileFormat format) => Domain.Common.WireName.Of(format);

    /// <summary>Parses a wire name, case-insensitively.</summary>
    public static bool TryParse(string? text, out ListFileFormat format) => Domain.Common.WireName.TryParse(text, out format);

    /// <summary>The accepted wire names, comma-separated, for messages.</summary>
    public static string Allowed => Domain.Common.WireName.AllowedList<ListFileFormat>();
}
