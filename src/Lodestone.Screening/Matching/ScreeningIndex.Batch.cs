namespace Lodestone.Screening.Matching;

public sealed partial class ScreeningIndex
{
    /// <summary>
    /// Screens many names in parallel; result i is what <see cref="Screen(ScreeningQuery, ScreeningOptions?)"/> gives
    /// query i. Each worker looks every distinct token up in the vocabulary once for the whole batch (names share their
    /// legal forms, industry words, places and common names), which is most of a lookup-bound query's cost.
    /// </summary>
    /// <param name="queries">The names to screen.</param>
    /// <param name="options">Threshold and limit, as for a single name.</param>
    /// <param name="maxDegreeOfParallelism">Workers to use; -1 for one per core.</param>
    /// <param name="screened">Called after each name (from the workers, so it must be thread-safe), for progress.</param>
    /// <param name="cancellationToken">Stops the batch between names.</param>
    public IReadOnlyList<ScreeningMatch>[] ScreenBatch(
        IReadOnlyList<ScreeningQuery> queries, ScreeningOptions? options = null, int maxDegreeOfParallelism = -1, Action? screened = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var results = new IReadOnlyList<ScreeningMatch>[queries.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(
            0,
            queries.Count,
            parallel,
            () => new LookupMemo(_candidates),
            (i, _, memo) =>
            {
                results[i] = Screen(queries[i], options, memo);
                screened?.Invoke();
                return memo;
            },
            _ => { });
        return results;
    }
}
