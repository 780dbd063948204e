using Lodestone.Domain.Common;
using Lodestone.Persistence;
using Lodestone.Screening.Matching;
using Lodestone.Services.Contracts;

namespace Lodestone.Services.Screening;

/// <summary>Ad-hoc screening of names against every list in force: the screening page, the API and the CLI.</summary>
public sealed class NameScreeningService(LodestoneDbContext db, ScreeningIndexCache cache, TimeProvider time)
{
    /// <summary>The most names one batch request may carry; larger jobs use the CLI's screen-batch.</summary>
    public const int MaxBatch = 1000;

    private const int MaxNameLength = 400;

    public async Task<ScreenResponse> ScreenAsync(ScreenRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = Options(request.Threshold, request.Limit);
        var snapshot = await cache.GetAsync(db, ct);
        var (name, country) = Validate(request.Name, request.Country, "name", "country");
        return new ScreenResponse(name, country, options.Threshold, Screen(snapshot, name, country, options));
    }

    public async Task<BatchScreenResponse> ScreenBatchAsync(BatchScreenRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var queries = request.Queries ?? throw new DomainException("queries", "Give the names to screen: queries: [{ id, name, country }].");
        if (queries.Count is 0 or > MaxBatch)
        {
            throw new DomainException("queries", $"A batch holds 1 to {MaxBatch} names; got {queries.Count}.");
        }

        var options = Options(request.Threshold, request.Limit);
        var validated = queries.Select((q, i) =>
        {
            var (name, country) = Validate(q.Name, q.Country, $"queries[{i}].name", $"queries[{i}].country");
            return (Id: string.IsNullOrWhiteSpace(q.Id) ? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : q.Id, name, country);
        }).ToList();
        var snapshot = await cache.GetAsync(db, ct);
        var screened = ScreenMany(snapshot, [.. validated.Select(q => (q.name, q.country))], options, cancellationToken: ct);
        return new BatchScreenResponse(options.Threshold, [.. validated.Select((q, i) => new BatchScreenResult(q.Id, screened[i]))]);
    }

    /// <summary>Screens one name against a snapshot, keeping only entries in force today.</summary>
    public IReadOnlyList<MatchResponse> Screen(ScreeningSnapshot snapshot, string name, string? country, ScreeningOptions options)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var today = ChinaTime.DateOf(time.GetUtcNow());
        return InForce(snapshot, snapshot.Index.Screen(new ScreeningQuery(name, country), Widened(options)), today, options);
    }

    /// <summary>
    /// Screens many names against a snapshot in parallel (<see cref="ScreeningIndex.ScreenBatch"/>, which shares the
    /// vocabulary lookups of the names' common tokens); result i is what <see cref="Screen"/> gives name i.
    /// </summary>
    public IReadOnlyList<MatchResponse>[] ScreenMany(
        ScreeningSnapshot snapshot, IReadOnlyList<(string Name, string? Country)> names, ScreeningOptions options, Action? screened = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(names);
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var queries = names.Select(n => new ScreeningQuery(n.Name, n.Country)).ToList();
        var found = snapshot.Index.ScreenBatch(queries, Widened(options), screened: screened, cancellationToken: cancellationToken);
        return [.. found.Select(matches => InForce(snapshot, matches, today, options))];
    }

    /// <summary>A few more than the limit, so that entries no longer in force can be dropped and the limit still filled.</summary>
    private static ScreeningOptions Widened(ScreeningOptions options) => options with { Limit = options.Limit + 10 };

    private static List<MatchResponse> InForce(ScreeningSnapshot snapshot, IReadOnlyList<ScreeningMatch> matches, DateOnly today, ScreeningOptions options) =>
        [.. matches
            .Where(m => EntryMapping.ToEntry(snapshot.Entries[(m.ListId, m.EntryId)]).InForceOn(today))
            .Take(options.Limit)
            .Select(m => MatchMapping.ToResponse(m, snapshot))];

    public static ScreeningOptions Options(double? threshold, int? limit)
    {
        if (threshold is { } t && (double.IsNaN(t) || t < 0.5 || t > 1))
        {
            throw new DomainException("threshold", "The threshold is a score between 0.5 and 1.");
        }

        if (limit is { } l && l is < 1 or > 100)
        {
            throw new DomainException("limit", "The limit is between 1 and 100.");
        }

        return new ScreeningOptions
        {
            Threshold = threshold ?? ScreeningOptions.DefaultThreshold,
            Limit = limit ?? 10,
        };
    }

    private static (string Name, string? Country) Validate(string? name, string? country, string nameField, string countryField)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException(nameField, "Give the name to screen.");
        }

        if (name.Length > MaxNameLength)
        {
            throw new DomainException(nameField, $"A name is at most {MaxNameLength} characters.");
        }

        return (name.Trim(), string.IsNullOrWhiteSpace(country) ? null : CountryCode.Parse(country, countryField).Value);
    }
}
