using Lodestone.Screening.Matching;

namespace Lodestone.Screening.Tests.Matching;

/// <summary>
/// <see cref="Typos.Distance"/> skips the common beginning and end of the two words before its table; it must still give
/// the restricted Damerau-Levenshtein distance (capped at max + 1) of the whole words.
/// </summary>
public sealed class TyposTests
{
    [Theory]
    [InlineData("materials", "materails", 1)]
    [InlineData("huawei", "huawie", 1)]
    [InlineData("aab", "aba", 1)]
    [InlineData("baa", "aba", 1)]
    [InlineData("ivanov", "ivanova", 1)]
    [InlineData("ivanov", "vanov", 1)]
    [InlineData("tronker", "trunkar", 2)]
    [InlineData("abcd", "abcd", 0)]
    [InlineData("kuznetsov", "kusnetzov", 2)]
    public void Gives_the_edit_distance_of_known_pairs(string a, string b, int expected)
    {
        Assert.Equal(expected, Typos.Distance(a, b, 2));
        Assert.Equal(expected, Typos.Distance(b, a, 2));
    }

    [Fact]
    public void Agrees_with_a_full_table_on_random_words_over_a_small_alphabet()
    {
        // Three letters make common beginnings, endings, repeats and swaps across them frequent.
        var random = new Random(20261127);
        for (var n = 0; n < 20_000; n++)
        {
            var a = Word(random);
            var b = random.Next(3) == 0 ? Edit(Edit(a, random), random) : Word(random);
            foreach (var max in new[] { 1, 2, 3 })
            {
                var expected = Math.Min(Reference(a, b), max + 1);
                Assert.True(expected == Typos.Distance(a, b, max), $"'{a}' / '{b}' with max {max}: expected {expected}");
            }
        }
    }

    private static string Word(Random random)
    {
        var chars = new char[random.Next(0, 9)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)('a' + random.Next(3));
        }

        return new string(chars);
    }

    private static string Edit(string word, Random random)
    {
        var at = random.Next(word.Length + 1);
        return random.Next(4) switch
        {
            0 => word.Insert(at, ((char)('a' + random.Next(3))).ToString()),
            1 when at < word.Length => word.Remove(at, 1),
            2 when at < word.Length => word[..at] + (char)('a' + random.Next(3)) + word[(at + 1)..],
            3 when at + 1 < word.Length => word[..at] + word[at + 1] + word[at] + word[(at + 2)..],
            _ => word,
        };
    }

    /// <summary>Optimal string alignment distance by the textbook table over the whole words.</summary>
    private static int Reference(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
