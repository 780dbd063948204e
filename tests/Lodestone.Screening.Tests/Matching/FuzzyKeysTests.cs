using Lodestone.Screening.Matching;
using Lodestone.Screening.Normalisation;

namespace Lodestone.Screening.Tests.Matching;

/// <summary>
/// The keys a query token shares with a joined entry window decide both what the scorer credits and what the lookups
/// find (<see cref="KeyGate.EntryWindow"/>): one edit anywhere in the window must share a key; a token that merely begins
/// a long window must not, or every "petersburg …" window becomes a neighbour of "petersburg".
/// </summary>
public sealed class FuzzyKeysTests
{
    [Theory]
    [InlineData("rosalind", "rosalynd")] // a changed letter
    [InlineData("fridrichbuchenberg", "friedrichbuchenberg")] // a dropped letter in the first ten
    [InlineData("friedrichbuchenbreg", "friedrichbuchenberg")] // two letters swapped past the tenth
    [InlineData("friedrichbuchenbergg", "friedrichbuchenberg")] // a letter added at the end of a long window
    [InlineData("sergeilavrov", "sergeilavrov")]
    public void A_token_one_edit_from_an_entry_window_shares_a_key_with_it(string token, string window) =>
        Assert.True(FuzzyKeys.Share(token, TokenKind.None, window, TokenKind.None, KeyGate.EntryWindow));

    [Fact]
    public void A_long_token_and_a_long_window_one_consonant_apart_share_the_deletions_of_their_whole_texts() =>
        // "l" for "r" past the tenth letter changes the consonant (sound) key, and a window's deletions are not of its first
        // ten letters: only the deletions of both whole texts ("friedrichbuchenbeg") are shared, so this fails unless a
        // long query token also looks up the deletions of its whole text.
        Assert.True(FuzzyKeys.Share("friedrichbuchenbelg", TokenKind.None, "friedrichbuchenberg", TokenKind.None, KeyGate.EntryWindow));

    [Theory]
    [InlineData("petersburg", "petersburgmarkoda")]
    [InlineData("guangzhou", "guangzhouhuada")]
    [InlineData("friedrichbuchenberg", "friedlichbuchtnberg")] // two edits, and they change the consonants
    public void A_token_that_only_begins_an_entry_window_or_is_two_edits_away_shares_no_key_with_it(string token, string window) =>
        Assert.False(FuzzyKeys.Share(token, TokenKind.None, window, TokenKind.None, KeyGate.EntryWindow));

    [Fact]
    public void An_entry_token_keeps_its_prefix_keys()
    {
        // Single tokens are still keyed by their first ten letters (a typo past them shares the whole-prefix key).
        Assert.True(FuzzyKeys.Share("petersburgx", TokenKind.None, "petersburgy", TokenKind.None, KeyGate.Token));
        Assert.True(FuzzyKeys.Share("petersburg", TokenKind.None, "petersburgs", TokenKind.None, KeyGate.Token));
    }
}
