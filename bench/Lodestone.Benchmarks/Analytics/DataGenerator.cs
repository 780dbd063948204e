using System.Globalization;
using Lodestone.Domain.Applications;
using Lodestone.Domain.Calendar;
using Lodestone.Domain.Classification;
using Lodestone.Domain.Common;
using Lodestone.Domain.Controls;
using Lodestone.Domain.Parties;
using Lodestone.Domain.Routing;
using Lodestone.Domain.Shipments;

namespace Lodestone.Benchmarks.Analytics;

/// <summary>
/// Generates the analytics load: parties, applications and shipments as real domain aggregates (built with
/// <c>Party.Create</c>, <c>LicenceApplication.File/Route/StopClock/Approve/Deny/Withdraw</c> and
/// <c>Shipment.Declare/OnReportFiled</c>), so every JSON column is what the application itself would store.
/// Items are classified with the real control list on their filing or declaration date, and every
/// application is routed by the default policy on the facts it stores, so a replay under the policy in
/// force must reproduce every lane. Deterministic: each stream has its own <see cref="Random"/> seeded from
/// <see cref="Seed"/>, so the shipments do not depend on how many applications were generated.
/// The distributions are documented in docs/benchmarks.md (Analytics).
/// </summary>
internal sealed class DataGenerator
{
    public const int Seed = 20261126;

    public static readonly DateOnly FirstDay = new(2025, 1, 1);

    public static readonly DateOnly LastDay = new(2026, 10, 31);

    /// <summary>The day the data is "as of": later decisions, reports and arrivals have not happened yet.</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 25);

    /// <summary>
    /// The destination mix of Chinese magnet exports (DemoCustomsHistory's mix with the US added at its 2024
    /// share); weights, not percentages.
    /// </summary>
    private static readonly (string Country, int Weight)[] Destinations =
    [
        ("DE", 22), ("KR", 15), ("US", 12), ("VN", 8), ("IN", 7), ("JP", 5), ("IT", 5), ("TH", 5), ("MX", 4), ("PL", 4),
        ("NL", 4), ("FR", 3), ("TR", 2), ("BR", 2), ("ES", 2), ("CZ", 2), ("HU", 2), ("GB", 2), ("CA", 1), ("SG", 1), ("RU", 1),
    ];

    /// <summary>End users' main sector: weight, and the product templates the sector buys.</summary>
    private static readonly (Sector Sector, int Weight, int[] Templates, EndUseCategory Use)[] Sectors =
    [
        (Sector.Automotive, 30, [1, 1, 1, 2], EndUseCategory.Automotive),
        (Sector.Electronics, 18, [4, 4, 4, 6], EndUseCategory.Electronics),
        (Sector.Industrial, 14, [0], EndUseCategory.Industrial),
        (Sector.Wind, 8, [3], EndUseCategory.WindEnergy),
        (Sector.Robotics, 6, [0, 4], EndUseCategory.Industrial),
        (Sector.Medical, 5, [5], EndUseCategory.Medical),
        (Sector.Research, 4, [7, 8], EndUseCategory.Research),
        (Sector.Aerospace, 4, [9, 6], EndUseCategory.CivilAerospace),
        (Sector.Trading, 4, [0, 4, 1], EndUseCategory.Industrial),
        (Sector.Semiconductors, 3, [4, 6], EndUseCategory.AdvancedSemiconductor),
        (Sector.Energy, 2, [3, 0], EndUseCategory.Industrial),
        (Sector.Defence, 2, [9, 6], EndUseCategory.Military),
    ];

    /// <summary>Relative monthly volume Jan 2025 … Oct 2026: the April–May 2025 collapse after Ann. 18, then recovery.</summary>
    private static readonly double[] MonthWeights =
    [
        1.00, 0.95, 1.05, 0.70, 0.45, 0.80, 0.95, 1.00, 1.00, 1.05, 1.05, 1.00,
        0.95, 0.90, 1.05, 1.05, 1.10, 1.10, 1.05, 1.05, 1.10, 1.10,
    ];

    private readonly ControlList _controls;
    private readonly WorkingDayCalendar _calendar;
    private readonly RoutingPolicy _policy;
    private readonly Product[] _templates = Templates();
    private readonly Dictionary<(int Template, DateOnly Month), ClassificationResult> _classified = [];
    private readonly List<DateOnly> _workingDays = [];
    private readonly double[] _monthCumulative;
    private readonly DateOnly[] _months;

    public DataGenerator(ControlList controls, WorkingDayCalendar calendar, RoutingPolicy policy)
    {
        _controls = controls;
        _calendar = calendar;
        _policy = policy;
        for (var d = FirstDay; d <= LastDay; d = d.AddDays(1))
        {
            if (calendar.IsWorkingDay(d))
            {
                _workingDays.Add(d);
            }
        }

        _months = Enumerable.Range(0, MonthWeights.Length).Select(i => FirstDay.AddMonths(i)).ToArray();
        _monthCumulative = Cumulative(MonthWeights);
        Exporters = [];
        EndUsers = [];
    }

    public List<Party> Exporters { get; }

    public List<EndUserProfile> EndUsers { get; private set; }

    /// <summary>All parties: exporters (China) and foreign end users, who also act as their own consignees.</summary>
    public IReadOnlyList<Party> Parties(int exporters = 400, int endUsers = 2600)
    {
        var rng = new Random(Seed);
        var parties = new List<Party>();
        for (var i = 0; i < exporters; i++)
        {
            var party = Party.Create(NewId(rng), $"Exporter {i + 1:D4} Magnetic Materials Co., Ltd.", null, null, CountryCode.Parse("CN", "country"), PartyKind.Company,
                [i % 10 == 0 ? Sector.Trading : Sector.Magnets], [PartyRole.Exporter], null);
            Exporters.Add(party);
            parties.Add(party);
        }

        var byCountry = Cumulative(Destinations.Select(d => (double)d.Weight).ToArray());
        var bySector = Cumulative(Sectors.Select(s => (double)s.Weight).ToArray());
        var profiles = new List<EndUserProfile>();
        for (var i = 0; i < endUsers; i++)
        {
            var country = Destinations[Pick(rng, byCountry)].Country;
            var sectorIndex = Pick(rng, bySector);
            var sector = Sectors[sectorIndex].Sector;
            IEnumerable<Sector> sectors = rng.NextDouble() < 0.15 ? [sector, Sectors[Pick(rng, bySector)].Sector] : [sector];
            var code = CountryCode.Parse(country, "country");
            var party = Party.Create(NewId(rng), $"End User {i + 1:D4} {sector} {country}", null, null, code, PartyKind.Company, sectors,
                [PartyRole.EndUser, PartyRole.Consignee], [new Facility("Main plant", $"Industrial Park {i % 97 + 1}", code)]);
            parties.Add(party);

            // Screening and ownership facts are properties of the party, so they repeat on each of its filings.
            var roll = rng.NextDouble();
            ListKind? hit = roll switch
            {
                < 0.003 => ListKind.Control,
                < 0.013 => ListKind.Watch,
                < 0.017 => ListKind.MilitaryEndUser,
                < 0.020 => ListKind.UnreliableEntity,
                _ => null,
            };
            var ownedByDefence = party.IsDefence || rng.NextDouble() < 0.01;
            var minority = !ownedByDefence && rng.NextDouble() < 0.02;
            var clean = hit is null && !ownedByDefence;
            var veu = clean && sector is Sector.Automotive or Sector.Electronics or Sector.Wind or Sector.Medical && rng.NextDouble() < 0.10;
            profiles.Add(new EndUserProfile(party, sectorIndex, hit, ownedByDefence, minority, veu ? NewId(rng) : null, veu ? $"VEU-{country}-{i + 1:D4}" : null));
        }

        EndUsers = profiles;
        return parties;
    }

    /// <summary>Applications filed on working days 2025-01-01 … 2026-10-31, routed by the default policy.</summary>
    public IEnumerable<LicenceApplication> Applications(int count)
    {
        var rng = new Random(Seed + 1);
        var daysByMonth = _workingDays.GroupBy(d => new DateOnly(d.Year, d.Month, 1)).ToDictionary(g => g.Key, g => g.ToArray());
        var suppliedAll = new[] { DocumentKind.EndUserCertificate, DocumentKind.Contract, DocumentKind.TechnicalDescription, DocumentKind.EndUseStatement };
        for (var n = 0; n < count; n++)
        {
            var month = _months[Pick(rng, _monthCumulative)];
            var days = daysByMonth[month];
            var filed = days[rng.Next(days.Length)];
            var user = EndUsers[rng.Next(EndUsers.Count)];
            var exporter = Exporters[ExporterIndex(rng)];
            var channel = rng.NextDouble() switch { < 0.04 => Channel.Registration, < 0.14 => Channel.General, _ => Channel.Individual };
            var sector = Sectors[user.SectorIndex];
            var use = channel == Channel.Registration
                ? (rng.Next(3) switch { 0 => EndUseCategory.RepairReturn, 1 => EndUseCategory.Exhibition, _ => EndUseCategory.CivilAircraftSpares })
                : sector.Sector == Sector.Defence && rng.NextDouble() < 0.6 ? EndUseCategory.Military
                : rng.NextDouble() < 0.005 ? EndUseCategory.Wmd
                : sector.Use;
            var undeclared = rng.NextDouble() < 0.02;
            var items = new List<ApplicationItem>();
            var lines = rng.NextDouble() < 0.1 ? 2 : 1;
            for (var l = 0; l < lines; l++)
            {
                var template = undeclared && l == 0 ? 10 : sector.Templates[rng.Next(sector.Templates.Length)];
                var (kg, value) = Amount(rng, template);
                var classified = Classify(template, filed);
                items.Add(new ApplicationItem(_templates[template], kg, value, classified.Entries.Select(e => e.Code).ToList(), classified.MissingEvidence));
            }

            var documents = rng.NextDouble() < 0.03 ? suppliedAll.Where((_, i) => i != rng.Next(4)).ToArray() : suppliedAll;
            var draft = new ApplicationDraft
            {
                Channel = channel,
                ExporterId = exporter.Id,
                EndUserId = user.Party.Id,
                Facility = user.Party.Facilities[0].Name,
                EndUse = new EndUse(use, $"{use} use by a {sector.Sector} end user"),
                Destination = user.Party.Country,
                Items = items,
                Documents = documents,
            };
            var at = Instant(filed, 9 + rng.Next(8), rng.Next(60));
            var application = LicenceApplication.File(NewId(rng), $"LA-{filed.Year}-{n:X8}", draft, exporter, user.Party, at);
            var facts = Facts(draft, user, rng);
            application.Route(_policy.Evaluate(facts), facts, filed, _calendar);
            Decide(application, rng);
            yield return application;
        }
    }

    /// <summary>Customs declarations 2025-01-01 … 2026-10-31; most released, many with arrival and use reports filed.</summary>
    public IEnumerable<Shipment> Shipments(int count)
    {
        var rng = new Random(Seed + 2);
        var usersByCountry = EndUsers.GroupBy(u => u.Party.Country.Value).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        for (var n = 0; n < count; n++)
        {
            var monthIndex = Pick(rng, _monthCumulative);
            var month = _months[monthIndex];
            var day = month.AddDays(rng.Next(DateTime.DaysInMonth(month.Year, month.Month)));

            // The September 2025 drop to the US (domain.md §3.1): a US export after it is declared 40% less often.
            var users = EndUsers;
            var user = users[rng.Next(users.Count)];
            if (user.Party.Country.Value == "US" && month >= new DateOnly(2025, 9, 1) && rng.NextDouble() < 0.4)
            {
                var others = usersByCountry["DE"];
                user = others[rng.Next(others.Length)];
            }

            var sector = Sectors[user.SectorIndex];
            var lines = rng.NextDouble() < 0.12 ? 2 : 1;
            var items = new List<ShipmentItem>();
            for (var l = 0; l < lines; l++)
            {
                var template = sector.Templates[rng.Next(sector.Templates.Length)];
                var (kg, value) = Amount(rng, template);
                var classified = Classify(template, day);
                items.Add(new ShipmentItem(_templates[template], kg, value, classified.Entries.Select(e => e.Code).ToList(), classified.MissingEvidence));
            }

            var controlled = items.Any(i => i.ControlCodes.Count > 0);
            string? licence = null;
            string? veu = null;
            if (controlled)
            {
                if (user.VeuNumber is not null && rng.NextDouble() < 0.7)
                {
                    veu = user.VeuNumber;
                }
                else
                {
                    licence = $"LIC-{day.Year}-{rng.Next(0x1000000):X6}";
                }
            }

            var declaration = new ShipmentDeclaration
            {
                Number = $"22{day.Year}{n:D12}",
                DeclaredOn = day,
                ExporterId = Exporters[ExporterIndex(rng)].Id,
                ConsigneeId = user.Party.Id,
                EndUserId = user.Party.Id,
                Destination = user.Party.Country,
                Facility = user.Party.Facilities[0].Name,
                Currency = "USD",
                Items = items,
                LicenceNumber = licence,
                VeuNumber = veu,
            };
            var roll = rng.NextDouble();
            var status = roll < 0.02 ? ShipmentStatus.Held : roll < 0.035 ? ShipmentStatus.Refused : ShipmentStatus.Released;
            var reason = status switch
            {
                ShipmentStatus.Held => "Held for an officer: the declared composition needs a test report.",
                ShipmentStatus.Refused => "Refused: the cited licence does not cover the declared quantity.",
                _ when licence is not null => $"Licence {licence} covers the declaration.",
                _ when veu is not null => $"VEU {veu} covers the declaration.",
                _ => "No item is controlled; no authorisation is needed.",
            };
            var declaredAt = Instant(day, 8 + rng.Next(10), rng.Next(60));
            var shipment = Shipment.Declare(NewId(rng), declaration, new DeclarationOutcome(status, [reason]), null, user.VeuId is not null && veu is not null ? user.VeuId : null, "customs", declaredAt);
            if (status == ShipmentStatus.Released)
            {
                // Arrival about three weeks after release, use about two months after; only what has happened by AsOf.
                var arrival = day.AddDays(14 + rng.Next(21));
                var report = rng.NextDouble();
                if (report < 0.8 && arrival <= AsOf)
                {
                    shipment.OnReportFiled(ReportKind.Arrival, "exporter", Instant(arrival, 10, 0));
                    var use = arrival.AddDays(20 + rng.Next(60));
                    if (report < 0.45 && use <= AsOf)
                    {
                        shipment.OnReportFiled(ReportKind.Use, "exporter", Instant(use, 10, 0));
                    }
                }
            }

            yield return shipment;
        }
    }

    /// <summary>A draft for the what-if: US defence and aerospace end users go to presumption of denial, and the VEU fast lane is gone.</summary>
    public static string DraftPolicy(string defaultYaml)
    {
        var added = """
              - id: us-defence-aerospace
                lane: presumption-of-denial
                reason: Draft - exports to US defence and aerospace end users are presumed denied.
                when: { destinations: [US], endUserSectors: [defence, aerospace] }

            """;
        var marker = "  # 4. Enhanced scrutiny";
        var veuRule = """
              - id: veu-covered
                lane: veu-fast-track
                reason: An active validated end-user authorisation covers this export.
                when: { veuCover: true }

            """;
        if (!defaultYaml.Contains(marker, StringComparison.Ordinal) || !defaultYaml.Contains(veuRule, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("data/policies/default.yaml changed: update the draft policy of the analytics benchmark.");
        }

        return defaultYaml
            .Replace("version: \"2025.1\"", "version: \"2026.draft\"", StringComparison.Ordinal)
            .Replace(marker, added + marker, StringComparison.Ordinal)
            .Replace(veuRule, string.Empty, StringComparison.Ordinal);
    }

    /// <summary>The facts the services would gather for this filing (RoutingFactsBuilder's rules, with the party's screening and ownership profile).</summary>
    private static RoutingFacts Facts(ApplicationDraft draft, EndUserProfile user, Random rng)
    {
        var codes = draft.Items.SelectMany(i => i.ControlCodes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var controlled = codes.Count > 0;
        var missing = draft.Items.SelectMany((item, i) => item.MissingEvidence.Select(m => $"Item {i + 1}: {m}")).ToList();
        if (controlled || missing.Count > 0)
        {
            missing.AddRange(LicenceApplication.MissingDocuments(draft.Channel, draft.Documents).Select(d => $"Missing document (art. 16): {WireName.Of(d)}."));
        }

        IReadOnlyList<ListHit> hits = user.Hit is { } kind
            ? [new ListHit(kind, $"{WireName.Of(kind)} list 2025-10", "end-user", $"{user.Party.Name} (exact name match)")]
            : [];
        IReadOnlyList<string> evidence = user.MilitaryLinked
            ? [user.Party.IsDefence ? $"{user.Party.Name} works in the defence sector." : $"{user.Party.Name} is 51% owned by a defence-sector party."]
            : [];
        IReadOnlyList<string> minority = user.MinorityStake ? ["Defence Holdings (25%)"] : [];
        string? cover = null;
        Guid? coverId = null;
        IReadOnlyList<string> gaps = [];
        if (user.VeuId is { } veuId && controlled)
        {
            var gap = rng.NextDouble();
            if (gap < 0.85)
            {
                (cover, coverId) = (user.VeuNumber, veuId);
            }
            else
            {
                gaps = [gap < 0.95 ? $"annual cap exceeded: {user.VeuNumber}" : $"facility not covered by {user.VeuNumber}"];
            }
        }

        return new RoutingFacts
        {
            Channel = draft.Channel,
            ItemControlled = controlled,
            ControlCodes = codes,
            Destination = draft.Destination,
            EndUse = draft.EndUse.Category,
            EndUserSectors = user.Party.Sectors,
            ListHits = hits,
            MilitaryLinked = user.MilitaryLinked,
            MilitaryEvidence = evidence,
            MilitaryMinorityStakes = minority,
            VeuCover = cover,
            VeuCoverId = coverId,
            VeuGaps = gaps,
            MissingEvidence = missing,
            QuantityKg = draft.Items.Sum(i => i.QuantityKg),
        };
    }

    /// <summary>
    /// Outcome and timing by lane. Lanes decided on filing are approved the same day; review lanes take a
    /// spread of working days (some with a clock stop), and a decision that would fall after <see cref="AsOf"/>
    /// is still pending.
    /// </summary>
    private void Decide(LicenceApplication a, Random rng)
    {
        var accepted = a.AcceptedOn!.Value;
        switch (a.Lane)
        {
            case Lane.NotControlled:
                return;
            case Lane.Registration or Lane.VeuFastTrack:
                a.Approve("system", "Issued on filing.", a.SubmittedAt, false, NewId(rng));
                return;
        }

        var (approve, deny, from, to) = a.Lane switch
        {
            Lane.Standard => (0.90, 0.06, 8, 45),
            Lane.Enhanced => (0.65, 0.25, 20, 90),
            Lane.PresumptionOfDenial => (0.10, 0.80, 15, 45),
            _ => (0.0, 0.95, 5, 20),
        };
        var workingDays = from + (int)((to - from) * Math.Sqrt(rng.NextDouble()));
        if (a.Lane == Lane.Standard && rng.NextDouble() < 0.03)
        {
            workingDays = 46 + rng.Next(15);
        }

        List<DateInterval> stops = [];
        if (rng.NextDouble() < 0.12)
        {
            var start = _calendar.AddWorkingDays(accepted, 1 + rng.Next(Math.Max(1, workingDays / 2)));
            var end = start.AddDays(4 + rng.Next(20));
            if (end <= AsOf)
            {
                var reason = (ClockStopReason)rng.Next(4);
                a.StopClock(NewId(rng), reason, "Waiting for the applicant.", start, end, _calendar);
                stops.Add(new DateInterval(start, end));
            }
        }

        var roll = rng.NextDouble();
        if (roll >= approve + deny)
        {
            var day = _calendar.AddWorkingDays(accepted, 1 + rng.Next(Math.Max(1, workingDays)), stops);
            if (day <= AsOf)
            {
                a.Withdraw("applicant", "The contract was cancelled.", Instant(day, 11, 0));
            }

            return;
        }

        var decided = _calendar.AddWorkingDays(accepted, workingDays, stops);
        if (decided > AsOf)
        {
            return;
        }

        var at = Instant(decided, 10 + rng.Next(8), rng.Next(60));
        if (roll < approve)
        {
            a.Approve("officer", "Approved after review.", at, a.Lane == Lane.PresumptionOfDenial, NewId(rng));
        }
        else
        {
            a.Deny("officer", "Denied after review.", at);
        }
    }

    private ClassificationResult Classify(int template, DateOnly day)
    {
        // The control list changes by instrument date, never within a month here; one classification per month and product.
        var key = (template, new DateOnly(day.Year, day.Month, 1));
        if (!_classified.TryGetValue(key, out var result))
        {
            result = Classifier.Classify(_controls, _templates[template], day);
            _classified[key] = result;
        }

        return result;
    }

    private static (decimal Kg, decimal Value) Amount(Random rng, int template)
    {
        var (from, to, perKg) = template switch
        {
            0 => (1000, 20000, 70m),
            1 => (2000, 40000, 95m),
            2 => (2000, 25000, 60m),
            3 => (8000, 60000, 85m),
            4 => (500, 15000, 65m),
            5 => (500, 5000, 68m),
            6 => (50, 1500, 180m),
            7 => (5, 200, 240m),
            8 => (10, 500, 12m),
            9 => (100, 2000, 120m),
            _ => (500, 5000, 60m),
        };

        // Log-uniform: many small lots, a few big ones; whole kilograms plus grams, cents on the value.
        var kg = decimal.Round((decimal)(from * Math.Pow((double)to / from, rng.NextDouble())), 3);
        var value = decimal.Round(kg * perKg * (decimal)(0.85 + (rng.NextDouble() * 0.3)), 2);
        return (kg, value);
    }

    private static Product[] Templates()
    {
        static Product NdFeB(decimal dy, decimal tb, string description)
        {
            var composition = new Dictionary<string, decimal> { ["Nd"] = 29.5m - dy - tb, ["Pr"] = 1.5m, ["Fe"] = 66m, ["B"] = 1m, ["Co"] = 1m };
            if (dy > 0)
            {
                composition["Dy"] = dy;
            }

            if (tb > 0)
            {
                composition["Tb"] = tb;
            }

            return Product.Create(ProductForm.Magnet, Composition.Create(composition), "8505111000", description);
        }

        return
        [
            NdFeB(1.5m, 0m, "Industrial servo-motor magnets"),
            NdFeB(5m, 0.8m, "EV traction-motor magnets"),
            NdFeB(0m, 0m, "Dy-free NdFeB (grain-boundary diffused grade)"),
            NdFeB(4m, 0m, "Direct-drive generator magnets"),
            NdFeB(0.8m, 0m, "Micro-motor and speaker magnets"),
            NdFeB(1m, 0m, "MRI magnet blocks"),
            Product.Create(ProductForm.Magnet, Composition.Create(new Dictionary<string, decimal> { ["Sm"] = 25m, ["Co"] = 50m, ["Fe"] = 16m, ["Cu"] = 6m, ["Zr"] = 3m }), "8505111000", "Sm2Co17 magnets"),
            Product.Create(ProductForm.Metal, Composition.Create(new Dictionary<string, decimal> { ["Gd"] = 99.9m }), "2805301910", "Gadolinium metal, 99.9%"),
            Product.Create(ProductForm.Oxide, Composition.Create(new Dictionary<string, decimal> { ["Y"] = 78.7m, ["O"] = 21.3m }), "2846901940", "Yttrium oxide, 99.99%"),
            NdFeB(5m, 0.5m, "High-coercivity NdFeB"),
            Product.Create(ProductForm.Magnet, Composition.None, "8505111000", "Permanent magnets (composition not declared)"),
        ];
    }

    /// <summary>Exporters follow a rough 80/20 rule: the first fifth files most.</summary>
    private int ExporterIndex(Random rng) =>
        rng.NextDouble() < 0.6 ? rng.Next(Exporters.Count / 5) : rng.Next(Exporters.Count);

    private static DateTimeOffset Instant(DateOnly chinaDay, int hour, int minute) =>
        new DateTimeOffset(chinaDay.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8)).ToUniversalTime();

    private static Guid NewId(Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static double[] Cumulative(double[] weights)
    {
        var total = weights.Sum();
        var sum = 0.0;
        return weights.Select(w => (sum += w) / total).ToArray();
    }

    private static int Pick(Random rng, double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, rng.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    internal static string Describe() => string.Create(CultureInfo.InvariantCulture, $"seed {Seed}, {FirstDay:yyyy-MM-dd}..{LastDay:yyyy-MM-dd}, as of {AsOf:yyyy-MM-dd}");
}

/// <summary>An end user and the screening, ownership and VEU facts that follow it on every filing.</summary>
internal sealed record EndUserProfile(Party Party, int SectorIndex, ListKind? Hit, bool MilitaryLinked, bool MinorityStake, Guid? VeuId, string? VeuNumber);
