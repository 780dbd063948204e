namespace Lodestone.DataFiles;

/// <summary>A data file that cannot be loaded, with the place of the fault.</summary>
public sealed class DataFileException : Exception
{
    public DataFileException(string file, int line, string? field, string problem, Exception? inner = null)
        : base(Format(file, line, field, problem), inner)
    {
        File = file;
        Line = line;
        Field = field;
        Problem = problem;
    }

    /// <summary>The file (as given to the loader).</summary>
    public string File { get; }

    /// <summary>1-based line, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The field at fault, if any.</summary>
    public string? Field { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    private static string Format(string file, int line, string? field, string problem) =>
        $"{file}{(line > 0 ? $":{line}" : string.Empty)}: {(field is null ? string.Empty : $"{field}: ")}{problem}";
}
