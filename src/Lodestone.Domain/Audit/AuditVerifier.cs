namespace Lodestone.Domain.Audit;

/// <summary>A signed statement of the chain's head at some point: (seq, hash), signed with a key kept outside the database.</summary>
public sealed record AuditCheckpoint(long Seq, string Hash, DateTimeOffset At, string KeyId, string Signature)
{
    /// <summary>The bytes that are signed.</summary>
    public static byte[] Payload(long seq, string hash, DateTimeOffset at) =>
        System.Text.Encoding.UTF8.GetBytes($"lodestone-audit-checkpoint\n{seq}\n{hash}\n{at.ToUniversalTime():O}");
}

/// <summary>The outcome of verifying the chain.</summary>
/// <param name="Ok">True when every record and every checkpoint holds.</param>
/// <param name="Records">Records examined.</param>
/// <param name="FirstBadSeq">The first sequence number at fault, if any.</param>
/// <param name="Problem">What is wrong there.</param>
/// <param name="CheckpointsVerified">Checkpoints whose signature and hash held.</param>
/// <param name="Warnings">Things that are not faults but limit the assurance (e.g. no key to check checkpoints).</param>
public sealed record AuditVerification(bool Ok, long Records, long? FirstBadSeq, string? Problem, int CheckpointsVerified, IReadOnlyList<string> Warnings);

/// <summary>
/// Recomputes the chain in sequence order and checks the signed checkpoints. Pure: the caller streams
/// the records and says whether a checkpoint's signature is valid.
/// </summary>
public sealed class AuditVerifier
{
    private readonly Dictionary<long, string> _hashAt = [];
    private long _expectedSeq = 1;
    private string _prevHash = AuditRecord.Genesis;
    private long _count;
    private long? _firstBad;
    private string? _problem;

    /// <summary>Feeds the next record (records must come in ascending <see cref="AuditRecord.Seq"/> order).</summary>
    public void Add(AuditRecord record, ISet<long> checkpointSeqs)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(checkpointSeqs);
        _count++;
        if (_firstBad is null)
        {
            if (record.Seq != _expectedSeq)
            {
                Fail(Math.Min(record.Seq, _expectedSeq), record.Seq > _expectedSeq
                    ? $"record {_expectedSeq} is missing (next present is {record.Seq})"
                    : $"sequence {record.Seq} appears out of order");
            }
            else if (record.PrevHash != _prevHash)
            {
                Fail(record.Seq, "its previous-hash does not match the record before it (a record was removed, inserted or reordered)");
            }
            else if (record.Recompute() != record.Hash)
            {
                Fail(record.Seq, "its content does not match its hash (the record was altered)");
            }
        }

        if (checkpointSeqs.Contains(record.Seq))
        {
            _hashAt[record.Seq] = record.Hash;
        }

        _prevHash = record.Hash;
        _expectedSeq = record.Seq + 1;
    }

    /// <summary>Checks the checkpoints (and, when given, the stored head) against the records seen and returns the verdict.</summary>
    public AuditVerification Finish(IReadOnlyList<AuditCheckpoint> checkpoints, Func<AuditCheckpoint, bool>? signatureValid, (long Seq, string Hash)? head = null)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);

        // The head row is written with every append: newest records deleted without it being rewound show here.
        var lastSeq = _expectedSeq - 1;
        if (head is { } h)
        {
            if (h.Seq > lastSeq)
            {
                Fail(lastSeq + 1, $"the chain ends at {lastSeq} but its head says {h.Seq} (the newest records were removed)");
            }
            else if (h.Seq < lastSeq)
            {
                Fail(h.Seq + 1, $"records after the head ({h.Seq}) were added outside Lodestone");
            }
            else if (lastSeq > 0 && h.Hash != _prevHash)
            {
                Fail(lastSeq, "the newest record does not match the head's hash");
            }
        }

        var warnings = new List<string>();
        var verified = 0;
        if (checkpoints.Count > 0 && signatureValid is null)
        {
            warnings.Add("No audit key is configured, so checkpoint signatures were not checked; a full re-hash of the chain would go unnoticed.");
        }

        if (checkpoints.Count == 0)
        {
            warnings.Add("No checkpoint has been signed yet; run 'lodestone audit checkpoint' regularly so a full re-hash is detected.");
        }

        foreach (var checkpoint in checkpoints.OrderBy(c => c.Seq))
        {
            if (signatureValid is not null && !signatureValid(checkpoint))
            {
                Fail(checkpoint.Seq, $"checkpoint {checkpoint.Seq} has an invalid signature");
                continue;
            }

            if (!_hashAt.TryGetValue(checkpoint.Seq, out var hash))
            {
                Fail(checkpoint.Seq, $"checkpoint {checkpoint.Seq} names a record that is no longer there (the chain was truncated)");
            }
            else if (hash != checkpoint.Hash)
            {
                Fail(checkpoint.Seq, $"record {checkpoint.Seq} no longer has the hash signed in its checkpoint (the chain was rewritten)");
            }
            else if (signatureValid is not null)
            {
                verified++;
            }
        }

        return new AuditVerification(_firstBad is null, _count, _firstBad, _problem, verified, warnings);
    }

    private void Fail(long seq, string problem)
    {
        if (_firstBad is null || seq < _firstBad)
        {
            _firstBad = seq;
            _problem = $"Sequence {seq}: {problem}.";
        }
    }
}
