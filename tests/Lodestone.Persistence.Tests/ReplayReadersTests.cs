using Lodestone.Persistence.Analytics;

namespace Lodestone.Persistence.Tests;

/// <summary>The replay's parallel readers: every slice read once, and one reader's fault stops the rest.</summary>
public sealed class ReplayReadersTests
{
    private static readonly ReplaySlice[] Slices =
        [.. Enumerable.Range(0, 3).Select(i => new ReplaySlice(DateTimeOffset.UnixEpoch.AddDays(i), DateTimeOffset.UnixEpoch.AddDays(i + 1), null))];

    [Fact]
    public async Task Each_slice_is_read_once_and_the_results_keep_the_order_of_the_slices()
    {
        var reads = 0;
        var days = await ReplayReaders.RunAsync(Slices, (slice, _) => Interlocked.Increment(ref reads) > 0 ? slice.Start.Day : 0, TestContext.Current.CancellationToken);

        Assert.Equal([1, 2, 3], days);
        Assert.Equal(3, reads);
    }

    [Fact]
    public async Task The_first_fault_stops_the_other_readers_and_is_what_the_caller_gets()
    {
        var run = ReplayReaders.RunAsync(
            Slices,
            (slice, stop) =>
            {
                if (slice == Slices[1])
                {
                    throw new InvalidDataException("row 7 is damaged");
                }

                // These readers end only when they are stopped.
                while (!stop.IsCancellationRequested)
                {
                    Thread.Sleep(5);
                }

                stop.ThrowIfCancellationRequested();
                return 0;
            },
            TestContext.Current.CancellationToken);

        // Without the stop the call would never return, and the wait would time out instead.
        var fault = await Assert.ThrowsAsync<InvalidDataException>(() => run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Equal("row 7 is damaged", fault.Message);
    }

    [Fact]
    public async Task The_callers_cancellation_stops_every_reader()
    {
        using var cancel = new CancellationTokenSource();
        var started = 0;
        var run = ReplayReaders.RunAsync(
            Slices,
            (_, stop) =>
            {
                Interlocked.Increment(ref started);
                while (!stop.IsCancellationRequested)
                {
                    Thread.Sleep(5);
                }

                stop.ThrowIfCancellationRequested();
                return 0;
            },
            cancel.Token);
        SpinWait.SpinUntil(() => Volatile.Read(ref started) > 0, TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }
}
