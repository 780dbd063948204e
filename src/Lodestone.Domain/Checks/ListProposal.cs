using Lodestone.Domain.Common;

namespace Lodestone.Domain.Checks;

/// <summary>
/// A proposal to put a party on a list, raised by an end-use check that found a violation. Art. 28 makes
/// listing on the control list a decision of the authority, not of the officer who found the breach: a
/// policy administrator confirms it (the party enters a new version of the list) or rejects it (the list is
/// unchanged).
/// </summary>
public sealed class ListProposal
{
    private ListProposal()
    {
    }

    /// <summary>Identity.</summary>
    public Guid Id { get; private set; }

    /// <summary>The check that found the violation.</summary>
    public Guid CheckId { get; private set; }

    /// <summary>The party to be listed.</summary>
    public Guid PartyId { get; private set; }

    /// <summary>The list proposed (e.g. <c>cn-export-control</c>).</summary>
    public string ListId { get; private set; } = string.Empty;

    /// <summary>Why: the check's findings.</summary>
    public string Grounds { get; private set; } = string.Empty;

    /// <summary>Status.</summary>
    public ListProposalStatus Status { get; private set; }

    /// <summary>Who proposed it (the officer who recorded the violation).</summary>
    public string ProposedBy { get; private set; } = string.Empty;

    /// <summary>When.</summary>
    public DateTimeOffset ProposedAt { get; private set; }

    /// <summary>Who confirmed or rejected it.</summary>
    public string? DecidedBy { get; private set; }

    /// <summary>When it was confirmed or rejected.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The policy administrator's reason.</summary>
    public string? DecisionReason { get; private set; }

    /// <summary>The list version the party entered, once confirmed.</summary>
    public int? ListVersion { get; private set; }

    /// <summary>Optimistic-concurrency version, so two administrators cannot both decide it.</summary>
    public int Version { get; private set; }

    /// <summary>Raises a pending proposal.</summary>
    public static ListProposal Propose(Guid id, Guid checkId, Guid partyId, string listId, string grounds, string by, DateTimeOffset now) => new()
    {
        Id = id,
        CheckId = checkId,
        PartyId = partyId,
        ListId = listId,
        Grounds = grounds,
        Status = ListProposalStatus.Pending,
        ProposedBy = by,
        ProposedAt = now,
    };

    /// <summary>Confirms it: the party is on the list from <paramref name="listVersion"/>.</summary>
    public void Confirm(string? reason, int listVersion, string by, DateTimeOffset now)
    {
        Decide(ListProposalStatus.Confirmed, string.IsNullOrWhiteSpace(reason) ? "Confirmed." : reason, by, now);
        ListVersion = listVersion;
    }

    /// <summary>Rejects it; a rejection needs a reason, as it overrides the officer's finding.</summary>
    public void Reject(string? reason, string by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("reason", "A rejection needs a reason.");
        }

        Decide(ListProposalStatus.Rejected, reason, by, now);
    }

    /// <summary>Throws unless the proposal still waits for a decision.</summary>
    public void EnsurePending()
    {
        if (Status != ListProposalStatus.Pending)
        {
            throw new InvalidStateException($"The proposal is already {WireName.Of(Status)}.");
        }
    }

    private void Decide(ListProposalStatus status, string reason, string by, DateTimeOffset now)
    {
        EnsurePending();
        if (reason.Trim().Length > EndUseCheck.MaxTextLength)
        {
            throw new DomainException("reason", $"A reason has at most {EndUseCheck.MaxTextLength} characters.");
        }

        Status = status;
        DecisionReason = reason.Trim();
        DecidedBy = by;
        DecidedAt = now;
        Version++;
    }
}
