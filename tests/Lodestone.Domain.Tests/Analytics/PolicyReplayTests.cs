using System.Text.Json;
using Lodestone.DataFiles;
using Lodestone.Domain.Analytics;
using Lodestone.Domain.Applications;
using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;
using static Lodestone.Domain.Tests.ReferenceFiles;

namespace Lodestone.Domain.Tests.Analytics;

/// <summary>
/// The what-if replay on hand-built histories: the policy in force reproduces every lane, a draft flips exactly
/// the applications its change touches and names the rule, tonnage estimates follow the lane's history, and
/// the result does not depend on the order the history is read in.
/// </summary>
public sealed class PolicyReplayTests
{
    private static readonly string DefaultYaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "policies", "default.yaml"));

    private static RoutingFacts Facts(string destination = "DE", decimal kg = 100m, Sector sector = Sector.Automotive, ListKind? hit = null, bool military = false, bool veu = false) => new()
    {
        Channel = Channel.Individual,
        ItemControlled = true,
        ControlCodes = ["1C905.a.4"],
        Destination = CountryCode.Parse(destination, "destination"),
        EndUse = EndUseCategory.Automotive,
        EndUserSectors = [sector],
        ListHits = hit is { } kind ? [new ListHit(kind, "a list v1", "end-user", "entry")] : [],
        MilitaryLinked = military,
        MissingEvidence = [],
        VeuCover = veu ? "VEU-2025-0001" : null,
        QuantityKg = kg,
    };

    /// <summary>A case routed by the default policy, as the filing would have recorded it.</summary>
    private static ReplayCase Routed(string number, DateOnly filed, RoutingFacts facts, HistoricalOutcome outcome)
    {
        var rule = Policy.FirstMatch(facts);
        var at = new DateTimeOffset(filed.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        return new ReplayCase(Guid.NewGuid(), number, filed, facts.Destination.Value, rule.Lane, rule.Id, Policy.Version, outcome, facts, at);
    }

    private static RoutingPolicy Draft(string version, Func<string, string> edit) =>
        PolicyFile.Parse("draft.yaml", edit(DefaultYaml.Replace("version: \"2025.1\"", $"version: \"{version}\"", StringComparison.Ordinal)));

    private static ReplayResult Replay(RoutingPolicy? draft, IEnumerable<ReplayCase> history, int maxFlips = 1000)
    {
        var replay = new PolicyReplay(draft, c => c.PolicyVersion == Policy.Version ? Policy : null, maxFlips);
        foreach (var item in history)
        {
            replay.Add(item);
        }

        return replay.Result();
    }

    /// <summary>
    /// Six applications: two standard to Germany (1,000 kg approved, 250 kg denied), an aerospace end user in
    /// the US (enhanced, approved), a military-linked US buyer (presumption of denial, denied), a watch-listed
    /// party (enhanced, pending) and a VEU-covered export (fast track, approved on filing).
    /// </summary>
    private static List<ReplayCase> History() =>
    [
        Routed("LA-1", D("2025-09-01"), Facts(kg: 1000m), HistoricalOutcome.Approved),
        Routed("LA-2", D("2025-09-02"), Facts(kg: 250m), HistoricalOutcome.Denied),
        Routed("LA-3", D("2025-09-03"), Facts("US", 400m, Sector.Aerospace), HistoricalOutcome.Approved),
        Routed("LA-4", D("2025-09-04"), Facts("US", 300m, military: true), HistoricalOutcome.Denied),
        Routed("LA-5", D("2025-10-01"), Facts("KR", 50m, hit: ListKind.Watch), HistoricalOutcome.Pending),
        Routed("LA-6", D("2025-10-02"), Facts("DE", 100m, veu: true), HistoricalOutcome.Approved),
    ];

    [Fact]
    public void The_policy_in_force_reproduces_every_lane()
    {
        var history = History();
        Assert.Equal(
            [Lane.Standard, Lane.Standard, Lane.Enhanced, Lane.PresumptionOfDenial, Lane.Enhanced, Lane.VeuFastTrack],
            history.Select(h => h.Lane));

        var result = Replay(null, history);
        Assert.Equal((6, 0, (string?)null), (result.Replayed, result.Flipped, result.DraftVersion));
        Assert.Empty(result.Flips);
        Assert.Equal(1500m, result.ApprovedKg);
        Assert.Equal(result.ApprovedKg, result.DraftApprovedKg);
        var deSep = result.Cells.Single(c => c.Month == D("2025-09-01") && c.Destination == "DE");
        Assert.Equal(2, deSep.Historical[Lane.Standard]);
        Assert.Equal(deSep.Historical, deSep.Draft);
    }

    [Fact]
    public void A_new_rule_flips_only_the_applications_it_matches_and_is_named_as_the_difference()
    {
        // Draft: US aerospace end users are presumed denied.
        var draft = Draft("2026.1-draft", y => y.Replace(
            "  - id: military-end-use\n",
            "  - id: us-aerospace\n    lane: presumption-of-denial\n    reason: US aerospace supplies the defence base.\n    when: { destinations: [US], endUserSectors: [aerospace] }\n  - id: military-end-use\n",
            StringComparison.Ordinal));
        var result = Replay(draft, History());

        Assert.Equal((6, 1), (result.Replayed, result.Flipped));
        var flip = Assert.Single(result.Flips);
        Assert.Equal(("LA-3", Lane.Enhanced, "dual-civil-defence-sector", Lane.PresumptionOfDenial, "us-aerospace", "us-aerospace"), (flip.Number, flip.FromLane, flip.FromRule, flip.ToLane, flip.ToRule, flip.DecidingRule));
        Assert.StartsWith("New rule 'us-aerospace' sends it to presumption-of-denial", flip.Why, StringComparison.Ordinal);
        Assert.Equal(new LaneShift(Lane.Enhanced, Lane.PresumptionOfDenial, 1, 400m), Assert.Single(result.Shifts));

        // The presumption lane approved none of its 300 decided kg, so the 400 kg moved there reach nothing.
        Assert.Equal(0m, result.ApprovalShares[Lane.PresumptionOfDenial]);
        Assert.Equal((1500m, 1100m), (result.ApprovedKg, result.DraftApprovedKg));
        var usSep = result.Cells.Single(c => c.Destination == "US");
        Assert.Equal((1, 2, 1, 400m, 0m), (usSep.Historical[Lane.Enhanced], usSep.Draft[Lane.PresumptionOfDenial], usSep.Flipped, usSep.ApprovedKg, usSep.DraftApprovedKg));
    }

    [Fact]
    public void Removing_a_rule_names_the_removed_rule_and_estimates_approval_at_the_lanes_historical_share()
    {
        var draft = Draft("no-veu", y => y.Replace(
            "  - id: veu-covered\n    lane: veu-fast-track\n    reason: An active validated end-user authorisation covers this export.\n    when: { veuCover: true }\n",
            string.Empty,
            StringComparison.Ordinal));
        var result = Replay(draft, History());

        var flip = Assert.Single(result.Flips);
        Assert.Equal(("LA-6", Lane.VeuFastTrack, Lane.Standard, "veu-covered"), (flip.Number, flip.FromLane, flip.ToLane, flip.DecidingRule));
        Assert.Equal("Rule 'veu-covered' was removed, so 'standard-review' decides: standard.", flip.Why);

        // Standard approved 1,000 of 1,250 decided kg (0.8), so the 100 kg moved there count as 80.
        Assert.Equal(0.8m, result.ApprovalShares[Lane.Standard]);
        Assert.Equal(1480m, result.DraftApprovedKg);
    }

    [Fact]
    public void A_rule_sent_to_another_lane_and_a_rule_moved_earlier_are_told_apart()
    {
        var harsher = Draft("watch-harsher", y => y.Replace(
            "  - id: watch-list-party\n    lane: enhanced\n",
            "  - id: watch-list-party\n    lane: presumption-of-denial\n",
            StringComparison.Ordinal));
        var flip = Assert.Single(Replay(harsher, History()).Flips);
        Assert.Equal(("LA-5", "Rule 'watch-list-party' now sends it to presumption-of-denial instead of enhanced."), (flip.Number, flip.Why));

        // Moving the VEU rule to the top lets a covered export with a watch-list hit through.
        var veuFirst = Draft("veu-first", y => y
            .Replace("  - id: veu-covered\n    lane: veu-fast-track\n    reason: An active validated end-user authorisation covers this export.\n    when: { veuCover: true }\n", string.Empty, StringComparison.Ordinal)
            .Replace("rules:\n", "rules:\n  - id: veu-covered\n    lane: veu-fast-track\n    reason: An active validated end-user authorisation covers this export.\n    when: { veuCover: true }\n", StringComparison.Ordinal));
        var covered = Routed("LA-7", D("2025-10-03"), Facts("KR", 10m, hit: ListKind.Watch, veu: true), HistoricalOutcome.Pending);
        Assert.Equal(Lane.Enhanced, covered.Lane);
        var moved = Assert.Single(Replay(veuFirst, [covered]).Flips);
        Assert.Equal("Rule 'veu-covered' now comes before 'watch-list-party', sending it to veu-fast-track.", moved.Why);
    }

    [Fact]
    public void The_result_does_not_depend_on_the_order_history_is_read_in()
    {
        var draft = Draft("2026.1-draft", y => y.Replace("  - id: watch-list-party\n    lane: enhanced\n", "  - id: watch-list-party\n    lane: prohibited\n", StringComparison.Ordinal));
        var history = History();
        var forward = JsonSerializer.Serialize(Replay(draft, history));
        var backward = JsonSerializer.Serialize(Replay(draft, Enumerable.Reverse(history)));
        Assert.Equal(forward, backward);
        Assert.Equal(forward, JsonSerializer.Serialize(Replay(draft, history)));
    }

    [Fact]
    public void Unknown_policy_versions_are_reported_not_guessed_and_the_flip_list_is_capped()
    {
        var history = History();
        history.Add(history[0] with { Id = Guid.NewGuid(), Number = "LA-8", PolicyVersion = "2024.9" });
        var result = Replay(null, history);
        Assert.Equal(6, result.Replayed);
        Assert.Equal(["2024.9"], result.UnknownPolicyVersions);

        var strict = Draft("all-enhanced", y => y.Replace("rules:\n", "rules:\n  - id: everything-enhanced\n    lane: enhanced\n    reason: Review everything.\n    when: { itemControlled: true }\n", StringComparison.Ordinal));
        var capped = Replay(strict, History(), maxFlips: 2);
        Assert.Equal(4, capped.Flipped); // all but the two already enhanced
        Assert.Equal(["LA-1", "LA-2"], capped.Flips.Select(f => f.Number));

        // The earliest filings are kept whatever order the history is read in.
        Assert.Equal(["LA-1", "LA-2"], Replay(strict, Enumerable.Reverse(History()), maxFlips: 2).Flips.Select(f => f.Number));
    }

    [Fact]
    public void Replays_of_parts_of_the_history_merge_into_the_replay_of_the_whole()
    {
        var strict = Draft("all-enhanced", y => y.Replace("rules:\n", "rules:\n  - id: everything-enhanced\n    lane: enhanced\n    reason: Review everything.\n    when: { itemControlled: true }\n", StringComparison.Ordinal));
        var history = History();
        history.Add(history[0] with { Id = Guid.NewGuid(), Number = "LA-9", PolicyVersion = "2024.9" });
        var whole = JsonSerializer.Serialize(Replay(strict, history, maxFlips: 3));

        // Interleaved parts, so the earliest flips are spread over both and the cap must be applied again on merge.
        var parts = new[] { new PolicyReplay(strict, c => c.PolicyVersion == Policy.Version ? Policy : null, 3), new PolicyReplay(strict, c => c.PolicyVersion == Policy.Version ? Policy : null, 3) };
        for (var i = 0; i < history.Count; i++)
        {
            parts[i % 2].Add(history[i]);
        }

        parts[1].Merge(parts[0]);
        var merged = parts[1].Result();
        Assert.Equal(whole, JsonSerializer.Serialize(merged));
        Assert.Equal(5, merged.Flipped); // all but the two already enhanced, counted over both parts
        Assert.Equal(["LA-1", "LA-9", "LA-2"], merged.Flips.Select(f => f.Number));

        Assert.Throws<ArgumentException>(() => parts[0].Merge(new PolicyReplay(null, _ => Policy, 3)));
    }
}
