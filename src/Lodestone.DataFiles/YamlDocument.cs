using System.Globalization;
using Lodestone.Domain.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lodestone.DataFiles;

/// <summary>
/// A thin, strict reader over YamlDotNet's representation model: every accessor knows its line, so a
/// bad value is reported as "file:line: field: problem", and unknown keys are refused instead of ignored.
/// </summary>
internal sealed class YamlDocument
{
    private YamlDocument(string file, YamlNode root)
    {
        File = file;
        Root = root;
    }

    public string File { get; }

    public YamlNode Root { get; }

    public static YamlDocument Parse(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new DataFileException(file, (int)ex.Start.Line, null, $"not valid YAML: {ex.InnerException?.Message ?? ex.Message}", ex);
        }

        if (stream.Documents.Count == 0)
        {
            throw new DataFileException(file, 1, null, "the file is empty.");
        }

        return new YamlDocument(file, stream.Documents[0].RootNode);
    }

    public DataFileException Error(YamlNode node, string? field, string problem) => new(File, Line(node), field, problem);

    public static int Line(YamlNode node) => (int)node.Start.Line;

    public YamlMappingNode Mapping(YamlNode node, string field, params string[] allowedKeys)
    {
        if (node is not YamlMappingNode map)
        {
            throw Error(node, field, "expected a mapping (key: value pairs).");
        }

        foreach (var key in map.Children.Keys)
        {
            var name = ((YamlScalarNode)key).Value ?? string.Empty;
            if (!allowedKeys.Contains(name, StringComparer.Ordinal))
            {
                throw Error(key, $"{field}.{name}", $"unknown key; allowed: {string.Join(", ", allowedKeys)}.");
            }
        }

        return map;
    }

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public string? OptionalString(YamlMappingNode map, string key, string field)
    {
        var node = Get(map, key);
        if (node is null || IsNull(node))
        {
            return null;
        }

        return node is YamlScalarNode scalar ? scalar.Value : throw Error(node, field, "expected a single value.");
    }

    public string RequiredString(YamlMappingNode map, string key, string field)
    {
        var value = OptionalString(map, key, field);
        return string.IsNullOrWhiteSpace(value) ? throw Error(map, field, "is required.") : value;
    }

    public DateOnly RequiredDate(YamlMappingNode map, string key, string field)
    {
        var text = RequiredString(map, key, field);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error(Get(map, key)!, field, $"'{text}' is not a date (yyyy-MM-dd).");
    }

    public decimal? OptionalDecimal(YamlMappingNode map, string key, string field)
    {
        var text = OptionalString(map, key, field);
        if (text is null)
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(Get(map, key)!, field, $"'{text}' is not a number.");
    }

    public bool? OptionalBool(YamlMappingNode map, string key, string field)
    {
        var text = OptionalString(map, key, field);
        return text switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => throw Error(Get(map, key)!, field, $"'{text}' is not true or false."),
        };
    }

    public IReadOnlyList<YamlNode> Sequence(YamlMappingNode map, string key, string field, bool required)
    {
        var node = Get(map, key);
        if (node is null || IsNull(node))
        {
            return required ? throw Error(map, field, "is required.") : [];
        }

        return node is YamlSequenceNode seq ? seq.Children.ToList() : throw Error(node, field, "expected a list.");
    }

    public IReadOnlyList<string>? OptionalStrings(YamlMappingNode map, string key, string field)
    {
        var node = Get(map, key);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlSequenceNode seq)
        {
            throw Error(node, field, "expected a list, e.g. [a, b].");
        }

        return seq.Children.Select((c, i) => c is YamlScalarNode s && s.Value is not null ? s.Value : throw Error(c, $"{field}[{i}]", "expected a single value.")).ToList();
    }

    public IReadOnlyList<TEnum>? OptionalEnums<TEnum>(YamlMappingNode map, string key, string field)
        where TEnum : struct, Enum
    {
        var values = OptionalStrings(map, key, field);
        if (values is null)
        {
            return null;
        }

        var node = (YamlSequenceNode)Get(map, key)!;
        return values.Select((v, i) => WireName.TryParse<TEnum>(v, out var e)
            ? e
            : throw Error(node.Children[i], $"{field}[{i}]", $"'{v}' is not one of: {WireName.AllowedList<TEnum>()}.")).ToList();
    }

    public TEnum RequiredEnum<TEnum>(YamlMappingNode map, string key, string field)
        where TEnum : struct, Enum
    {
        var text = RequiredString(map, key, field);
        return WireName.TryParse<TEnum>(text, out var value)
            ? value
            : throw Error(Get(map, key)!, field, $"'{text}' is not one of: {WireName.AllowedList<TEnum>()}.");
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not (YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted) } s
        && (s.Value is null or "" or "~" or "null");
}
