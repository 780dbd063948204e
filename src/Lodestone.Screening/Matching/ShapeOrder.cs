namespace Lodestone.Screening.Matching;

/// <summary>
/// Numbers the shapes so that shapes sharing common tokens lie next to each other. The candidate stage walks posting
/// lists and writes one word per shape posted (<see cref="Scratch.FormMasks"/>); shapes numbered in the order entries
/// come, a common token's postings are spread over the whole array and each write is a cache miss at a million names.
/// Sorted by their tokens, most frequent first, the shapes of "Damascus" are one run and those of "Damascus …
/// Machinery" a run inside it, so the long walks (cities, industry words, common names) read and write neighbouring
/// words. The order changes no result: only the ids the candidate stage uses (the same reordering of posting lists is
/// known as document reordering in search engines).
/// </summary>
internal static class ShapeOrder
{
    /// <summary>
    /// The new id of each shape, given each shape's vocabulary ids (<paramref name="vocabulary"/>, flattened with
    /// <paramref name="start"/> offsets) and the vocabulary's size.
    /// </summary>
    public static int[] Of(IReadOnlyList<int> vocabulary, IReadOnlyList<int> start, int vocabularySize)
    {
        var shapes = start.Count - 1;
        var frequency = new int[vocabularySize];
        for (var k = 0; k < vocabulary.Count; k++)
        {
            frequency[vocabulary[k]]++;
        }

        // Rank 0 is the most frequent token; ties by id, so the order is the same on every build of the same names.
        var byFrequency = new int[vocabularySize];
        for (var id = 0; id < vocabularySize; id++)
        {
            byFrequency[id] = id;
        }

        Array.Sort(byFrequency, (a, b) => frequency[a] != frequency[b] ? frequency[b].CompareTo(frequency[a]) : a.CompareTo(b));
        var rank = new int[vocabularySize];
        for (var r = 0; r < vocabularySize; r++)
        {
            rank[byFrequency[r]] = r;
        }

        // Each shape's key: the ranks of its tokens, ascending (its most frequent token first).
        var keys = new int[vocabulary.Count];
        for (var k = 0; k < keys.Length; k++)
        {
            keys[k] = rank[vocabulary[k]];
        }

        for (var s = 0; s < shapes; s++)
        {
            Array.Sort(keys, start[s], start[s + 1] - start[s]);
        }

        var order = new int[shapes];
        for (var s = 0; s < shapes; s++)
        {
            order[s] = s;
        }

        Array.Sort(order, (a, b) =>
        {
            var x = keys.AsSpan(start[a], start[a + 1] - start[a]);
            var y = keys.AsSpan(start[b], start[b + 1] - start[b]);
            var c = x.SequenceCompareTo(y);
            return c != 0 ? c : a.CompareTo(b);
        });

        var newId = new int[shapes];
        for (var k = 0; k < shapes; k++)
        {
            newId[order[k]] = k;
        }

        return newId;
    }

    /// <summary>
    /// Renumbers the shapes (<see cref="Of"/>): their weights and vocabularies in the new order, and each form's new shape.
    /// </summary>
    public static Renumbered Renumber(
        IReadOnlyList<FormWeights> weights, IReadOnlyList<int> vocabulary, IReadOnlyList<int> start, IReadOnlyList<int> formShape, int vocabularySize)
    {
        var newId = Of(vocabulary, start, vocabularySize);
        var orderedWeights = new FormWeights[weights.Count];
        var old = new int[newId.Length];
        for (var s = 0; s < newId.Length; s++)
        {
            orderedWeights[newId[s]] = weights[s];
            old[newId[s]] = s;
        }

        var orderedVocabulary = new List<int>(vocabulary.Count);
        var orderedStart = new List<int>(start.Count) { 0 };
        foreach (var s in old)
        {
            for (var k = start[s]; k < start[s + 1]; k++)
            {
                orderedVocabulary.Add(vocabulary[k]);
            }

            orderedStart.Add(orderedVocabulary.Count);
        }

        var orderedFormShape = new int[formShape.Count];
        for (var f = 0; f < orderedFormShape.Length; f++)
        {
            orderedFormShape[f] = newId[formShape[f]];
        }

        return new Renumbered(orderedWeights, orderedVocabulary, orderedStart, orderedFormShape);
    }

    /// <summary>The shapes in their new order: weights, vocabularies (flattened with offsets), and each form's shape.</summary>
    public sealed record Renumbered(FormWeights[] Weights, List<int> Vocabulary, List<int> VocabularyStart, int[] FormShape);
}
