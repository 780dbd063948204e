using Lodestone.Services;
using Lodestone.Services.Shipments;

namespace Lodestone.Server.Hosting;

/// <summary>
/// The periodic sweep of deadlines after issue: licences past their validity expire, and post-shipment
/// reports past due are raised to officers (putting the VEUs they went under into review). Any instance may
/// run it: both steps are idempotent, and concurrent sweeps meet the records' concurrency tokens.
/// </summary>
internal sealed partial class ObligationsWorker(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ObligationsWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Lodestone:ObligationsPollMinutes", 60)));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                // Each step in a scope of its own: when another instance swept the same records a moment earlier,
                // its concurrency conflict ends only that step, and the next tick finds nothing left to do.
                var expired = await StepAsync(s => s.GetRequiredService<LicenceService>().ExpireDueAsync(stoppingToken));
                var (raised, reviewed) = await StepAsync(s => s.GetRequiredService<ReportService>().RaiseOverdueAsync(stoppingToken));
                if (expired + raised > 0)
                {
                    LogSwept(expired, raised, reviewed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<T> StepAsync<T>(Func<IServiceProvider, Task<T>> step)
        where T : new()
    {
        try
        {
            using var scope = scopes.CreateScope();
            return await step(scope.ServiceProvider);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            LogRaced();
            return new T();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Another instance swept the same records first; the next tick continues")]
    private partial void LogRaced();

    [LoggerMessage(Level = LogLevel.Information, Message = "{Expired} licence(s) expired; {Raised} overdue report(s) raised; {Reviewed} VEU(s) put under review")]
    private partial void LogSwept(int expired, int raised, int reviewed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Licence and report sweep failed")]
    private partial void LogFailed(Exception error);
}
