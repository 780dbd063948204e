namespace Lodestone.Services.Demo;

/// <summary>A clock the demo seeder moves through history, so that seeded filings and decisions carry their own dates.</summary>
internal sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
