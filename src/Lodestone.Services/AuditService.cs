using System.Security.Cryptography;
using Lodestone.Domain.Audit;
using Lodestone.Domain.Common;
using Lodestone.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services;

/// <summary>A page of audit records, for auditors.</summary>
public sealed record AuditEntry(long Seq, DateTimeOffset At, string Actor, Guid? OrganisationId, string Action, string EntityType, string EntityId, string? Before, string? After, string Hash);

/// <summary>Reads, verifies and checkpoints the audit chain.</summary>
public sealed class AuditService(LodestoneDbContext db, LodestoneOptions options, TimeProvider time)
{
    /// <summary>Recomputes the whole chain and checks every signed checkpoint.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        var checkpoints = await db.AuditCheckpoints.AsNoTracking().ToListAsync(ct);
        var seqs = checkpoints.Select(c => c.Seq).ToHashSet();
        var verifier = new AuditVerifier();
        await foreach (var record in db.AuditEvents.AsNoTracking().OrderBy(r => r.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            verifier.Add(record, seqs);
        }

        using var key = LoadKey(create: false);
        var keyId = key is null ? null : KeyIdOf(key);
        var head = await db.AuditHeads.AsNoTracking().SingleAsync(h => h.Id == 1, ct);
        return verifier.Finish(checkpoints, key is null ? null : c => c.KeyId == keyId && Verify(key, c), (head.Seq, head.Hash));
    }

    /// <summary>Signs the current head with the audit key (creating the key file on first use) and stores the checkpoint.</summary>
    public async Task<(AuditCheckpoint Checkpoint, bool KeyCreated)> CheckpointAsync(CancellationToken ct)
    {
        var created = options.AuditKeyFile is { } path && !File.Exists(path);
        using var key = LoadKey(create: true) ?? throw new DomainException("auditKeyFile", "Set Lodestone__AuditKeyFile (or --key) to the file of the key that signs checkpoints; keep it outside the database.");
        var head = await db.AuditHeads.AsNoTracking().SingleAsync(h => h.Id == 1, ct);
        if (head.Seq == 0)
        {
            throw new InvalidStateException("The audit trail is empty; there is nothing to checkpoint.");
        }

        if (await db.AuditCheckpoints.AnyAsync(c => c.Seq == head.Seq, ct))
        {
            return (await db.AuditCheckpoints.AsNoTracking().SingleAsync(c => c.Seq == head.Seq, ct), created);
        }

        var at = AuditRecord.Normalize(time.GetUtcNow());
        var signature = Convert.ToBase64String(key.SignData(AuditCheckpoint.Payload(head.Seq, head.Hash, at), HashAlgorithmName.SHA256));
        var checkpoint = new AuditCheckpoint(head.Seq, head.Hash, at, KeyIdOf(key), signature);
        db.AuditCheckpoints.Add(checkpoint);
        await db.SaveChangesAsync(ct);
        return (checkpoint, created);
    }

    /// <summary>Audit records, newest first, filtered.</summary>
    public async Task<PagedAudit> ListAsync(string? action, string? entityType, string? entityId, string? actor, int page, int pageSize, CancellationToken ct)
    {
        if (page is < 1 or > 100_000 || pageSize is < 1 or > 500)
        {
            throw new DomainException("pageSize", "Pages start at 1 and hold 1 to 500 records.");
        }

        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(action))
        {
            query = query.Where(r => r.Action.StartsWith(action));
        }

        if (!string.IsNullOrWhiteSpace(entityType))
        {
            query = query.Where(r => r.EntityType == entityType);
        }

        if (!string.IsNullOrWhiteSpace(entityId))
        {
            query = query.Where(r => r.EntityId == entityId);
        }

        if (!string.IsNullOrWhiteSpace(actor))
        {
            query = query.Where(r => r.Actor == actor);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.Seq).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedAudit(
            rows.Select(r => new AuditEntry(r.Seq, r.At, r.Actor, r.OrganisationId, r.Action, r.EntityType, r.EntityId, r.Before, r.After, r.Hash)).ToList(),
            page,
            pageSize,
            total);
    }

    private ECDsa? LoadKey(bool create)
    {
        if (options.AuditKeyFile is not { Length: > 0 } path)
        {
            return null;
        }

        var key = ECDsa.Create();
        if (File.Exists(path))
        {
            key.ImportFromPem(File.ReadAllText(path));
            return key;
        }

        if (!create)
        {
            key.Dispose();
            return null;
        }

        key.GenerateKey(ECCurve.NamedCurves.nistP256);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }

    private static string KeyIdOf(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];

    private static bool Verify(ECDsa key, AuditCheckpoint checkpoint)
    {
        try
        {
            return key.VerifyData(AuditCheckpoint.Payload(checkpoint.Seq, checkpoint.Hash, checkpoint.At), Convert.FromBase64String(checkpoint.Signature), HashAlgorithmName.SHA256);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>A page of audit entries.</summary>
public sealed record PagedAudit(IReadOnlyList<AuditEntry> Items, int Page, int PageSize, int Total);
