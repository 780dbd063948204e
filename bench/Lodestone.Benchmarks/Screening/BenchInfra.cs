using System.Globalization;
using System.Text;

namespace Lodestone.Benchmarks.Screening;

/// <summary>
/// Command-line options of the screening modes: <c>--key value</c> pairs after the mode name.
/// </summary>
internal sealed class BenchOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private BenchOptions()
    {
    }

    public static BenchOptions Parse(IEnumerable<string> args)
    {
        var options = new BenchOptions();
        string? key = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (key is not null)
                {
                    options._values[key] = "true";
                }

                key = arg[2..];
            }
            else if (key is not null)
            {
                options._values[key] = arg;
                key = null;
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }
        }

        if (key is not null)
        {
            options._values[key] = "true";
        }

        return options;
    }

    public string? String(string key) => _values.TryGetValue(key, out var v) ? v : null;

    public int Int(string key, int fallback) =>
        _values.TryGetValue(key, out var v) ? int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string key) => _values.TryGetValue(key, out var v) && v is "true" or "1" or "yes";
}

/// <summary>
/// Where things are. Third-party evaluation data and the licence-restricted raw files are read in
/// place from the shared folder (by default <c>../shared</c> beside the repository root), never copied
/// into the repository.
/// </summary>
internal sealed record BenchPaths(string RepoRoot, string Shared)
{
    public string Eval => Path.Combine(Shared, "data", "eval");

    public string Raw => Path.Combine(Shared, "data", "raw");

    public string SdnFile => Path.Combine(Raw, "ofac_sdn", "sdn_2024-05-03.csv");

    public string NsfregFolder => Path.Combine(Raw, "us_restricted_lists_nsfreg");

    public string ListsYaml => Path.Combine(RepoRoot, "data", "lists", "lists.yaml");

    /// <summary>
    /// Names the engine binary measured: the module version id of the loaded Lodestone.Screening assembly
    /// (builds are deterministic, so the same sources give the same id) and the assembly file's write time.
    /// </summary>
    public static string EngineVersion()
    {
        var assembly = typeof(Lodestone.Screening.Matching.ScreeningIndex).Assembly;
        var written = File.Exists(assembly.Location) ? File.GetLastWriteTimeUtc(assembly.Location).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : "unknown";
        return $"Lodestone.Screening MVID {assembly.ManifestModule.ModuleVersionId.ToString()[..8]}, built {written}";
    }

    /// <summary>The 1-, 5- and 15-minute load averages (Linux), to show whether the shared machine was busy.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static BenchPaths Resolve(BenchOptions options)
    {
        var root = FindRepoRoot(Directory.GetCurrentDirectory()) ?? FindRepoRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Cannot find the repository root (Lodestone.slnx) above the current directory.");
        var shared = Path.GetFullPath(Path.Combine(root, options.String("shared") ?? Path.Combine("..", "shared")));
        if (!Directory.Exists(Path.Combine(shared, "data", "eval")))
        {
            throw new InvalidOperationException($"No evaluation data at {shared}/data/eval; pass --shared PATH.");
        }

        return new BenchPaths(root, shared);
    }

    private static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lodestone.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

/// <summary>A small RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF.</summary>
internal static class Csv
{
    public static List<string[]> Read(string path, Encoding? encoding = null)
    {
        var text = File.ReadAllText(path, encoding ?? Encoding.UTF8);
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    rows.Add([.. fields]);
                    fields.Clear();
                    break;
                default:
                    field.Append(c);
                    break;
            }

            i++;
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }

        return rows;
    }

    /// <summary>Rows as dictionaries keyed by the header row.</summary>
    public static List<Dictionary<string, string>> ReadWithHeader(string path)
    {
        var rows = Read(path);
        var header = rows[0];
        return [.. rows.Skip(1).Where(r => r.Length == header.Length).Select(r =>
        {
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                d[header[i]] = r[i];
            }

            return d;
        })];
    }
}

/// <summary>English country names (as the lists and the yente negatives spell them) to ISO 3166-1 alpha-2.</summary>
internal static class Countries
{
    private static readonly Dictionary<string, string> ByName = Build();

    public static string? ToIso2(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var key = name.Trim();
        if (key.Length == 2 && key.All(char.IsAsciiLetter))
        {
            return key.ToUpperInvariant();
        }

        return ByName.TryGetValue(key, out var code) ? code : null;
    }

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(culture.Name);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (region.TwoLetterISORegionName.Length == 2 && !region.TwoLetterISORegionName.Any(char.IsDigit))
            {
                map.TryAdd(region.EnglishName, region.TwoLetterISORegionName);
                map.TryAdd(region.EnglishName.Replace(" SAR China", "", StringComparison.Ordinal), region.TwoLetterISORegionName);
            }
        }

        foreach (var (name, code) in new[]
        {
            ("China", "CN"), ("Hong Kong", "HK"), ("Macau", "MO"), ("Macao", "MO"), ("Taiwan", "TW"), ("Russia", "RU"),
            ("Iran", "IR"), ("Syria", "SY"), ("North Korea", "KP"), ("South Korea", "KR"), ("Korea", "KR"), ("Burma", "MM"),
            ("Myanmar", "MM"), ("Turkey", "TR"), ("Türkiye", "TR"), ("United States", "US"), ("United Kingdom", "GB"),
            ("United Arab Emirates", "AE"), ("UAE", "AE"), ("Vietnam", "VN"), ("Laos", "LA"), ("Czech Republic", "CZ"),
            ("Czechia", "CZ"), ("Ivory Coast", "CI"), ("Cote d'Ivoire", "CI"), ("Congo", "CG"), ("Democratic Republic of the Congo", "CD"),
            ("Palestine", "PS"), ("Venezuela", "VE"), ("Bolivia", "BO"), ("Tanzania", "TZ"), ("Moldova", "MD"),
            ("Cape Verde", "CV"), ("Eswatini", "SZ"), ("Swaziland", "SZ"), ("Macedonia", "MK"), ("North Macedonia", "MK"),
            ("Brunei", "BN"), ("Micronesia", "FM"), ("Vatican City", "VA"), ("Kosovo", "XK"),
        })
        {
            map[name] = code;
        }

        return map;
    }
}

/// <summary>Percentiles, medians and number formatting for the reports.</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        // Nearest rank: the smallest value with at least p of the sample at or below it.
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static string F(double value, int decimals = 3) =>
        double.IsNaN(value) ? "n/a" : value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Pct(double value, int decimals = 1) =>
        double.IsNaN(value) ? "n/a" : (value * 100).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " %";

    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Ms(double ms) => ms < 1
        ? ms.ToString("0.000", CultureInfo.InvariantCulture) + " ms"
        : ms.ToString("N2", CultureInfo.InvariantCulture) + " ms";

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " MB";
}

/// <summary>Writes Markdown to the console and, with <c>--out FILE</c>, to a file as well.</summary>
internal sealed class Report : IDisposable
{
    private readonly StreamWriter? _file;

    public Report(string? path)
    {
        if (path is not null)
        {
            _file = new StreamWriter(path, append: false, new UTF8Encoding(false));
        }
    }

    public void Line(string text = "")
    {
        Console.WriteLine(text);
        Console.Out.Flush();
        _file?.WriteLine(text);
        _file?.Flush();
    }

    public void Heading(string text)
    {
        Line();
        Line(text);
        Line();
    }

    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? align = null)
    {
        Line("| " + string.Join(" | ", header) + " |");
        Line("|" + string.Concat(header.Select((_, i) => (align is null ? i == 0 : i < align.Length && align[i] == 'l') ? "---|" : "---:|")));
        foreach (var row in rows)
        {
            Line("| " + string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
        }
    }

    public void Dispose() => _file?.Dispose();
}

/// <summary>The writing system of a name, by the Unicode block of its first letter.</summary>
internal static class Scripts
{
    public static string Of(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            return c switch
            {
                < '\u0250' => "Latin",
                >= '\u1E00' and <= '\u1EFF' => "Latin",
                >= '\u0370' and <= '\u03FF' => "Greek",
                >= '\u0400' and <= '\u052F' => "Cyrillic",
                >= '\u0530' and <= '\u058F' => "Armenian",
                >= '\u0590' and <= '\u05FF' => "Hebrew",
                >= '\u0600' and <= '\u06FF' => "Arabic",
                >= '\u0750' and <= '\u08FF' => "Arabic",
                >= '\uFB50' and <= '\uFEFF' => "Arabic",
                >= '\u0900' and <= '\u097F' => "Devanagari",
                >= '\u0980' and <= '\u0DFF' => "Other Indic",
                >= '\u0E00' and <= '\u0E7F' => "Thai",
                >= '\u10A0' and <= '\u10FF' => "Georgian",
                >= '\u1100' and <= '\u11FF' => "Hangul",
                >= '\uAC00' and <= '\uD7AF' => "Hangul",
                >= '\u3040' and <= '\u30FF' => "Japanese kana",
                >= '\u3400' and <= '\u9FFF' => "Han",
                _ => "Other",
            };
        }

        return "None";
    }
}
