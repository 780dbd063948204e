using Lodestone.Screening.Matching;
using Lodestone.Screening.Tests.Support;

namespace Lodestone.Screening.Tests.Matching;

/// <summary>One index, many threads: the same answers as one thread.</summary>
public sealed class ThreadSafetyTests
{
    [Fact]
    public void Concurrent_screens_give_the_same_results_as_sequential_ones()
    {
        var entries = Enumerable.Range(0, 200)
            .Select(i => Entries.Of($"e{i}", $"Entity{i % 37} Trading {i} Co., Ltd.", i % 2 == 0 ? "CN" : "RU", null, $"Alias{i % 53} Group"))
            .Append(Entries.Of("huawei", "Huawei Technologies Co., Ltd.", "CN", "华为技术有限公司"))
            .ToArray();
        var index = ScreeningIndex.Build(entries);
        var queries = Enumerable.Range(0, 64)
            .Select(i => (i % 4) switch
            {
                0 => $"Entity{i % 37} Trading",
                1 => $"Alias{i % 53} Grp",
                2 => "华为技术有限公司",
                _ => $"Entty{i % 37} Trading {i}",
            })
            .ToArray();
        var options = new ScreeningOptions { Threshold = 0.6, Limit = 20 };
        var sequential = queries.Select(q => Describe(index.Screen(new(q, "CN"), options))).ToArray();

        var concurrent = new string[queries.Length * 8];
        Parallel.For(0, concurrent.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            concurrent[i] = Describe(index.Screen(new(queries[i % queries.Length], "CN"), options)));

        for (var i = 0; i < concurrent.Length; i++)
        {
            Assert.Equal(sequential[i % queries.Length], concurrent[i]);
        }
    }

    private static string Describe(IReadOnlyList<ScreeningMatch> matches) =>
        string.Join("; ", matches.Select(m => $"{m.EntryId}:{m.Score:R}:{m.Explanation.Summary}"));
}
