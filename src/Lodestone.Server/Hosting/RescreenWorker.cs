using Lodestone.Services.Screening;

namespace Lodestone.Server.Hosting;

/// <summary>
/// Re-screens every party after a list version changes. Each instance polls the job table; whichever
/// claims a job runs it, so the work needs no coordinator and survives an instance's death.
/// </summary>
internal sealed partial class RescreenWorker(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<RescreenWorker> logger) : BackgroundService
{
    private readonly string _instance = $"{Environment.MachineName}/{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Lodestone:RescreenPollSeconds", 5)));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var runner = scope.ServiceProvider.GetRequiredService<RescreenRunner>();
                var ran = await runner.RunPendingAsync(_instance, progress: null, stoppingToken);
                if (ran > 0)
                {
                    LogRan(ran);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed pass leaves its jobs claimed; they are retried once the claim goes stale.
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-screened all parties for {Jobs} list change(s)")]
    private partial void LogRan(int jobs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-screening failed")]
    private partial void LogFailed(Exception error);
}
