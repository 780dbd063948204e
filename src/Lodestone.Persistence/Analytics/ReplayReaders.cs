using System.Runtime.ExceptionServices;

namespace Lodestone.Persistence.Analytics;

/// <summary>Parallel readers of a replay's slices (<see cref="ReplayRows.Slices"/>), each on its own connection.</summary>
public static class ReplayReaders
{
    /// <summary>
    /// Runs one reader per slice on the thread pool. The first reader to fail stops the others (they would
    /// otherwise read to the end of their slices before the fault is seen), and its fault, not their
    /// cancellation, is what the caller gets.
    /// </summary>
    public static async Task<T[]> RunAsync<T>(IReadOnlyList<ReplaySlice> slices, Func<ReplaySlice, CancellationToken, T> read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(slices);
        ArgumentNullException.ThrowIfNull(read);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var readers = slices.Select(slice => Task.Run(
            () =>
            {
                try
                {
                    return read(slice, stop.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    stop.Cancel();
                    throw;
                }
            },
            stop.Token)).ToList();
        try
        {
            return await Task.WhenAll(readers);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // A sibling's cancellation surfaced first: rethrow the fault that caused it.
            var fault = readers.Where(r => r.IsFaulted).SelectMany(r => r.Exception!.InnerExceptions).FirstOrDefault(e => e is not OperationCanceledException);
            if (fault is not null)
            {
                ExceptionDispatchInfo.Throw(fault);
            }

            throw;
        }
    }
}
