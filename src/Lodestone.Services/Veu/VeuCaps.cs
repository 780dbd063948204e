using Lodestone.Domain.Veu;
using Lodestone.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Veu;

/// <summary>
/// Draws on a VEU's annual cap. The draw is one conditional UPDATE (<c>drawn + q ≤ cap</c>): PostgreSQL
/// re-checks the condition on the row a concurrent draw just committed, and SQLite runs writers one at a
/// time, so concurrent exports can never overdraw a cap. Call it inside the transaction that files the export.
/// </summary>
public sealed class VeuCaps(LodestoneDbContext db)
{
    /// <summary>
    /// Reads the VEU inside the filing's transaction, after the draw, holding it so that a suspension or
    /// revocation cannot commit between this check and the commit: a row lock on PostgreSQL (<c>FOR UPDATE</c>,
    /// which waits for a suspension in flight and then reads it); on SQLite the draw has already taken the
    /// database's write lock, so the read sees the last committed state and no other writer can change it.
    /// </summary>
    public async Task<VeuAuthorization> HoldAsync(Guid veuId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"VeuAuthorizations\" WHERE \"Id\" = {veuId} FOR UPDATE", ct);
        }

        return await db.VeuAuthorizations.AsNoTracking().FirstAsync(v => v.Id == veuId, ct);
    }

    /// <summary>Draws <paramref name="quantityKg"/> from the cap of <paramref name="year"/>; false when the cap would be exceeded.</summary>
    public async Task<bool> TryDrawAsync(Guid veuId, int year, decimal quantityKg, CancellationToken ct)
    {
        var grams = VeuCapYear.ToGrams(quantityKg);
        var updated = await db.VeuCapYears
            .Where(c => c.VeuId == veuId && c.Year == year && c.DrawnGrams + grams <= c.CapGrams)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DrawnGrams, c => c.DrawnGrams + grams), ct);
        return updated == 1;
    }

    /// <summary>Gives back a draw made earlier in the same transaction (the VEU turned out not to be in force).</summary>
    public async Task ReleaseAsync(Guid veuId, int year, decimal quantityKg, CancellationToken ct)
    {
        var grams = VeuCapYear.ToGrams(quantityKg);
        await db.VeuCapYears.Where(c => c.VeuId == veuId && c.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DrawnGrams, c => c.DrawnGrams - grams), ct);
    }

    /// <summary>Drawn so far in a year, in kg (0 when nothing was drawn or the year is outside the validity).</summary>
    public async Task<decimal> DrawnAsync(Guid veuId, int year, CancellationToken ct) =>
        (await db.VeuCapYears.AsNoTracking().Where(c => c.VeuId == veuId && c.Year == year).Select(c => (long?)c.DrawnGrams).FirstOrDefaultAsync(ct) ?? 0) / 1000m;
}
