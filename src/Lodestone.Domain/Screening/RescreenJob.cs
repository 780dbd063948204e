using Lodestone.Domain.Common;

namespace Lodestone.Domain.Screening;

/// <summary>State of a background re-screening.</summary>
public enum RescreenStatus
{
    /// <summary>Waiting for a server instance to claim it.</summary>
    Pending,

    /// <summary>Claimed and running.</summary>
    Running,

    /// <summary>Finished.</summary>
    Done,
}

/// <summary>
/// A request to re-screen every party after a list changed. Kept in the database so that any server
/// instance can claim it, and one that dies mid-run leaves it to be claimed again.
/// </summary>
public sealed class RescreenJob
{
    private RescreenJob()
    {
    }

    /// <summary>Identity.</summary>
    public Guid Id { get; private set; }

    /// <summary>Why (e.g. "us-bis-entity version 3").</summary>
    public string Reason { get; private set; } = string.Empty;

    /// <summary>Status.</summary>
    public RescreenStatus Status { get; private set; }

    /// <summary>When requested.</summary>
    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>The instance that claimed it.</summary>
    public string? ClaimedBy { get; private set; }

    /// <summary>When claimed.</summary>
    public DateTimeOffset? ClaimedAt { get; private set; }

    /// <summary>When finished.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Parties screened.</summary>
    public int PartiesScreened { get; private set; }

    /// <summary>Hits raised to the officers' queue.</summary>
    public int NewHits { get; private set; }

    /// <summary>A new request.</summary>
    public static RescreenJob Request(Guid id, string reason, DateTimeOffset at) =>
        new() { Id = id, Reason = reason, Status = RescreenStatus.Pending, RequestedAt = at };

    /// <summary>Records the result.</summary>
    public void Complete(int parties, int newHits, DateTimeOffset at)
    {
        if (Status == RescreenStatus.Done)
        {
            throw new InvalidStateException("The re-screening has already finished.");
        }

        Status = RescreenStatus.Done;
        PartiesScreened = parties;
        NewHits = newHits;
        CompletedAt = at;
    }
}
