using Lodestone.Domain.Common;
using Lodestone.Domain.Parties;
using Lodestone.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Persistence.Tests;

/// <summary>Records are kept (art. 27): no save deletes a party, application, licence or audit record.</summary>
public sealed class RetentionTests : IDisposable
{
    private readonly string _file = TempSqlite.NewPath("lodestone-retention");

    public void Dispose()
    {
        TempSqlite.Delete(_file);
    }

    private LodestoneDbContext Open()
    {
        var options = new DbContextOptionsBuilder<LodestoneDbContext>();
        DatabaseProvider.Configure(options, _file);
        return new LodestoneDbContext(options.Options, new FixedActor("tester"));
    }

    [Fact]
    public async Task Deleting_a_party_or_an_audit_record_is_refused_and_the_save_records_who_acted()
    {
        await using (var db = Open())
        {
            await db.Database.MigrateAsync();
            db.Parties.Add(Party.Create(Guid.NewGuid(), "Kept Co", null, null, CountryCode.Parse("DE", "c"), PartyKind.Company, null, null, null));
            await db.SaveChangesAsync();
        }

        await using (var db = Open())
        {
            var audit = await db.AuditEvents.SingleAsync();
            Assert.Equal(("tester", "party.registered", 1L), (audit.Actor, audit.Action, audit.Seq));

            db.Parties.Remove(await db.Parties.SingleAsync());
            Assert.Contains("never deleted", (await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync())).Message, StringComparison.Ordinal);
        }

        await using (var db = Open())
        {
            db.AuditEvents.Remove(await db.AuditEvents.SingleAsync());
            Assert.Contains("append-only", (await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync())).Message, StringComparison.Ordinal);
            Assert.Equal(1, await db.Parties.CountAsync());
        }
    }
}
