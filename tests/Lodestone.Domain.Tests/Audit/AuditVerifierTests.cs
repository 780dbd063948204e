using Lodestone.Domain.Audit;

namespace Lodestone.Domain.Tests.Audit;

/// <summary>The chain detects each kind of tampering and names the first bad sequence number.</summary>
public sealed class AuditVerifierTests
{
    private static readonly DateTimeOffset At = new(2025, 9, 15, 2, 0, 0, TimeSpan.Zero);

    private static List<AuditRecord> Chain(int length)
    {
        var records = new List<AuditRecord>();
        var (seq, hash) = (0L, AuditRecord.Genesis);
        for (var i = 0; i < length; i++)
        {
            var record = AuditRecord.Next(seq, hash, At.AddMinutes(i), "officer", null, "application.approved", "LicenceApplication", $"id-{i}", null, $"{{\"n\":{i}}}");
            records.Add(record);
            (seq, hash) = (record.Seq, record.Hash);
        }

        return records;
    }

    private static AuditVerification Verify(IEnumerable<AuditRecord> records, IReadOnlyList<AuditCheckpoint>? checkpoints = null, bool signaturesValid = true)
    {
        checkpoints ??= [];
        var verifier = new AuditVerifier();
        var seqs = checkpoints.Select(c => c.Seq).ToHashSet();
        foreach (var record in records.OrderBy(r => r.Seq))
        {
            verifier.Add(record, seqs);
        }

        return verifier.Finish(checkpoints, _ => signaturesValid);
    }

    private static AuditCheckpoint CheckpointOf(AuditRecord head) => new(head.Seq, head.Hash, At, "key", "sig");

    [Fact]
    public void An_untouched_chain_verifies()
    {
        var result = Verify(Chain(5));
        Assert.True(result.Ok);
        Assert.Equal(5, result.Records);
    }

    [Fact]
    public void An_altered_record_is_named()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Actor = "mallory" };
        Assert.Equal(3, Verify(chain).FirstBadSeq);
    }

    [Fact]
    public void A_deleted_record_is_named()
    {
        var chain = Chain(5);
        chain.RemoveAt(2);
        var result = Verify(chain);
        Assert.Equal(3, result.FirstBadSeq);
        Assert.Contains("missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Reordered_records_are_named()
    {
        var chain = Chain(5);
        (chain[1], chain[2]) = (chain[2] with { Seq = 2 }, chain[1] with { Seq = 3 });
        Assert.Equal(2, Verify(chain).FirstBadSeq);
    }

    [Fact]
    public void An_inserted_record_is_named()
    {
        var chain = Chain(5);
        var forged = AuditRecord.Next(2, chain[1].Hash, At, "mallory", null, "licence.issued", "Licence", "forged", null, "{}");
        var shifted = chain.Take(2).Append(forged).Concat(chain.Skip(2).Select(r => r with { Seq = r.Seq + 1 })).ToList();
        Assert.Equal(4, Verify(shifted).FirstBadSeq);
    }

    [Fact]
    public void A_full_rehash_is_caught_by_the_signed_checkpoint()
    {
        var chain = Chain(5);
        var checkpoint = CheckpointOf(chain[4]);

        // Rewrite record 2 and recompute every hash after it: the chain itself is consistent again.
        var rewritten = chain.Take(1).ToList();
        foreach (var r in chain.Skip(1))
        {
            var prev = rewritten[^1];
            rewritten.Add(AuditRecord.Next(prev.Seq, prev.Hash, r.At, r.Seq == 2 ? "mallory" : r.Actor, r.OrganisationId, r.Action, r.EntityType, r.EntityId, r.Before, r.After));
        }

        Assert.True(Verify(rewritten).Ok);
        var result = Verify(rewritten, [checkpoint]);
        Assert.False(result.Ok);
        Assert.Equal(5, result.FirstBadSeq);
        Assert.Contains("rewritten", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_chain_is_caught_by_the_checkpoint()
    {
        var chain = Chain(5);
        Assert.Equal(5, Verify(chain.Take(3), [CheckpointOf(chain[4])]).FirstBadSeq);
    }

    [Fact]
    public void Removing_the_newest_records_shows_against_the_stored_head()
    {
        var chain = Chain(5);
        var verifier = new AuditVerifier();
        foreach (var record in chain.Take(3))
        {
            verifier.Add(record, new HashSet<long>());
        }

        var result = verifier.Finish([], null, (5, chain[4].Hash));
        Assert.Equal(4, result.FirstBadSeq);
        Assert.Contains("head says 5", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_forged_checkpoint_signature_fails()
    {
        var chain = Chain(3);
        Assert.Contains("invalid signature", Verify(chain, [CheckpointOf(chain[2])], signaturesValid: false).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Instants_are_kept_to_the_millisecond_so_a_record_read_back_from_either_database_verifies()
    {
        var precise = new DateTimeOffset(2025, 9, 15, 10, 0, 0, TimeSpan.FromHours(8)).AddTicks(1234567);
        var record = AuditRecord.Next(0, AuditRecord.Genesis, precise, "a", null, "x", "T", "1", null, null);
        Assert.Equal(TimeSpan.Zero, record.At.Offset);
        Assert.Equal(0, record.At.UtcTicks % TimeSpan.TicksPerMillisecond);
        Assert.Equal(record.Hash, (record with { At = record.At.ToOffset(TimeSpan.FromHours(8)) }).Recompute());
    }

    [Fact]
    public void The_canonical_form_separates_fields_unambiguously()
    {
        var a = AuditRecord.Canonical(1, At, "ab", null, "c", "T", "1", null, null);
        var b = AuditRecord.Canonical(1, At, "a", null, "bc", "T", "1", null, null);
        Assert.NotEqual(a, b);
    }
}
