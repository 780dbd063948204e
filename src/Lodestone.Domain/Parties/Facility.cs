using Lodestone.Domain.Common;

namespace Lodestone.Domain.Parties;

/// <summary>A site of a party. VEUs are granted per facility: other sites of the same firm are not covered.</summary>
public sealed record Facility(string Name, string Address, CountryCode Country);
