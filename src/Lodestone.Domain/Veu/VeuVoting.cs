using Lodestone.Domain.Common;

namespace Lodestone.Domain.Veu;

/// <summary>
/// Committee votes. As at the BIS End-User Review Committee, a grant needs every member's vote to be grant
/// (15 CFR §748.15(a)(2)); removal needs a majority (domain.md §2.1).
/// </summary>
public sealed partial class VeuAuthorization
{
    /// <summary>Votes cast in the current decision: the grant votes while vetting, this round's removal votes in a review.</summary>
    public IReadOnlyList<VeuVote> CurrentVotes => Status is VeuStatus.UnderReview or VeuStatus.Suspended
        ? Votes.Where(v => v.Purpose == VotePurpose.Removal && v.Round == ReviewRound).ToList()
        : Votes.Where(v => v.Purpose == VotePurpose.Grant).ToList();

    /// <summary>Members of the panel who have not voted in the current decision.</summary>
    public IReadOnlyList<string> PendingMembers => Panel.Where(m => !CurrentVotes.Any(v => SameMember(v.Member, m))).ToList();

    /// <summary>
    /// A committee member votes. While vetting, <c>grant</c> or <c>deny</c>: once every member has voted it is
    /// granted if all voted grant, refused otherwise. Under review or suspended, <c>deny</c> is a vote to
    /// remove and <c>grant</c> a vote to keep; a majority to remove revokes it.
    /// </summary>
    public VeuVote Vote(string member, VoteChoice choice, string? reason, DateTimeOffset now)
    {
        var text = CheckReason(reason, "A vote");
        if (Status is not (VeuStatus.Vetting or VeuStatus.UnderReview or VeuStatus.Suspended))
        {
            throw new InvalidStateException($"{Number} is {WireName.Of(Status)}; the committee votes only while it is vetted, under review or suspended.");
        }

        if (!Panel.Any(m => SameMember(m, member)))
        {
            throw new InvalidStateException($"{member} is not on the committee panel of {Number} ({string.Join(", ", Panel)}).");
        }

        if (CurrentVotes.Any(v => SameMember(v.Member, member)))
        {
            throw new InvalidStateException($"{member} has already voted on {Number}.");
        }

        return Status == VeuStatus.Vetting ? VoteOnGrant(member, choice, text, now) : VoteOnRemoval(member, choice, text, now);
    }

    /// <summary>A committee member votes to revoke: only a VEU under review or suspended can be revoked.</summary>
    public VeuVote VoteToRemove(string member, string? reason, DateTimeOffset now)
    {
        if (Status is not (VeuStatus.UnderReview or VeuStatus.Suspended))
        {
            throw new InvalidStateException($"{Number} is {WireName.Of(Status)}; only a VEU under review or suspended can be revoked.");
        }

        return Vote(member, VoteChoice.Deny, reason, now);
    }

    private VeuVote VoteOnGrant(string member, VoteChoice choice, string reason, DateTimeOffset now)
    {
        if (InformationRequests.Any(r => r.To is null))
        {
            throw new InvalidStateException($"{Number} is waiting for information from the applicant; votes resume once it is answered.");
        }

        var blocking = Findings.Where(f => f.Blocking).ToList();
        if (choice == VoteChoice.Grant && blocking.Count > 0)
        {
            // A listed or military-linked end user is outside the program whatever the vote (domain.md §1.5).
            throw new InvalidStateException($"{Number} cannot be granted: {string.Join(" ", blocking.Select(f => $"{f.Subject}: {f.Finding}"))}");
        }

        var vote = new VeuVote(member, VotePurpose.Grant, 0, choice, reason, now);
        Votes = [.. Votes, vote];
        Record(now, member, "vote-" + WireName.Of(choice), reason);
        if (PendingMembers.Count > 0)
        {
            return vote;
        }

        if (CurrentVotes.All(v => v.Choice == VoteChoice.Grant))
        {
            var from = ChinaTime.DateOf(now);
            ValidFrom = from;
            ValidUntil = from.AddMonths(ValidityMonths).AddDays(-1);
            DueDate = null;
            MoveTo(VeuStatus.Active, now, "committee", "granted", $"Granted unanimously ({Panel.Count} of {Panel.Count}); valid {from:yyyy-MM-dd} to {ValidUntil:yyyy-MM-dd}.");
        }
        else
        {
            var against = CurrentVotes.Count(v => v.Choice == VoteChoice.Deny);
            DueDate = null;
            MoveTo(VeuStatus.Refused, now, "committee", "refused", $"Not granted: {against} of {Panel.Count} member(s) voted deny; a grant needs every member's vote.");
        }

        return vote;
    }

    private VeuVote VoteOnRemoval(string member, VoteChoice choice, string reason, DateTimeOffset now)
    {
        var vote = new VeuVote(member, VotePurpose.Removal, ReviewRound, choice, reason, now);
        Votes = [.. Votes, vote];
        Record(now, member, choice == VoteChoice.Deny ? "vote-remove" : "vote-keep", reason);
        var remove = CurrentVotes.Count(v => v.Choice == VoteChoice.Deny);
        if (remove * 2 > Panel.Count)
        {
            MoveTo(VeuStatus.Revoked, now, "committee", "revoked", $"Revoked by a majority of the committee ({remove} of {Panel.Count}).");
        }

        return vote;
    }

    private static bool SameMember(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
