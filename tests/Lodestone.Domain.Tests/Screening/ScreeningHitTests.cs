using Lodestone.Domain.Common;
using Lodestone.Domain.Routing;
using Lodestone.Domain.Screening;

namespace Lodestone.Domain.Tests.Screening;

public sealed class ScreeningHitTests
{
    private static readonly DateTimeOffset At = new(2025, 9, 15, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2025, 9, 15);

    private static ScreeningHit Hit(string fingerprint = "f1") =>
        ScreeningHit.Found(Guid.NewGuid(), Guid.NewGuid(), "cn-unreliable-entity", ListKind.UnreliableEntity, "E1", "Lockheed Martin Corporation", fingerprint, 0.97, "summary", "{}", "party registered", At);

    [Fact]
    public void A_new_hit_is_unreviewed_and_counts_against_the_party()
    {
        var hit = Hit();
        Assert.Equal(HitReview.Unreviewed, hit.Review);
        Assert.True(hit.Effective);
    }

    [Fact]
    public void Found_again_on_the_same_content_keeps_the_review()
    {
        var hit = Hit();
        hit.Decide(HitReview.Cleared, "officer", "Different company", At);
        var raised = hit.FoundAgain("Lockheed Martin Corporation", "f1", ListKind.UnreliableEntity, 0.97, "s", "{}", "list change", At.AddDays(1));
        Assert.False(raised);
        Assert.Equal(HitReview.Cleared, hit.Review);
        Assert.False(hit.Effective);
    }

    [Fact]
    public void Found_again_on_changed_content_reopens_a_reviewed_hit()
    {
        var hit = Hit();
        hit.Decide(HitReview.Cleared, "officer", "Different company", At);
        var raised = hit.FoundAgain("Lockheed Martin Corporation", "f2", ListKind.UnreliableEntity, 0.97, "s", "{}", "list change", At.AddDays(1));
        Assert.True(raised);
        Assert.Equal(HitReview.Unreviewed, hit.Review);
        Assert.Null(hit.ReviewReason);
        Assert.Equal("list change", hit.Trigger);
    }

    [Fact]
    public void An_unreviewed_hit_found_again_is_not_raised_twice()
    {
        var hit = Hit();
        Assert.False(hit.FoundAgain("Lockheed Martin Corporation", "f2", ListKind.UnreliableEntity, 0.95, "s", "{}", "list change", At.AddDays(1)));
    }

    [Fact]
    public void A_lapsed_hit_that_returns_is_raised_again()
    {
        var hit = Hit();
        hit.Lapse(At.AddDays(1));
        Assert.False(hit.Effective);
        Assert.True(hit.FoundAgain("Lockheed Martin Corporation", "f1", ListKind.UnreliableEntity, 0.97, "s", "{}", "list change", At.AddDays(2)));
    }

    [Fact]
    public void Found_again_unchanged_leaves_the_row_alone()
    {
        var hit = Hit();
        var version = hit.Version;
        Assert.False(hit.FoundAgain("Lockheed Martin Corporation", "f1", ListKind.UnreliableEntity, 0.97, "summary", "{}", "list change", At.AddDays(1)));
        Assert.Equal((version, At, "party registered"), (hit.Version, hit.LastScreenedAt, hit.Trigger));
    }

    [Fact]
    public void A_hit_cannot_be_cleared_twice()
    {
        var hit = Hit();
        hit.Decide(HitReview.Cleared, "officer", "Different company", At);
        Assert.Throws<InvalidStateException>(() => hit.Decide(HitReview.Cleared, "officer", "again", At));
        hit.Decide(HitReview.Confirmed, "officer", "On second look it is the listed company", At);
        Assert.Equal(HitReview.Confirmed, hit.Review);
    }

    [Fact]
    public void A_review_needs_a_reason_and_a_current_hit()
    {
        var hit = Hit();
        Assert.Equal("reason", Assert.Throws<DomainException>(() => hit.Decide(HitReview.Confirmed, "officer", " ", At)).Field);
        Assert.Throws<DomainException>(() => hit.Decide(HitReview.Unreviewed, "officer", "x", At));
        hit.Lapse(At);
        Assert.Throws<InvalidStateException>(() => hit.Decide(HitReview.Confirmed, "officer", "x", At));
    }

    [Fact]
    public void A_clearance_covers_only_the_reviewed_content_until_it_expires()
    {
        var clearance = Clearance.Create(Guid.NewGuid(), Hit("f1"), "Different company", Today.AddDays(30), "officer", At, Today);
        Assert.True(clearance.Covers("f1", Today.AddDays(30)));
        Assert.False(clearance.Covers("f1", Today.AddDays(31)));
        Assert.False(clearance.Covers("f2", Today));
    }

    [Fact]
    public void A_clearance_is_bounded()
    {
        Assert.Equal("expiresOn", Assert.Throws<DomainException>(() => Clearance.Create(Guid.NewGuid(), Hit(), "x", Today.AddDays(-1), "o", At, Today)).Field);
        Assert.Throws<DomainException>(() => Clearance.Create(Guid.NewGuid(), Hit(), "x", Today.AddDays(Clearance.MaxDays + 1), "o", At, Today));
    }

    [Theory]
    [InlineData("cn-export-control", true)]
    [InlineData("us-bis-entity-2", true)]
    [InlineData("Upper", false)]
    [InlineData("with space", false)]
    [InlineData("", false)]
    public void A_list_id_is_a_slug(string id, bool valid)
    {
        if (valid)
        {
            Assert.Equal(id, RestrictedList.Create(id, "Name", "MOFCOM", ListKind.Control, null).Id);
        }
        else
        {
            Assert.Equal("id", Assert.Throws<DomainException>(() => RestrictedList.Create(id, "Name", "MOFCOM", ListKind.Control, null)).Field);
        }
    }

    [Fact]
    public void A_list_advances_one_version_at_a_time_and_a_version_counts_its_diff()
    {
        var list = RestrictedList.Create("cn-watch", "Watch list", "MOFCOM", ListKind.Watch, null);
        Assert.Equal(0, list.CurrentVersion);
        Assert.Equal(1, list.Advance(At));
        Assert.Equal(2, list.Advance(At));
        var version = ListVersion.Create(Guid.NewGuid(), "cn-watch", 2, At, "admin", "lodestone", "w.csv", "00", 3,
            [new("A", EntryChangeKind.Added, "a", []), new("B", EntryChangeKind.Removed, "b", []), new("C", EntryChangeKind.Changed, "c", ["aliases"]), new("D", EntryChangeKind.Added, "d", [])]);
        Assert.Equal((2, 1, 1), (version.Added, version.Removed, version.Changed));
    }
}
