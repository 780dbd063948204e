using Lodestone.DataFiles.Lists;
using Lodestone.Domain.Routing;

namespace Lodestone.DataFiles;

/// <summary>One list named in <c>data/lists/lists.yaml</c>: what it is and which file holds its entries.</summary>
public sealed record ListDescriptor(
    string Id,
    string Name,
    string Authority,
    ListKind Kind,
    string File,
    ListFileFormat Format,
    string? Description);

/// <summary>The default lists file, <c>data/lists/lists.yaml</c>; file paths are resolved beside it.</summary>
public static class ListCatalogFile
{
    public static IReadOnlyList<ListDescriptor> Parse(string file, string text)
    {
        var doc = YamlDocument.Parse(file, text);
        var root = doc.Mapping(doc.Root, "(root)", "lists");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var directory = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        return doc.Sequence(root, "lists", "lists", required: true).Select((node, i) =>
        {
            var f = $"lists[{i}]";
            var map = doc.Mapping(node, f, "id", "name", "authority", "kind", "file", "format", "description", "source", "sourceUrl", "licence", "notes");
            var id = doc.RequiredString(map, "id", $"{f}.id");
            if (!ids.Add(id))
            {
                throw doc.Error(node, $"{f}.id", $"'{id}' is used twice.");
            }

            var path = Path.Combine(directory, doc.RequiredString(map, "file", $"{f}.file"));
            if (!System.IO.File.Exists(path))
            {
                throw doc.Error(node, $"{f}.file", $"{path} does not exist.");
            }

            var formatText = doc.OptionalString(map, "format", $"{f}.format") ?? "lodestone";
            if (!ListFileFormats.TryParse(formatText, out var format))
            {
                throw doc.Error(node, $"{f}.format", $"'{formatText}' is not one of: {ListFileFormats.Allowed}.");
            }

            return new ListDescriptor(
                id,
                doc.RequiredString(map, "name", $"{f}.name"),
                doc.RequiredString(map, "authority", $"{f}.authority"),
                doc.RequiredEnum<ListKind>(map, "kind", $"{f}.kind"),
                path,
                format,
                doc.OptionalString(map, "description", $"{f}.description"));
        }).ToList();
    }

    public static IReadOnlyList<ListDescriptor> Load(string path) => Parse(path, System.IO.File.ReadAllText(path));
}
