using Lodestone.Screening.Matching;
using Lodestone.Screening.Tests.Support;

namespace Lodestone.Screening.Tests.Matching;

/// <summary>The per-query table of touched entries, and the searches that touch more entries than it first holds.</summary>
public sealed class EntryStatesTests
{
    [Fact]
    public void An_entry_keeps_one_state_for_the_query()
    {
        var states = new EntryStates();
        ref var first = ref states.Get(42, out var added);
        first.Best = 0.9;
        first.BestForm = 7;

        ref var again = ref states.Get(42, out var addedAgain);

        Assert.True(added);
        Assert.False(addedAgain);
        Assert.Equal(0.9, again.Best);
        Assert.Equal(7, again.BestForm);
        Assert.Equal(1, states.Count);
    }

    [Fact]
    public void Growing_keeps_every_entry_and_the_order_they_came_in()
    {
        var states = new EntryStates();
        for (var entry = 0; entry < 5_000; entry++)
        {
            states.Get(entry * 7919, out _).BestForm = entry;
        }

        Assert.Equal(5_000, states.Count);
        for (var entry = 0; entry < 5_000; entry++)
        {
            Assert.Equal(entry * 7919, states[entry].Entry);
            Assert.Equal(entry, states.Get(entry * 7919, out var added).BestForm);
            Assert.False(added);
        }
    }

    [Fact]
    public void Clearing_forgets_the_previous_query()
    {
        var states = new EntryStates();
        for (var entry = 0; entry < 1_000; entry++)
        {
            states.Get(entry, out _).Best = 1.0;
        }

        states.Clear();
        ref var state = ref states.Get(5, out var added);

        Assert.True(added);
        Assert.Equal(0, state.Best);
        Assert.Equal(1, states.Count);
        Assert.Equal(5, states[0].Entry);
    }

    [Fact]
    public void A_name_shared_by_many_entries_finds_them_all_query_after_query()
    {
        // Hundreds of entries behind one shape, some with an alias (entries completed with all their names), others not.
        var entries = new List<IndexedEntry>();
        for (var i = 0; i < 700; i++)
        {
            entries.Add(i % 3 == 0 ? Entries.Of($"e{i}", "John Smith", null, null, $"Smith Holdings {i}") : Entries.Of($"e{i}", "John Smith"));
        }

        entries.Add(Entries.Of("other", "Maria Sanchez"));
        var index = Entries.Index([.. entries]);
        var options = ScreeningOptions.Default with { Limit = 1_000 };

        var first = index.Screen(new ScreeningQuery("John Smith"), options);
        var between = index.Screen(new ScreeningQuery("Maria Sanchez"), options);
        var second = index.Screen(new ScreeningQuery("John Smith"), options);

        Assert.Equal(700, first.Count);
        Assert.All(first, m => Assert.Equal(1.0, m.Score));
        Assert.Equal("other", Assert.Single(between).EntryId);
        Assert.Equal(first.Select(m => m.EntryId), second.Select(m => m.EntryId));
    }
}
