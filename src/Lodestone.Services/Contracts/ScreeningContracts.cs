namespace Lodestone.Services.Contracts;

public sealed record ScreenRequest(string? Name, string? Country, double? Threshold = null, int? Limit = null);

public sealed record BatchScreenQuery(string? Id, string? Name, string? Country);

public sealed record BatchScreenRequest(IReadOnlyList<BatchScreenQuery>? Queries, double? Threshold = null, int? Limit = null);

public sealed record TokenPairResponse(string QueryToken, string EntryToken, double Similarity, double Contribution, bool Weak);

public sealed record ExplanationResponse(
    string MatchedName,
    string MatchedNameKind,
    string NormalisedQuery,
    string NormalisedName,
    IReadOnlyList<TokenPairResponse> Pairs,
    IReadOnlyList<string> UnmatchedQueryTokens,
    IReadOnlyList<string> UnmatchedEntryTokens,
    double NameScore,
    string Country,
    string Summary);

public sealed record MatchResponse(
    string ListId,
    string ListName,
    string ListKind,
    int ListVersion,
    string EntryId,
    string Name,
    string? ChineseName,
    string? Country,
    double Score,
    ExplanationResponse Explanation);

public sealed record ScreenResponse(string Name, string? Country, double Threshold, IReadOnlyList<MatchResponse> Matches);

public sealed record BatchScreenResult(string Id, IReadOnlyList<MatchResponse> Matches);

public sealed record BatchScreenResponse(double Threshold, IReadOnlyList<BatchScreenResult> Results);

public sealed record CreateListRequest(string? Id, string? Name, string? Authority, string? Kind, string? Description);

public sealed record ListSummary(string Id, string Name, string Authority, string Kind, string? Description, int CurrentVersion, int EntryCount, DateTimeOffset? UpdatedAt);

public sealed record EntryChangeResponse(string EntryId, string Change, string Name, IReadOnlyList<string> Fields);

public sealed record ListVersionResponse(
    string ListId,
    int Number,
    DateTimeOffset ImportedAt,
    string ImportedBy,
    string Format,
    string FileName,
    string Sha256,
    int EntryCount,
    int Added,
    int Removed,
    int Changed,
    IReadOnlyList<EntryChangeResponse>? Changes);

public sealed record ImportResult(ListVersionResponse Version, bool Unchanged, Guid? RescreenJobId);

public sealed record ListEntryResponse(
    string EntryId,
    string Name,
    string? ChineseName,
    IReadOnlyList<string> Aliases,
    string? Country,
    string Type,
    DateOnly? Listed,
    DateOnly? Removed,
    string? Measures,
    string? SourceUrl);

public sealed record HitResponse(
    Guid Id,
    Guid PartyId,
    string PartyName,
    string ListId,
    string ListName,
    string ListKind,
    string EntryId,
    string EntryName,
    double Score,
    string Summary,
    string Trigger,
    DateTimeOffset FirstSeenAt,
    bool Current,
    string Review,
    string? ReviewedBy,
    string? ReviewReason,
    DateOnly? ClearedUntil,
    IReadOnlyList<string> OpenApplications,
    IReadOnlyList<string> LiveLicences);

public sealed record ReviewHitRequest(string? Reason, DateOnly? ExpiresOn);

public sealed record PartyScreeningResponse(string Status, IReadOnlyList<HitResponse> Hits);

public sealed record RescreenJobResponse(Guid Id, string Reason, string Status, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt, int PartiesScreened, int NewHits);
