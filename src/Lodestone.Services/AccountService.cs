using System.Security.Cryptography;
using Lodestone.Domain.Common;
using Lodestone.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Services;

/// <summary>A demo account and its documented password.</summary>
public sealed record DemoAccount(string Email, string Role, string Password, Guid? OrganisationId);

/// <summary>Accounts and roles: the first administrator, demo accounts, and accounts created by admins.</summary>
public sealed class AccountService(UserManager<LodestoneUser> users, RoleManager<IdentityRole> roles, LodestoneDbContext db)
{
    /// <summary>The demo accounts' e-mail domain; reserved for documentation (RFC 2606 <c>.test</c>).</summary>
    public const string DemoDomain = "demo.lodestone.test";

    /// <summary>The documented demo password of a role.</summary>
    public static string DemoPassword(string role) => $"demo-{role}-password";

    /// <summary>
    /// The demo End-User Review Committee: three members, as a grant needs every vote (BIS's committee has
    /// four agencies). All three use the committee demo password.
    /// </summary>
    public static readonly IReadOnlyList<string> DemoCommittee = [$"{Roles.Committee}@{DemoDomain}", $"{Roles.Committee}-2@{DemoDomain}", $"{Roles.Committee}-3@{DemoDomain}"];

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), "role");
            }
        }
    }

    /// <summary>Creates an account. Exporter and end-user accounts need an organisation that exists.</summary>
    /// <returns>The account and its password (generated when none was given).</returns>
    public async Task<(LodestoneUser User, string Password)> CreateAsync(string? email, string? role, Guid? organisationId, string? password, bool isDemo = false)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal) || email.Trim().Length > 200)
        {
            throw new DomainException("email", "An account needs an e-mail address of at most 200 characters.");
        }

        if (role is null || !Roles.All.Contains(role))
        {
            throw new DomainException("role", $"'{role}' is not a role; expected one of: {string.Join(", ", Roles.All)}.");
        }

        if (Roles.OrganisationScoped.Contains(role))
        {
            if (organisationId is not { } org)
            {
                throw new DomainException("org", $"A {role} account belongs to an organisation: give the party id of its company.");
            }

            if (!await db.Parties.AnyAsync(p => p.Id == org))
            {
                throw new DomainException("org", $"Party {org} does not exist.");
            }
        }

        await EnsureRolesAsync();
        password ??= Generate();
        var user = new LodestoneUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, OrganisationId = organisationId, IsDemo = isDemo };
        Check(await users.CreateAsync(user, password), "password");
        Check(await users.AddToRoleAsync(user, role), "role");
        return (user, password);
    }

    /// <summary>
    /// Makes sure an administrator exists. Returns the password when one was generated, so the caller
    /// can print it once; null when an admin already existed or the password came from configuration.
    /// </summary>
    public async Task<(string Email, string? GeneratedPassword)?> EnsureAdminAsync(string? email, string? password)
    {
        await EnsureRolesAsync();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return null;
        }

        var address = string.IsNullOrWhiteSpace(email) ? "admin@lodestone.local" : email.Trim();
        var (_, used) = await CreateAsync(address, Roles.Admin, null, string.IsNullOrEmpty(password) ? null : password);
        return (address, string.IsNullOrEmpty(password) ? used : null);
    }

    /// <summary>One demo account per role, with documented passwords (README). Exporter and end user get demo organisations.</summary>
    public async Task<IReadOnlyList<DemoAccount>> EnsureDemoAccountsAsync()
    {
        var exporter = await db.Parties.Where(p => p.IsDemo && p.Name.StartsWith("JL MAG")).Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
        var endUser = await db.Applications.Where(a => a.IsDemo)
            .GroupBy(a => a.EndUserId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (Guid?)g.Key).FirstOrDefaultAsync();
        var created = new List<DemoAccount>();
        foreach (var (role, email) in Roles.All.Select(r => (r, $"{r}@{DemoDomain}")).Concat(DemoCommittee.Skip(1).Select(e => (Roles.Committee, e))))
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var org = role == Roles.Exporter ? exporter : role == Roles.EndUser ? endUser : null;
            if (Roles.OrganisationScoped.Contains(role) && org is null)
            {
                continue; // no demo organisation to attach it to
            }

            await CreateAsync(email, role, org, DemoPassword(role), isDemo: true);
            created.Add(new DemoAccount(email, role, DemoPassword(role), org));
        }

        return created;
    }

    private static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(field, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
