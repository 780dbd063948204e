using Lodestone.Domain.Common;

namespace Lodestone.Domain.Parties;

/// <summary>A direct shareholding: <see cref="OwnerId"/> holds <see cref="Percent"/> of <see cref="OwnedId"/>.</summary>
public sealed class Ownership
{
    private Ownership()
    {
    }

    /// <summary>Identity.</summary>
    public Guid Id { get; private set; }

    /// <summary>The shareholder.</summary>
    public Guid OwnerId { get; private set; }

    /// <summary>The company held.</summary>
    public Guid OwnedId { get; private set; }

    /// <summary>Share of equity or votes, in (0, 100].</summary>
    public decimal Percent { get; private set; }

    /// <summary>Creates an edge, refusing self-ownership and percentages outside (0, 100].</summary>
    /// <param name="existingPercentHeldInOwned">The sum already held in <paramref name="ownedId"/> by other owners.</param>
    public static Ownership Create(Guid id, Guid ownerId, Guid ownedId, decimal percent, decimal existingPercentHeldInOwned)
    {
        if (ownerId == ownedId)
        {
            throw new DomainException("ownerId", "A party cannot own itself.");
        }

        if (percent is <= 0m or > 100m)
        {
            throw new DomainException("percent", $"An ownership share must be above 0 and at most 100; got {percent}.");
        }

        if (decimal.Round(percent, 4) != percent)
        {
            // Stored to four places on both databases: 49.99999 must not become 50 on one of them.
            throw new DomainException("percent", "Give the share to at most four decimal places.");
        }

        if (existingPercentHeldInOwned + percent > 100m)
        {
            throw new DomainException("percent", $"Owners would hold {existingPercentHeldInOwned + percent}% of the party, more than 100%.");
        }

        return new Ownership { Id = id, OwnerId = ownerId, OwnedId = ownedId, Percent = percent };
    }
}
