using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lodestone.Persistence;
using Lodestone.Persistence.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lodestone.Server.Hosting;

/// <summary>
/// <c>Idempotency-Key</c> on creating POSTs (draft-ietf-httpapi-idempotency-key-header): a retry with the
/// same key and body gets the original response and creates nothing; the same key with another body
/// is refused with 422; a retry while the first request is still running gets 409. Keys are scoped to
/// the caller and the endpoint, and stored responses are kept 24 hours.
/// </summary>
internal sealed class IdempotencyFilter(LodestoneDbContext db, TimeProvider time, IOptions<JsonOptions> json) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    /// <summary>How long a stored response answers retries.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>A request that started this long ago and never finished is taken as abandoned.</summary>
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Header, out var values) || values.Count == 0 || string.IsNullOrWhiteSpace(values[0]))
        {
            return await next(context);
        }

        var key = values[0]!.Trim();
        if (key.Length > 255)
        {
            return Problem(StatusCodes.Status400BadRequest, "The Idempotency-Key header is at most 255 characters.");
        }

        var actor = http.RequestServices.GetRequiredService<ICurrentActor>().Name;
        var endpoint = $"{http.Request.Method} {http.Request.Path}";
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            JsonSerializer.Serialize(context.Arguments.Where(a => a is not null && a.GetType().Namespace?.StartsWith("Lodestone.Services.Contracts", StringComparison.Ordinal) == true), json.Value.SerializerOptions))));
        var now = time.GetUtcNow();

        var existing = await db.IdempotencyRecords.FirstOrDefaultAsync(r => r.Key == key && r.Actor == actor && r.Endpoint == endpoint);
        if (existing is not null && (existing.CreatedAt < now - Retention || (existing.StatusCode is null && existing.CreatedAt < now - Abandoned)))
        {
            db.IdempotencyRecords.Remove(existing);
            await db.SaveChangesAsync();
            existing = null;
        }

        if (existing is not null)
        {
            if (existing.RequestHash != requestHash)
            {
                return Problem(StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was used with a different request body.");
            }

            if (existing.StatusCode is not { } status)
            {
                return Problem(StatusCodes.Status409Conflict, "A request with this Idempotency-Key is still being processed.");
            }

            if (existing.Location is not null)
            {
                http.Response.Headers.Location = existing.Location;
            }

            http.Response.Headers["Idempotent-Replayed"] = "true";
            return Results.Content(existing.ResponseBody ?? string.Empty, "application/json", Encoding.UTF8, status);
        }

        var record = new IdempotencyRecord { Key = key, Actor = actor, Endpoint = endpoint, RequestHash = requestHash, CreatedAt = now };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another request with this key claimed it a moment ago.
            return Problem(StatusCodes.Status409Conflict, "A request with this Idempotency-Key is still being processed.");
        }

        db.Entry(record).State = EntityState.Detached;
        var mine = db.IdempotencyRecords.Where(r => r.Key == key && r.Actor == actor && r.Endpoint == endpoint);
        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            // Failed requests are not remembered: a retry runs again and gets the same error afresh.
            // ExecuteDelete leaves whatever the failed handler left in the change tracker unsaved.
            await mine.ExecuteDeleteAsync();
            throw;
        }

        var statusCode = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        var location = result?.GetType().GetProperty("Location")?.GetValue(result) as string;
        var body = result is IValueHttpResult { Value: { } value } ? JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions) : null;
        await mine.ExecuteUpdateAsync(u => u.SetProperty(r => r.StatusCode, statusCode).SetProperty(r => r.Location, location).SetProperty(r => r.ResponseBody, body));
        return result;
    }

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(detail: detail, statusCode: status);
}
