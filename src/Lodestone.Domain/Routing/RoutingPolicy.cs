using Lodestone.Domain.Calendar;
using Lodestone.Domain.Common;

namespace Lodestone.Domain.Routing;

/// <summary>One ordered rule: when its conditions hold, the application goes to its lane.</summary>
/// <param name="Id">Stable id recorded with every decision (e.g. <c>deny-military-end-use</c>).</param>
/// <param name="Lane">Where a match sends the application.</param>
/// <param name="Reason">Why, in words shown to officers and applicants.</param>
/// <param name="When">Conditions.</param>
/// <param name="Line">Line in the policy file, for error messages.</param>
public sealed record PolicyRule(string Id, Lane Lane, string Reason, RuleConditions When, int Line = 0);

/// <summary>The time limit a lane runs on.</summary>
/// <param name="Lane">The lane.</param>
/// <param name="WorkingDays">Working days from acceptance to decision; null when no limit applies (art. 26 watch-list cases, art. 17 State Council cases).</param>
public sealed record LaneSettings(Lane Lane, int? WorkingDays);

/// <summary>One reason for a routing or decision: the rule that produced it and the text.</summary>
public sealed record Reason(string Rule, string Text);

/// <summary>The outcome of evaluating a policy on some facts.</summary>
public sealed record RoutingDecision(Lane Lane, string PolicyVersion, IReadOnlyList<string> RuleIds, IReadOnlyList<Reason> Reasons, int? WorkingDays);

/// <summary>
/// A versioned routing policy: ordered rules, first match wins. The last rule must match everything so
/// that every application gets a lane.
/// </summary>
public sealed class RoutingPolicy
{
    private readonly Dictionary<Lane, LaneSettings> _lanes;

    private RoutingPolicy(string version, DateOnly effectiveFrom, string? description, IReadOnlyList<PolicyRule> rules, IReadOnlyList<LaneSettings> lanes)
    {
        Version = version;
        EffectiveFrom = effectiveFrom;
        Description = description;
        Rules = rules;
        _lanes = lanes.ToDictionary(l => l.Lane);
    }

    /// <summary>The version recorded with each routing.</summary>
    public string Version { get; }

    /// <summary>The first day the policy applies.</summary>
    public DateOnly EffectiveFrom { get; }

    /// <summary>What the policy is for.</summary>
    public string? Description { get; }

    /// <summary>The rules, in evaluation order.</summary>
    public IReadOnlyList<PolicyRule> Rules { get; }

    /// <summary>Lane time limits.</summary>
    public IReadOnlyCollection<LaneSettings> Lanes => _lanes.Values;

    /// <summary>Validates and builds a policy.</summary>
    /// <exception cref="DomainException">Duplicate rule ids, no rules, or a last rule that does not match everything.</exception>
    public static RoutingPolicy Create(string version, DateOnly effectiveFrom, string? description, IReadOnlyList<PolicyRule> rules, IReadOnlyList<LaneSettings> lanes)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(lanes);
        if (string.IsNullOrWhiteSpace(version))
        {
            throw new DomainException("version", "A policy needs a version.");
        }

        if (rules.Count == 0)
        {
            throw new DomainException("rules", "A policy needs at least one rule.");
        }

        var duplicate = rules.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainException($"line {duplicate.Last().Line}", $"Rule id '{duplicate.Key}' is used twice (lines {string.Join(", ", duplicate.Select(r => r.Line))}).");
        }

        var catchAll = rules.FirstOrDefault(r => r.When.IsEmpty);
        if (catchAll is null)
        {
            throw new DomainException("rules", "The last rule must have no conditions, so that every application gets a lane.");
        }

        if (!ReferenceEquals(catchAll, rules[^1]))
        {
            throw new DomainException($"line {catchAll.Line}", $"Rule '{catchAll.Id}' matches everything, so the rules after it can never fire.");
        }

        var dupLane = lanes.GroupBy(l => l.Lane).FirstOrDefault(g => g.Count() > 1);
        if (dupLane is not null)
        {
            throw new DomainException("lanes", $"Lane '{WireName.Of(dupLane.Key)}' is configured twice.");
        }

        return new RoutingPolicy(version.Trim(), effectiveFrom, description, rules, lanes);
    }

    /// <summary>The working-day limit of a lane (null: no limit).</summary>
    public int? WorkingDaysFor(Lane lane) => _lanes.TryGetValue(lane, out var s) ? s.WorkingDays : DefaultWorkingDays(lane);

    /// <summary>The rule that decides the lane (the first whose conditions hold), without the reasons' text.</summary>
    public PolicyRule FirstMatch(RoutingFacts facts)
    {
        foreach (var rule in Rules)
        {
            if (rule.When.Holds(facts))
            {
                return rule;
            }
        }

        // Unreachable: Create() guarantees a final catch-all rule.
        throw new InvalidOperationException("Policy has no catch-all rule.");
    }

    /// <summary>The rule with this id, or null.</summary>
    public PolicyRule? RuleById(string id) => Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));

    /// <summary>Routes: the first rule whose conditions hold decides the lane.</summary>
    public RoutingDecision Evaluate(RoutingFacts facts)
    {
        foreach (var rule in Rules)
        {
            if (rule.When.Matches(facts, out var evidence))
            {
                var reasons = new List<Reason> { new(rule.Id, rule.Reason) };
                reasons.AddRange(evidence.Select(e => new Reason(rule.Id, e)));

                // Every decision states what was classified, even when the rule that fired did not test it.
                var classified = facts.ItemControlled ? $"Controlled items: {string.Join(", ", facts.ControlCodes)}." : null;
                if (classified is not null && !evidence.Contains(classified))
                {
                    reasons.Add(new Reason(rule.Id, classified));
                }

                // An export that falls out of the fast lane says why, so the applicant can fix its VEU or its filing.
                if (rule.Lane != Lane.VeuFastTrack)
                {
                    reasons.AddRange(facts.VeuGaps.Select(g => new Reason(rule.Id, $"Not fast-tracked: {g}.")));
                }

                return new RoutingDecision(rule.Lane, Version, [rule.Id], reasons, WorkingDaysFor(rule.Lane));
            }
        }

        // Unreachable: Create() guarantees a final catch-all rule.
        throw new InvalidOperationException("Policy has no catch-all rule.");
    }

    // Art. 17: 45 working days for a licence decision; lanes that end at filing have none.
    private static int? DefaultWorkingDays(Lane lane) => lane is Lane.Standard ? ReviewDeadlines.LicenceDecisionWorkingDays : null;
}
