using System.Text.Json;

namespace Lodestone.DataFiles.Lists;

/// <summary>
/// Typed access to one JSON record, with errors that name the file, the record's line and the JSON path of
/// the value (<c>results[3].alt_names[1]</c>). Wrong types are refused, never coerced.
/// </summary>
internal sealed class JsonFields
{
    private readonly string _file;
    private readonly int _line;
    private readonly string _path;
    private readonly ListReadLimits _limits;

    public JsonFields(string file, int line, string path, ListReadLimits limits)
    {
        _file = file;
        _line = line;
        _path = path;
        _limits = limits;
    }

    public DataFileException Error(string field, string problem) =>
        new(_file, _line, _path.Length == 0 ? field : $"{_path}.{field}", problem);

    /// <summary>A string property, trimmed; null when absent, null or empty. Numbers are taken (as written) only when <paramref name="allowNumber"/>, for ids.</summary>
    public string? Scalar(JsonElement obj, string property, string? parent = null, bool allowNumber = false)
    {
        var field = parent is null ? property : $"{parent}.{property}";
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(property, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number when allowNumber => value.GetRawText(),
            _ => throw Error(field, $"expected a string, found {Describe(value.ValueKind)}."),
        };
        return Checked(text?.Trim(), field) is { Length: > 0 } t ? t : null;
    }

    /// <summary>An array of strings (null or absent: empty); empty items are dropped.</summary>
    public List<string> Strings(JsonElement obj, string property, string? parent = null)
    {
        var field = parent is null ? property : $"{parent}.{property}";
        var list = new List<string>();
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return list;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(field, $"expected an array of strings, found {Describe(value.ValueKind)}.");
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw Error($"{field}[{i}]", $"expected a string, found {Describe(item.ValueKind)}.");
            }

            if (Checked(item.GetString()!.Trim(), $"{field}[{i}]") is { Length: > 0 } text)
            {
                list.Add(text);
            }

            i++;
        }

        return list;
    }

    /// <summary>An array of objects (null or absent: none).</summary>
    public List<(JsonElement Element, int Index)> Objects(JsonElement obj, string property)
    {
        var list = new List<(JsonElement, int)>();
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return list;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(property, $"expected an array of objects, found {Describe(value.ValueKind)}.");
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            list.Add(item.ValueKind == JsonValueKind.Object ? (item, i) : throw Error($"{property}[{i}]", $"expected an object, found {Describe(item.ValueKind)}."));
            i++;
        }

        return list;
    }

    private string? Checked(string? text, string field) =>
        text is { Length: var n } && n > _limits.MaxFieldLength
            ? throw Error(field, $"the value is {n:N0} characters long; the limit is {_limits.MaxFieldLength:N0}.")
            : text;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        _ => "null",
    };
}
