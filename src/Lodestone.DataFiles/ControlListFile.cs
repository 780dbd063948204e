using Lodestone.Domain.Classification;
using Lodestone.Domain.Common;
using Lodestone.Domain.Controls;

namespace Lodestone.DataFiles;

/// <summary>Loads <c>data/control-list.yaml</c>.</summary>
public static class ControlListFile
{
    /// <summary>Parses the control list from text; <paramref name="file"/> names it in errors.</summary>
    public static ControlList Parse(string file, string text)
    {
        var doc = YamlDocument.Parse(file, text);
        var root = doc.Mapping(doc.Root, "(root)", "version", "instruments", "entries");
        var version = doc.RequiredString(root, "version", "version");

        var instruments = doc.Sequence(root, "instruments", "instruments", required: true).Select((node, i) =>
        {
            var field = $"instruments[{i}]";
            var map = doc.Mapping(node, field, "id", "title", "effectiveFrom", "source", "suspensions");
            var suspensions = doc.Sequence(map, "suspensions", $"{field}.suspensions", required: false).Select((s, j) =>
            {
                var sf = $"{field}.suspensions[{j}]";
                var sm = doc.Mapping(s, sf, "from", "until", "by");
                var from = doc.RequiredDate(sm, "from", $"{sf}.from");
                var until = doc.RequiredDate(sm, "until", $"{sf}.until");
                return until < from
                    ? throw doc.Error(s, sf, "'until' is before 'from'.")
                    : new Suspension(from, until, doc.RequiredString(sm, "by", $"{sf}.by"));
            }).ToList();
            return new Instrument(
                doc.RequiredString(map, "id", $"{field}.id"),
                doc.RequiredString(map, "title", $"{field}.title"),
                doc.RequiredDate(map, "effectiveFrom", $"{field}.effectiveFrom"),
                suspensions,
                doc.OptionalString(map, "source", $"{field}.source"));
        }).ToList();

        var entries = doc.Sequence(root, "entries", "entries", required: true).Select((node, i) =>
        {
            var field = $"entries[{i}]";
            var map = doc.Mapping(node, field, "code", "element", "title", "forms", "minPercent", "alsoRequires", "hsCodes", "instrument", "note");
            var element = Element(doc, map, "element", $"{field}.element");
            var forms = doc.OptionalEnums<ProductForm>(map, "forms", $"{field}.forms") ?? throw doc.Error(node, $"{field}.forms", "is required.");
            var also = (doc.OptionalStrings(map, "alsoRequires", $"{field}.alsoRequires") ?? [])
                .Select(s => Elements.TryNormalize(s, out var c) ? c : throw doc.Error(node, $"{field}.alsoRequires", $"'{s}' is not an element.")).ToList();
            return new ControlEntry(
                doc.RequiredString(map, "code", $"{field}.code"),
                element,
                doc.RequiredString(map, "title", $"{field}.title"),
                forms,
                doc.OptionalDecimal(map, "minPercent", $"{field}.minPercent") ?? 0m,
                also,
                doc.OptionalStrings(map, "hsCodes", $"{field}.hsCodes") ?? [],
                doc.RequiredString(map, "instrument", $"{field}.instrument"),
                doc.OptionalString(map, "note", $"{field}.note"));
        }).ToList();

        try
        {
            return ControlList.Create(version, instruments, entries);
        }
        catch (DomainException ex)
        {
            throw new DataFileException(file, 0, ex.Field, ex.Message, ex);
        }
    }

    /// <summary>Loads the control list from a file.</summary>
    public static ControlList Load(string path) => Parse(path, File.ReadAllText(path));

    private static string Element(YamlDocument doc, YamlDotNet.RepresentationModel.YamlMappingNode map, string key, string field)
    {
        var text = doc.RequiredString(map, key, field);
        return Elements.TryNormalize(text, out var symbol) ? symbol : throw doc.Error(YamlDocument.Get(map, key)!, field, $"'{text}' is not an element symbol.");
    }
}
