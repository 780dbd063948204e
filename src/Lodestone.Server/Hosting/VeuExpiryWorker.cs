using Lodestone.Services.Veu;

namespace Lodestone.Server.Hosting;

/// <summary>
/// Ends VEUs whose validity is over. Any instance may run it: expiring is idempotent, and two instances
/// racing on one VEU meet its concurrency token, so one of them simply finds nothing left to do next time.
/// Coverage never depends on it: the fast lane checks the validity dates itself.
/// </summary>
internal sealed partial class VeuExpiryWorker(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<VeuExpiryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Lodestone:VeuExpiryPollMinutes", 60)));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var expired = await scope.ServiceProvider.GetRequiredService<VeuReviews>().ExpireDueAsync(stoppingToken);
                if (expired > 0)
                {
                    LogExpired(expired);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} VEU(s) reached the end of their validity")]
    private partial void LogExpired(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "VEU expiry sweep failed")]
    private partial void LogFailed(Exception error);
}
