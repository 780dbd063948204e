using System.Data.Common;
using System.Threading.Channels;
using Lodestone.Domain.Analytics;
using Lodestone.Domain.Applications;
using Lodestone.Domain.Common;
using Lodestone.Domain.Routing;
using Lodestone.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lodestone.Services.Analytics;

/// <summary>
/// Streams the replay cases of a filing period fast enough to replay a million applications in seconds.
/// Reading is cheap; turning the stored facts (JSON) back into <see cref="RoutingFacts"/> is what costs, and
/// EF would do it on the one thread that reads. So the rows are read raw, in batches, and each batch is
/// converted on the thread pool while the next is read; batches come back in reading order, so a replay
/// stays deterministic. Every column is converted with the converter the EF model maps it with, so the
/// values are exactly what EF would materialise.
/// </summary>
internal static class ReplayCaseReader
{
    private const int BatchSize = 2048;

    /// <summary>The cases of applications routed in the period, in filing order; <paramref name="withoutFacts"/> counts those routed before facts were kept.</summary>
    public static async IAsyncEnumerable<ReplayCase> ReadAsync(
        LodestoneDbContext db, DateTimeOffset start, DateTimeOffset end, System.Runtime.CompilerServices.StrongBox<int> withoutFacts, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var columns = new Columns(db);
        var batches = System.Threading.Channels.Channel.CreateBounded<Task<ReplayCase[]>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => ReadBatchesAsync(db, columns, start, end, withoutFacts, batches.Writer, ct), ct);
        await foreach (var batch in batches.Reader.ReadAllAsync(ct))
        {
            foreach (var item in await batch)
            {
                yield return item;
            }
        }

        await reading;
    }

    private static async Task ReadBatchesAsync(LodestoneDbContext db, Columns columns, DateTimeOffset start, DateTimeOffset end, System.Runtime.CompilerServices.StrongBox<int> withoutFacts, ChannelWriter<Task<ReplayCase[]>> batches, CancellationToken ct)
    {
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();

                // The same SQL on both databases; the bounds are converted as EF converts SubmittedAt (ticks on SQLite).
                command.CommandText = """
                    SELECT "Id", "Number", "SubmittedAt", "Destination", "Lane", "RuleIds", "PolicyVersion", "Status", "RoutedOn"
                    FROM "Applications" WHERE "Lane" IS NOT NULL AND "SubmittedAt" >= @start AND "SubmittedAt" < @end
                    """;
                command.Parameters.Add(Parameter(command, "@start", columns.SubmittedAt.ToProvider(start)));
                command.Parameters.Add(Parameter(command, "@end", columns.SubmittedAt.ToProvider(end)));
                command.CommandTimeout = 0;
                await using var reader = await command.ExecuteReaderAsync(ct);
                var batch = new List<RawCase>(BatchSize);
                while (await reader.ReadAsync(ct))
                {
                    if (reader.IsDBNull(8))
                    {
                        withoutFacts.Value++;
                        continue;
                    }

                    var submittedAt = columns.SubmittedAt.Converts ? reader.GetValue(2) : reader.GetFieldValue<DateTimeOffset>(2);
                    batch.Add(new RawCase(reader.GetValue(0), reader.GetString(1), submittedAt, reader.GetString(3), reader.GetString(4), reader.GetString(5),
                        reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7), reader.GetString(8)));
                    if (batch.Count == BatchSize)
                    {
                        var full = batch;
                        await batches.WriteAsync(Task.Run(() => columns.Convert(full), ct), ct);
                        batch = new List<RawCase>(BatchSize);
                    }
                }

                if (batch.Count > 0)
                {
                    await batches.WriteAsync(Task.Run(() => columns.Convert(batch), ct), ct);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            batches.Complete();
        }
        catch (Exception e)
        {
            batches.Complete(e);
            throw;
        }
    }

    private static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }

    /// <summary>Historical outcome of a status, as the replay weighs it.</summary>
    public static HistoricalOutcome OutcomeOf(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Approved => HistoricalOutcome.Approved,
        ApplicationStatus.Denied => HistoricalOutcome.Denied,
        ApplicationStatus.Withdrawn => HistoricalOutcome.Withdrawn,
        ApplicationStatus.NotRequired => HistoricalOutcome.NotRequired,
        _ => HistoricalOutcome.Pending,
    };

    private sealed record RawCase(object Id, string Number, object SubmittedAt, string Destination, string Lane, string RuleIds, string? PolicyVersion, string Status, string RoutedOn);

    /// <summary>The model's converters of the columns read; converters are pure, so batches share them across threads.</summary>
    private sealed class Columns(LodestoneDbContext db)
    {
        private readonly Column _destination = new(db, nameof(LicenceApplication.Destination));
        private readonly Column _lane = new(db, nameof(LicenceApplication.Lane));
        private readonly Column _ruleIds = new(db, nameof(LicenceApplication.RuleIds));
        private readonly Column _status = new(db, nameof(LicenceApplication.Status));
        private readonly Column _facts = new(db, nameof(LicenceApplication.RoutedOn));

        public Column SubmittedAt { get; } = new(db, nameof(LicenceApplication.SubmittedAt));

        public ReplayCase[] Convert(List<RawCase> batch)
        {
            var cases = new ReplayCase[batch.Count];
            for (var i = 0; i < cases.Length; i++)
            {
                var r = batch[i];
                var submittedAt = (DateTimeOffset)SubmittedAt.FromProvider(r.SubmittedAt)!;
                var rules = (IReadOnlyList<string>)_ruleIds.FromProvider(r.RuleIds)!;
                cases[i] = new ReplayCase(
                    r.Id is string text ? Guid.Parse(text) : (Guid)r.Id,
                    r.Number,
                    ChinaTime.DateOf(submittedAt),
                    ((CountryCode)_destination.FromProvider(r.Destination)!).Value,
                    (Lane)_lane.FromProvider(r.Lane)!,
                    rules.Count > 0 ? rules[0] : string.Empty,
                    r.PolicyVersion ?? string.Empty,
                    OutcomeOf((ApplicationStatus)_status.FromProvider(r.Status)!),
                    (RoutingFacts)_facts.FromProvider(r.RoutedOn)!,
                    submittedAt);
            }

            return cases;
        }
    }

    /// <summary>One property's converter (none: the stored value is the value).</summary>
    private sealed class Column(LodestoneDbContext db, string property)
    {
        private readonly ValueConverter? _converter = db.Model.FindEntityType(typeof(LicenceApplication))!.FindProperty(property)!.GetTypeMapping().Converter;

        /// <summary>True when the database stores something else than the CLR value (instants as ticks on SQLite).</summary>
        public bool Converts => _converter is not null;

        public object? ToProvider(object? value) => _converter is null ? value : _converter.ConvertToProvider(value);

        public object? FromProvider(object? value) => _converter is null ? value : _converter.ConvertFromProvider(value);
    }
}
