using Lodestone.Domain.Routing;

namespace Lodestone.DataFiles.Tests;

public sealed class PolicyFileTests
{
    private const string Valid = """
        version: "t1"
        effectiveFrom: 2025-04-04
        lanes:
          standard: { workingDays: 40 }
        rules:
          - id: jp
            lane: enhanced
            reason: Japan
            when: { destinations: [JP], endUses: [military, automotive] }
          - id: rest
            lane: standard
            reason: everything else
            when: {}
        """;

    [Fact]
    public void Parses_rules_conditions_lane_limits_and_lines()
    {
        var policy = PolicyFile.Parse("p.yaml", Valid);
        Assert.Equal("t1", policy.Version);
        Assert.Equal(["jp", "rest"], policy.Rules.Select(r => r.Id));
        Assert.Equal([EndUseCategory.Military, EndUseCategory.Automotive], policy.Rules[0].When.EndUses);
        Assert.Equal(6, policy.Rules[0].Line);
        Assert.Equal(40, policy.WorkingDaysFor(Lane.Standard));
    }

    [Theory]
    [InlineData("lane: enhanced", "lane: enhancd", 7, "rules[0].lane")]
    [InlineData("destinations: [JP]", "destinations: [JPN]", 9, "rules[0].when.destinations[0]")]
    [InlineData("endUses: [military, automotive]", "endUses: [military, cars]", 9, "rules[0].when.endUses[1]")]
    [InlineData("when: { destinations", "when: { destination", 9, "rules[0].when.destination")]
    [InlineData("reason: Japan", "reasons: Japan", 8, "rules[0].reasons")]
    [InlineData("workingDays: 40", "workingDays: -3", 4, "lanes.standard.workingDays")]
    public void Errors_name_the_line_and_the_field(string from, string to, int line, string field)
    {
        var ex = Assert.Throws<DataFileException>(() => PolicyFile.Parse("p.yaml", Valid.Replace(from, to, StringComparison.Ordinal)));
        Assert.Equal((line, field), (ex.Line, ex.Field));
        Assert.StartsWith($"p.yaml:{line}: {field}: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_YAML_is_reported_with_its_line()
    {
        var ex = Assert.Throws<DataFileException>(() => PolicyFile.Parse("p.yaml", "version: \"x\"\nrules:\n  - id: [unclosed\n"));
        Assert.True(ex.Line >= 3, ex.Message);
        Assert.Contains("not valid YAML", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_rule_id_names_its_second_line()
    {
        var yaml = Valid.Replace("id: rest", "id: jp", StringComparison.Ordinal);
        var ex = Assert.Throws<DataFileException>(() => PolicyFile.Parse("p.yaml", yaml));
        Assert.Equal(10, ex.Line);
    }

    [Fact]
    public void A_rule_without_when_is_refused() =>
        Assert.Equal("rules[1].when", Assert.Throws<DataFileException>(() => PolicyFile.Parse("p.yaml", Valid.Replace("    when: {}", string.Empty, StringComparison.Ordinal))).Field);

    [Fact]
    public void An_empty_file_is_refused() =>
        Assert.Throws<DataFileException>(() => PolicyFile.Parse("p.yaml", string.Empty));
}

public sealed class ShippedFilesTests
{
    private static readonly string Data = Path.Combine(AppContext.BaseDirectory, "data");

    [Fact]
    public void The_default_policy_loads_and_ends_in_the_standard_lane()
    {
        var policy = PolicyFile.Load(Path.Combine(Data, "policies", "default.yaml"));
        Assert.Equal(Lane.Standard, policy.Rules[^1].Lane);
        Assert.Equal(45, policy.WorkingDaysFor(Lane.Standard));
        Assert.Null(policy.WorkingDaysFor(Lane.Enhanced));
    }

    [Fact]
    public void The_control_list_covers_every_Ann_18_heading()
    {
        var list = ControlListFile.Load(Path.Combine(Data, "control-list.yaml"));
        var headings = list.Entries.Where(e => e.InstrumentId == "ann-18-2025").Select(e => e.Heading).Distinct().Order();
        Assert.Equal(["1C902", "1C903", "1C904", "1C905", "1C906", "1C907", "1C908"], headings);
    }

    [Fact]
    public void The_calendar_covers_2025_to_2027()
    {
        var calendar = CalendarFile.Load(Path.Combine(Data, "calendar", "china.yaml"));
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31)), (calendar.CoversFrom, calendar.CoversUntil));
    }

    [Fact]
    public void The_demo_parties_hold_a_dozen_exporters_and_about_a_hundred_end_users()
    {
        var demo = DemoParties.Load(Path.Combine(Data, "demo", "parties.yaml"));
        Assert.Equal(12, demo.Parties.Count(p => p.Roles.Contains(Domain.Parties.PartyRole.Exporter)));
        Assert.InRange(demo.Parties.Count(p => p.Roles.Contains(Domain.Parties.PartyRole.EndUser)), 90, 130);
        Assert.Contains(demo.Parties, p => p.Sectors.Contains(Domain.Parties.Sector.Defence) && p.Country.Value == "US");
    }

    [Fact]
    public void A_calendar_make_up_day_on_a_weekday_is_refused()
    {
        var ex = Assert.Throws<DataFileException>(() => CalendarFile.Parse("c.yaml", "name: x\ncoversFrom: 2025-01-01\ncoversUntil: 2025-12-31\nholidays: []\nmakeUpWorkingDays:\n  - { date: 2025-01-27, for: x }\n"));
        Assert.Equal(6, ex.Line);
    }

    [Fact]
    public void A_control_entry_with_an_unknown_instrument_is_refused()
    {
        const string yaml = "version: v\ninstruments:\n  - { id: a, title: A, effectiveFrom: 2025-01-01 }\nentries:\n  - { code: X1, element: Dy, title: t, forms: [magnet], instrument: b }\n";
        Assert.Contains("unknown instrument", Assert.Throws<DataFileException>(() => ControlListFile.Parse("c.yaml", yaml)).Message, StringComparison.Ordinal);
    }
}
