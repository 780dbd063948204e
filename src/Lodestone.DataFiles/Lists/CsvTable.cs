using CsvHelper;

namespace Lodestone.DataFiles.Lists;

/// <summary>
/// Strict RFC 4180 reading over CsvHelper: comma only (never sniffed), malformed quoting refused, and every
/// record placed on the physical line where it starts, so that a field after a quoted line break is still
/// reported on its own line.
/// </summary>
internal sealed class CsvTable
{
    private readonly string _file;
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly ListReadLimits _limits;

    /// <param name="utf8">Valid UTF-8 without a byte order mark.</param>
    public CsvTable(string file, ReadOnlyMemory<byte> utf8, ListReadLimits limits)
    {
        _file = file;
        _utf8 = utf8;
        _limits = limits;
    }

    /// <summary>The column names once the header is known, for error messages.</summary>
    public IReadOnlyList<string>? Names { get; set; }

    public string File => _file;

    public string FieldName(int index) =>
        Names is { } names && index < names.Count ? names[index] : $"column {index + 1}";

    /// <summary>The records in order; empty lines are passed over.</summary>
    public IEnumerable<CsvRecord> Records()
    {
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            PoolStrings = false,
        };
        using var reader = CsvReader.Create(_utf8, options);
        while (Next(reader))
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }

            var record = new CsvRecord(this, checked((int)reader.LineNumber), fields);
            for (var i = 0; i < fields.Length; i++)
            {
                if (fields[i].Length > _limits.MaxFieldLength)
                {
                    throw record.Error(i, $"the value is {fields[i].Length:N0} characters long; the limit is {_limits.MaxFieldLength:N0}.");
                }
            }

            yield return record;
        }
    }

    private bool Next(CsvReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException ex)
        {
            throw Malformed(ex);
        }
    }

    /// <summary>
    /// CsvHelper names the record; re-walking it finds the field at fault and the line its opening quote is on
    /// (CsvHelper's byte offset is only "near" the fault, at the end of the input for an unclosed quote).
    /// </summary>
    private DataFileException Malformed(CsvFormatException ex)
    {
        var bytes = _utf8.Span;
        var start = LineStart(bytes, (int)Math.Max(ex.LineNumber, 1));
        var (field, fieldStart, problem) = Walk(bytes, start);
        var line = ListInput.LineAt(bytes, fieldStart);
        return new DataFileException(_file, line, FieldName(field), problem ?? $"malformed CSV: {ex.Message}", ex);
    }

    private static int LineStart(ReadOnlySpan<byte> bytes, int line)
    {
        var offset = 0;
        for (var current = 1; current < line; current++)
        {
            var next = bytes[offset..].IndexOf((byte)'\n');
            if (next < 0)
            {
                return bytes.Length;
            }

            offset += next + 1;
        }

        return offset;
    }

    private static (int Field, int FieldStart, string? Problem) Walk(ReadOnlySpan<byte> bytes, int start)
    {
        const int FieldStart = 0, Unquoted = 1, Quoted = 2, AfterQuote = 3;
        var state = FieldStart;
        var field = 0;
        var fieldStart = start;
        for (var i = start; i < bytes.Length; i++)
        {
            var c = bytes[i];
            var lineBreak = c is (byte)'\n' or (byte)'\r';
            switch (state)
            {
                case FieldStart or Unquoted or AfterQuote when lineBreak:
                    return (field, fieldStart, null);
                case FieldStart or Unquoted or AfterQuote when c == (byte)',':
                    field++;
                    fieldStart = i + 1;
                    state = FieldStart;
                    break;
                case FieldStart:
                    state = c == (byte)'"' ? Quoted : Unquoted;
                    break;
                case Unquoted when c == (byte)'"':
                    return (field, fieldStart, "malformed CSV: a quote inside an unquoted field; quote the whole value and double the inner quotes (\"\").");
                case Quoted when c == (byte)'"':
                    if (i + 1 < bytes.Length && bytes[i + 1] == (byte)'"')
                    {
                        i++;
                    }
                    else
                    {
                        state = AfterQuote;
                    }

                    break;
                case AfterQuote:
                    return (field, fieldStart, "malformed CSV: text after the closing quote of a quoted field.");
                default:
                    break;
            }
        }

        return state == Quoted
            ? (field, fieldStart, "malformed CSV: a quoted field is never closed (the file may be truncated).")
            : (field, fieldStart, null);
    }
}

/// <summary>One CSV record with the line it starts on.</summary>
internal sealed class CsvRecord
{
    private readonly CsvTable _table;

    public CsvRecord(CsvTable table, int line, string[] fields)
    {
        _table = table;
        Line = line;
        Fields = fields;
    }

    public int Line { get; }

    public IReadOnlyList<string> Fields { get; }

    public int Count => Fields.Count;

    /// <summary>The physical line of a field: the record's first line plus the line breaks inside the fields before it.</summary>
    public int LineOf(int index)
    {
        var line = Line;
        for (var i = 0; i < index && i < Fields.Count; i++)
        {
            line += Fields[i].AsSpan().Count('\n');
        }

        return line;
    }

    /// <summary>The trimmed value of a field; empty when the record is shorter.</summary>
    public string Value(int index) => index < Fields.Count ? Fields[index].Trim() : string.Empty;

    public DataFileException Error(int index, string problem) => new(_table.File, LineOf(index), _table.FieldName(index), problem);

    /// <summary>Refuses a record whose field count is not the header's, naming the first missing or extra column.</summary>
    public void RequireCount(int expected)
    {
        if (Count < expected)
        {
            throw new DataFileException(_table.File, LineOf(Count), _table.FieldName(Count), $"the record has {Count} fields; {expected} are expected (a missing comma or an unquoted line break?).");
        }

        if (Count > expected)
        {
            throw new DataFileException(_table.File, LineOf(expected), $"column {expected + 1}", $"the record has {Count} fields; {expected} are expected (an unquoted comma?).");
        }
    }
}
