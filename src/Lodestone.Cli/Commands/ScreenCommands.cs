using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Lodestone.Services;
using Lodestone.Services.Contracts;
using Lodestone.Services.Screening;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Lodestone.Cli.Commands;

/// <summary><c>lodestone screen "name"</c> and <c>lodestone screen-batch in.csv --out out.jsonl</c>.</summary>
internal static class ScreenCommands
{
    private static readonly JsonSerializerOptions JsonLines = new(JsonSerializerDefaults.Web);

    public static Command Screen(CliContext context, Option<string?> database)
    {
        var name = new Argument<string>("name") { Description = "The name to screen, in Latin or Chinese script" };
        var country = new Option<string?>("--country") { Description = "ISO 3166-1 alpha-2 country (a qualifier, not a filter)" };
        var threshold = new Option<double?>("--threshold") { Description = "Lowest score to report (default: the engine's threshold)" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("screen", "Screen one name against every restricted-party list in the database.") { name, country, threshold, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(CliContext.Options(parse.GetValue(database)));
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            if (!await ListsLoadedAsync(context, scope, ct))
            {
                return ExitCodes.Error;
            }

            var result = await scope.ServiceProvider.GetRequiredService<NameScreeningService>()
                .ScreenAsync(new ScreenRequest(parse.GetValue(name), parse.GetValue(country), parse.GetValue(threshold)), ct);
            if (parse.GetValue(json))
            {
                context.WriteJson(result);
                return ExitCodes.Ok;
            }

            if (result.Matches.Count == 0)
            {
                context.Console.MarkupLine($"No match at or above {result.Threshold:0.00} for [bold]{Markup.Escape(result.Name)}[/].");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Score", "List", "Entry", "Why");
            foreach (var m in result.Matches)
            {
                table.AddRow(
                    m.Score.ToString("0.00", CultureInfo.InvariantCulture),
                    Markup.Escape($"{m.ListName} ({m.ListKind})"),
                    Markup.Escape(m.Name + (m.ChineseName is null ? string.Empty : $" / {m.ChineseName}") + $" [{m.EntryId}]"),
                    Markup.Escape(m.Explanation.Summary));
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Batch(CliContext context, Option<string?> database)
    {
        var input = new Argument<FileInfo>("input") { Description = "CSV with a header and columns id,name,country" };
        var output = new Option<FileInfo>("--out") { Description = "Where to write one JSON line per input row", Required = true };
        var threshold = new Option<double?>("--threshold") { Description = "Lowest score to report (default: the engine's threshold)" };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON" };
        var command = new Command("screen-batch", "Screen every row of a CSV file; writes { id, matches } per line.") { input, output, threshold, json };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(input)!;
            if (!path.Exists)
            {
                await context.Error.WriteLineAsync($"error: {path.FullName} does not exist.");
                return ExitCodes.Error;
            }

            // The whole input is read and checked before anything is written: a bad row names its line and
            // leaves no half-written output behind.
            var rows = ReadRows(path);
            await using var services = CliContext.Services(CliContext.Options(parse.GetValue(database)));
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            if (!await ListsLoadedAsync(context, scope, ct))
            {
                return ExitCodes.Error;
            }

            var screening = scope.ServiceProvider.GetRequiredService<NameScreeningService>();
            var snapshot = await scope.ServiceProvider.GetRequiredService<ScreeningIndexCache>()
                .GetAsync(scope.ServiceProvider.GetRequiredService<Persistence.LodestoneDbContext>(), ct);
            var options = NameScreeningService.Options(parse.GetValue(threshold), null);
            var results = new BatchScreenResult[rows.Count];
            var started = System.Diagnostics.Stopwatch.StartNew();
            void Run(Action<int> done)
            {
                var count = 0;
                var found = screening.ScreenMany(
                    snapshot, [.. rows.Select(r => (r.Name, r.Country))], options, () => done(Interlocked.Increment(ref count)), ct);
                for (var i = 0; i < rows.Count; i++)
                {
                    results[i] = new BatchScreenResult(rows[i].Id, found[i]);
                }
            }

            if (parse.GetValue(json))
            {
                Run(_ => { });
            }
            else
            {
                await context.Console.Progress().StartAsync(progress =>
                {
                    var task = progress.AddTask("Screening", maxValue: Math.Max(1, rows.Count));
                    Run(done => task.Value = done);
                    task.Value = task.MaxValue;
                    return Task.CompletedTask;
                });
            }

            var target = parse.GetValue(output)!;
            var temp = target.FullName + ".partial";
            await using (var writer = new StreamWriter(temp, append: false, new UTF8Encoding(false)))
            {
                foreach (var result in results)
                {
                    await writer.WriteLineAsync(JsonSerializer.Serialize(new { id = result.Id, matches = result.Matches }, JsonLines));
                }
            }

            File.Move(temp, target.FullName, overwrite: true);
            var hits = results.Count(r => r.Matches.Count > 0);
            var summary = new { screened = rows.Count, withMatches = hits, seconds = Math.Round(started.Elapsed.TotalSeconds, 3), output = target.FullName };
            if (parse.GetValue(json))
            {
                context.WriteJson(summary);
            }
            else
            {
                context.Console.MarkupLine($"Screened [bold]{rows.Count}[/] names in {summary.seconds:0.###} s; {hits} with matches. Wrote {Markup.Escape(target.FullName)}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<bool> ListsLoadedAsync(CliContext context, AsyncServiceScope scope, CancellationToken ct)
    {
        var lists = await scope.ServiceProvider.GetRequiredService<ListCatalogService>().ListsAsync(ct);
        if (lists.Any(l => l.EntryCount > 0))
        {
            return true;
        }

        await context.Error.WriteLineAsync("error: no restricted-party lists are loaded in this database; run 'lodestone lists load-defaults' or 'lodestone lists import'.");
        return false;
    }

    private sealed record BatchRow(string Id, string Name, string? Country);

    private static List<BatchRow> ReadRows(FileInfo path)
    {
        var bytes = File.ReadAllBytes(path.FullName);
        var chars = new char[bytes.Length];
        if (System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out var validBytes, out _, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
        {
            throw new DataFiles.DataFileException(path.Name, 1 + bytes.AsSpan(0, validBytes).Count((byte)'\n'), null, "The file is not valid UTF-8.");
        }

        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        };
        using var reader = CsvReader.Create(bytes.AsMemory(), options);
        var rows = new List<BatchRow>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string[]? header = null;
        (int Id, int Name, int Country) at = (-1, -1, -1);
        try
        {
            while (reader.Read())
            {
                var line = checked((int)reader.LineNumber);
                var fields = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i).Trim()).ToArray();
                if (header is null)
                {
                    header = fields.Select((f, i) => i == 0 ? f.TrimStart('\uFEFF') : f).ToArray();
                    at = (Array.FindIndex(header, h => h.Equals("id", StringComparison.OrdinalIgnoreCase)),
                          Array.FindIndex(header, h => h.Equals("name", StringComparison.OrdinalIgnoreCase)),
                          Array.FindIndex(header, h => h.Equals("country", StringComparison.OrdinalIgnoreCase)));
                    foreach (var (column, index) in new[] { ("id", at.Id), ("name", at.Name) })
                    {
                        if (index < 0)
                        {
                            throw new DataFiles.DataFileException(path.Name, line, column, $"Missing column '{column}'; the header must be id,name,country.");
                        }
                    }

                    continue;
                }

                if (fields.Length != header.Length)
                {
                    throw new DataFiles.DataFileException(path.Name, line, null, $"Expected {header.Length} fields as in the header; found {fields.Length}.");
                }

                var (id, name) = (fields[at.Id], fields[at.Name]);
                var country = at.Country >= 0 ? fields[at.Country] : string.Empty;
                if (id.Length == 0)
                {
                    throw new DataFiles.DataFileException(path.Name, line, "id", "The id is empty.");
                }

                if (!ids.Add(id))
                {
                    throw new DataFiles.DataFileException(path.Name, line, "id", $"The id '{id}' is used twice.");
                }

                if (name.Length is 0 or > 400)
                {
                    throw new DataFiles.DataFileException(path.Name, line, "name", "The name is empty or longer than 400 characters.");
                }

                if (country.Length > 0 && !Domain.Common.CountryCode.TryParse(country, out _))
                {
                    throw new DataFiles.DataFileException(path.Name, line, "country", $"'{country}' is not an ISO 3166-1 alpha-2 code.");
                }

                rows.Add(new BatchRow(id, name, country.Length == 0 ? null : country.ToUpperInvariant()));
            }
        }
        catch (CsvFormatException e)
        {
            throw new DataFiles.DataFileException(path.Name, checked((int)reader.LineNumber), null, $"The CSV is malformed (check quotes): {e.Message}", e);
        }

        if (header is null)
        {
            throw new DataFiles.DataFileException(path.Name, 1, null, "The file is empty; expected a header id,name,country.");
        }

        return rows;
    }
}
