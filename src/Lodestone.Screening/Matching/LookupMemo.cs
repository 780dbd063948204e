using System.Runtime.InteropServices;
using Lodestone.Screening.Normalisation;

namespace Lodestone.Screening.Matching;

/// <summary>
/// The vocabulary lookups of one worker of a batch (<see cref="ScreeningIndex.ScreenBatch"/>): the names of a batch share
/// most of their tokens (legal forms, industry words, cities, common given names and surnames), and a token's neighbours
/// depend on the token alone, so each is looked up once per worker and copied from here after. Lives for one batch
/// only: an index is immutable, but a memo outliving its batch would only make repeated runs of the same names look
/// faster than the first.
/// </summary>
internal sealed class LookupMemo(CandidateIndex index)
{
    /// <summary>Neighbours kept before the memo starts afresh (a few megabytes), so a huge batch stays bounded.</summary>
    private const int MaxNeighbours = 1 << 18;

    private readonly Dictionary<Key, (int Start, int Count, long Cost)> _lookups = [];
    private readonly List<Neighbour> _neighbours = [];

    /// <summary>As <see cref="CandidateIndex.Neighbours"/>: appends a query token's neighbours, returns their postings.</summary>
    public long Neighbours(TokenInfo token, Scratch scratch, List<Neighbour> result)
    {
        var alternates = token.Alternates is null ? null : string.Join('|', token.Alternates);
        return Lookup(new Key(token.Text, token.Kind, alternates, token.Source is null, 0, Window: false), token, default, scratch, result);
    }

    /// <summary>As <see cref="CandidateIndex.Neighbours"/> for a joined query window.</summary>
    public long Neighbours(ReadOnlySpan<char> joined, TokenKind kind, int shortestPart, Scratch scratch, List<Neighbour> result) =>
        Lookup(new Key(joined.ToString(), kind, null, false, shortestPart, Window: true), null, joined, scratch, result);

    private long Lookup(Key key, TokenInfo? token, ReadOnlySpan<char> joined, Scratch scratch, List<Neighbour> result)
    {
        if (_lookups.TryGetValue(key, out var known))
        {
            result.AddRange(CollectionsMarshal.AsSpan(_neighbours).Slice(known.Start, known.Count));
            return known.Cost;
        }

        var from = result.Count;
        var cost = token is not null
            ? index.Neighbours(token, default, TokenKind.None, scratch, result)
            : index.Neighbours(null, joined, key.Kind, scratch, result, key.ShortestPart);
        if (_neighbours.Count > MaxNeighbours)
        {
            _lookups.Clear();
            _neighbours.Clear();
        }

        var found = CollectionsMarshal.AsSpan(result)[from..];
        _lookups.Add(key, (_neighbours.Count, found.Length, cost));
        _neighbours.AddRange(found);
        return cost;
    }

    /// <summary>
    /// What a lookup depends on: the text, kind and alternative readings; whether the token was typed (a token read
    /// from another script gets no typo credit); for a window, the length of its shortest part.
    /// </summary>
    private readonly record struct Key(string Text, TokenKind Kind, string? Alternates, bool Typed, int ShortestPart, bool Window);
}
