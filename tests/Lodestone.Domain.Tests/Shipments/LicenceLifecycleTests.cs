using Lodestone.Domain.Common;
using Lodestone.Domain.Licences;
using Lodestone.Domain.Shipments;
using static Lodestone.Domain.Tests.ReferenceFiles;

namespace Lodestone.Domain.Tests.Shipments;

/// <summary>The licence lifecycle (domain.md §4.2, art. 15 and 18), change requests, and post-shipment report deadlines.</summary>
public sealed class LicenceLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2025, 10, 9, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_individual_licence_is_exhausted_once_used_up_and_takes_no_more()
    {
        var licence = DeclarationCheckTests.NewLicence();
        licence.Draw(600m, 1m, D("2025-10-09"), "D1", Now);
        licence.Draw(400m, 1m, D("2025-10-10"), "D2", Now);
        Assert.Equal(LicenceStatus.Exhausted, licence.Status);
        Assert.Equal("exhausted", licence.History[^1].Action);
        Assert.Contains("Used up by D2", licence.History[^1].Reason, StringComparison.Ordinal);
        Assert.Throws<InvalidStateException>(() => licence.Draw(1m, 0m, D("2025-10-11"), "D3", Now));
    }

    [Fact]
    public void Suspension_reinstatement_and_the_states_that_admit_no_return()
    {
        var licence = DeclarationCheckTests.NewLicence();
        Assert.Throws<InvalidStateException>(() => licence.Reinstate("not suspended", "officer", Now));
        licence.Suspend("Investigation", "officer", Now);
        Assert.Equal((LicenceStatus.Suspended, SuspensionKind.Authority), (licence.Status, licence.Suspension!.Kind));
        Assert.Throws<InvalidStateException>(() => licence.Suspend("again", "officer", Now));
        Assert.Throws<DomainException>(() => licence.Reinstate("  ", "officer", Now));
        licence.Reinstate("Closed", "officer", Now);
        Assert.Null(licence.Suspension);
        licence.Revoke("Diversion", "officer", Now);
        Assert.Throws<InvalidStateException>(() => licence.Reinstate("undo", "officer", Now));
        Assert.Throws<InvalidStateException>(() => licence.Surrender("hand back", "exporter", Now));
        Assert.Equal(["issued", "suspended", "reinstated", "revoked"], licence.History.Select(e => e.Action));
    }

    [Fact]
    public void A_live_licence_expires_after_its_last_valid_day_only()
    {
        var licence = DeclarationCheckTests.NewLicence();
        Assert.False(licence.ExpireIfDue(licence.ValidUntil, Now));
        Assert.True(licence.ExpireIfDue(licence.ValidUntil.AddDays(1), Now));
        Assert.Equal(LicenceStatus.Expired, licence.Status);
        Assert.False(licence.ExpireIfDue(licence.ValidUntil.AddDays(2), Now));
    }

    [Fact]
    public void A_key_change_needs_a_new_application_and_a_non_key_one_is_due_in_20_working_days()
    {
        var licence = DeclarationCheckTests.NewLicence();
        var key = LicenceChange.Request(Guid.NewGuid(), licence, [LicenceChangeField.Destination, LicenceChangeField.Transport], "Ship to France", "exporter", Now, ChinaCalendar);
        Assert.Equal((true, LicenceChangeStatus.NewApplicationRequired, (DateOnly?)null), (key.IsKey, key.Status, key.DueDate));
        Assert.Throws<InvalidStateException>(() => key.Decide(true, "ok", "officer", Now));

        // Filed Thu 9 Oct 2025; Sat 11 Oct is a make-up working day after National Day, so 20 working days on is Wed 5 Nov.
        var nonKey = LicenceChange.Request(Guid.NewGuid(), licence, [LicenceChangeField.Transport], "Ship from Ningbo", "exporter", Now, ChinaCalendar);
        Assert.Equal((false, LicenceChangeStatus.Pending, D("2025-11-05")), (nonKey.IsKey, nonKey.Status, nonKey.DueDate!.Value));
        nonKey.Decide(false, "Port not approved", "officer", Now);
        Assert.Equal(LicenceChangeStatus.Refused, nonKey.Status);
        Assert.Throws<InvalidStateException>(() => nonKey.Decide(true, "second thoughts", "officer", Now));
        Assert.Throws<DomainException>(() => LicenceChange.Request(Guid.NewGuid(), licence, [], "nothing", "exporter", Now, ChinaCalendar));
    }

    [Fact]
    public void Reports_fall_due_in_working_days_and_an_overdue_one_is_raised_once()
    {
        var days = new Dictionary<ReportKind, int> { [ReportKind.Transport] = 10, [ReportKind.Arrival] = 30, [ReportKind.Installation] = 60, [ReportKind.Use] = 90 };
        var reports = PostShipmentReport.Schedule(Guid.NewGuid, Guid.NewGuid(), D("2025-09-15"), days, ChinaCalendar);
        Assert.Equal([ReportKind.Transport, ReportKind.Arrival, ReportKind.Installation, ReportKind.Use], reports.Select(r => r.Kind));

        // Mon 15 Sep 2025 + 10 working days: Sun 28 Sep is a make-up working day before National Day.
        var transport = reports[0];
        Assert.Equal(D("2025-09-28"), transport.DueOn);
        Assert.False(transport.IsOverdueOn(D("2025-09-28")));
        Assert.True(transport.IsOverdueOn(D("2025-09-29")));
        Assert.False(transport.RaiseIfOverdue(D("2025-09-28"), Now));
        Assert.True(transport.RaiseIfOverdue(D("2025-09-29"), Now));
        Assert.False(transport.RaiseIfOverdue(D("2025-09-30"), Now));

        transport.File("Left Ningbo", "exporter", Now);
        Assert.False(transport.IsOverdueOn(D("2025-10-30")));
        Assert.Throws<InvalidStateException>(() => transport.File("again", "exporter", Now));
        Assert.Throws<DomainException>(() => reports[1].File(" ", "exporter", Now));
    }

    [Fact]
    public void Held_goods_are_released_or_refused_once_and_reports_move_released_goods_on()
    {
        var licence = DeclarationCheckTests.NewLicence();
        var declaration = DeclarationCheckTests.Declared(licence, DeclarationCheckTests.Magnets(10m, withComposition: false));
        var shipment = Shipment.Declare(Guid.NewGuid(), declaration, DeclarationCheck.AgainstLicence(declaration, licence), licence.Id, null, "exporter", Now);
        Assert.True(shipment.IsHeld);
        Assert.Throws<InvalidStateException>(() => shipment.OnReportFiled(ReportKind.Arrival, "exporter", Now));
        shipment.Release("Test report produced", drawn: true, "officer", Now);
        Assert.Throws<InvalidStateException>(() => shipment.Refuse("too late", "officer", Now));
        shipment.OnReportFiled(ReportKind.Transport, "exporter", Now);
        Assert.Equal(ShipmentStatus.Released, shipment.Status);
        shipment.OnReportFiled(ReportKind.Arrival, "exporter", Now);
        Assert.Equal(ShipmentStatus.Arrived, shipment.Status);
        shipment.OnReportFiled(ReportKind.Use, "exporter", Now);
        Assert.Equal(ShipmentStatus.InUse, shipment.Status);
        Assert.Equal(["declared", "released", "arrived", "in-use"], shipment.History.Select(e => e.Action));
    }
}
