using Lodestone.Domain.Common;
using Lodestone.Domain.Veu;
using Lodestone.Persistence;
using Lodestone.Services.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Veu;

/// <summary>
/// The public register of active VEUs, as BIS publishes Supp. 7 to part 748: end user, country, facilities,
/// control codes, end use and validity. Nothing else about a VEU is public.
/// </summary>
public sealed class VeuRegister(LodestoneDbContext db, TimeProvider time)
{
    public static readonly IReadOnlyList<string> CsvHeader = ["number", "end_user", "end_user_chinese_name", "country", "facilities", "control_codes", "end_use", "valid_from", "valid_until"];

    public async Task<IReadOnlyList<VeuRegisterEntry>> ListAsync(CancellationToken ct)
    {
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var veus = await db.VeuAuthorizations.AsNoTracking().Where(v => v.Status == VeuStatus.Active && v.ValidUntil >= today).ToListAsync(ct);
        var parties = await db.Parties.AsNoTracking().ByIdsAsync(veus.Select(v => v.EndUserId), ct);
        return veus
            .Select(v => (Veu: v, Party: parties[v.EndUserId]))
            .OrderBy(x => x.Party.Country.Value, StringComparer.Ordinal).ThenBy(x => x.Party.Name, StringComparer.OrdinalIgnoreCase)
            .Select(x => new VeuRegisterEntry(
                x.Veu.Number,
                x.Party.Name,
                x.Party.ChineseName,
                x.Party.Country.Value,
                x.Veu.Facilities.Select(f => new FacilityDto(f.Name, f.Address, f.Country.Value)).ToList(),
                x.Veu.ControlCodes,
                WireName.Of(x.Veu.EndUse),
                x.Veu.ValidFrom!.Value,
                x.Veu.ValidUntil!.Value))
            .ToList();
    }

    /// <summary>The register as CSV rows (facilities and codes joined with "; ").</summary>
    public static IEnumerable<IReadOnlyList<string?>> CsvRows(IEnumerable<VeuRegisterEntry> entries) =>
        entries.Select(e => (IReadOnlyList<string?>)
        [
            e.Number, e.EndUser, e.EndUserChineseName, e.Country,
            string.Join("; ", e.Facilities.Select(f => $"{f.Name}, {f.Address}")),
            string.Join("; ", e.ControlCodes), e.EndUse,
            e.ValidFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            e.ValidUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ]);
}
