using Lodestone.Screening.Matching;
using Lodestone.Screening.Tests.Support;

namespace Lodestone.Screening.Tests.Matching;

/// <summary>
/// <see cref="ScreeningIndex.ScreenBatch"/> shares each worker's vocabulary lookups across the batch; every name must
/// still get exactly what screening it alone gives: the same entries, scores, order and explanations.
/// </summary>
public sealed class ScreenBatchTests
{
    private static readonly string[] Names =
    [
        "Huawei Technologies Co., Ltd.", "华为技术有限公司", "Huawei Technology Trading LLC", "Hua Wei Tech Co Ltd", "Zansil Rare Earth Co Ltd",
        "Linsysel Rare Earth Co Ltd", "Ganzhou Rare Earth Group Co., Ltd.", "Wuhan Taihang Electronics Group Co., Ltd.", "武汉泰航电子集团有限公司",
        "John Smith", "SMITH, John", "Jon Smyth", "Mikhail Olegovich Kuznetsov", "Mikhail Kuznetsov", "Omar Ibrahim Al-Hashimi",
        "River River Trading FZCO", "Red River Trading", "Damascus Ulmarjor Machinery Pte. Ltd.", "Ulmarjor Machinery", "Zhao Weixiu", "赵伟秀",
    ];

    // Repeated tokens across names (legal forms, industry words, surnames, Chinese characters), typos and windows.
    private static readonly string[] Queries =
    [
        "Huawei Technologies Co Ltd", "Huawei Tech", "Huawie Technologies", "Hua Wei Technologies", "华为技术有限公司", "Zansil Rare Earth",
        "Linsysel Rare Eatrh Co. Ltd", "Rare Earth Group", "Ganzhou Rare Earth", "Wuhan Taihang Electronics", "武汉泰航电子", "John Smith",
        "Smith John", "John Smyth", "Jon Smith", "Mikhail Kuznetsov", "Kuznetsov Mikhail Olegovich", "Omar Al-Hashimi", "River River",
        "River Trading FZCO", "Damascus Ulmarjor Machinery", "Ulmarjor Machinery Pte Ltd", "Zhao Weixiu", "赵伟秀", "Unrelated Florist Ltd",
        "John Smith", "Huawei Technologies Co Ltd", "Mateus Verma", "Co., Ltd.",
    ];

    [Fact]
    public void Every_name_of_a_batch_gets_what_screening_it_alone_gives()
    {
        var index = ScreeningIndex.Build(Names.Select((name, i) => Entries.Of(i.ToString(System.Globalization.CultureInfo.InvariantCulture), name, i % 3 == 0 ? "CN" : null)));
        var queries = Queries.Select((q, i) => new ScreeningQuery(q, i % 2 == 0 ? "CN" : null)).ToList();
        var options = new ScreeningOptions { Threshold = 0.6, Limit = 50 };
        var screened = 0;
        var batched = index.ScreenBatch(queries, options, maxDegreeOfParallelism: 2, screened: () => Interlocked.Increment(ref screened));

        Assert.Equal(queries.Count, screened);
        var matches = 0;
        for (var i = 0; i < queries.Count; i++)
        {
            var alone = index.Screen(queries[i], options);
            Assert.Equal(Describe(alone), Describe(batched[i]));
            matches += alone.Count;
        }

        Assert.True(matches > 40, $"the check must exercise matches, had {matches}");
    }

    [Fact]
    public void A_cancelled_batch_stops()
    {
        var index = ScreeningIndex.Build(Entries.Numbered(Names));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => index.ScreenBatch([new ScreeningQuery("John Smith")], cancellationToken: cancel.Token));
    }

    private static List<string> Describe(IReadOnlyList<ScreeningMatch> matches) =>
        [.. matches.Select(m => $"{m.EntryId} {m.Score:R} {m.Explanation.MatchedName} {m.Explanation.Summary}")];
}
