using Lodestone.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services.Veu;

/// <summary>Who sits on the End-User Review Committee when vetting opens.</summary>
public interface ICommitteePanel
{
    Task<IReadOnlyList<string>> MembersAsync(CancellationToken ct);
}

/// <summary>The committee: accounts in the committee role that are not locked, by user name.</summary>
public sealed class CommitteeAccounts(LodestoneDbContext db, TimeProvider time) : ICommitteePanel
{
    public async Task<IReadOnlyList<string>> MembersAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var members = await (from role in db.Roles
                             where role.Name == Roles.Committee
                             join link in db.UserRoles on role.Id equals link.RoleId
                             join user in db.Users on link.UserId equals user.Id
                             select new { user.UserName, user.LockoutEnd })
            .ToListAsync(ct);
        return members.Where(m => m.UserName is not null && (m.LockoutEnd is null || m.LockoutEnd < now))
            .Select(m => m.UserName!).Order(StringComparer.OrdinalIgnoreCase).ToList();
    }
}

/// <summary>A fixed committee (the demo seeder plays the demo committee before its accounts exist).</summary>
public sealed class FixedCommittee(IReadOnlyList<string> members) : ICommitteePanel
{
    public Task<IReadOnlyList<string>> MembersAsync(CancellationToken ct) => Task.FromResult(members);
}
