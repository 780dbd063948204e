using Lodestone.Domain.Common;
using Lodestone.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lodestone.Server.Hosting;

/// <summary>
/// The one place where failures become HTTP responses: RFC 7807 ProblemDetails that name the field at
/// fault, never a stack trace or SQL.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            NotFoundException { Field: null } e => Problem(StatusCodes.Status404NotFound, "Not found", e.Message),
            InvalidStateException e => Problem(StatusCodes.Status409Conflict, "Conflict with the current state", e.Message),
            DomainException e => Validation(e.Field, e.Message),
            Lodestone.DataFiles.DataFileException e => FileProblem(e),
            DbUpdateException e when DatabaseErrors.IsConflict(e) => Problem(StatusCodes.Status409Conflict, "Changed by someone else", "Another request changed or saved this record a moment ago; reload and try again."),
            BadHttpRequestException e => Validation(JsonPath(e), BadRequestMessage(e), e.StatusCode),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Path}", httpContext.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, "Unexpected error", "The server could not complete the request. The error has been logged.");
        }

        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>A rejected file names where it went wrong: file, line and field, also as extensions for scripts.</summary>
    private static ValidationProblemDetails FileProblem(Lodestone.DataFiles.DataFileException e)
    {
        var problem = Validation(e.Field is null ? "file" : $"file.{e.Field}", e.Message);
        problem.Title = "The file was rejected; nothing was imported";
        problem.Extensions["file"] = e.File;
        problem.Extensions["line"] = e.Line;
        problem.Extensions["field"] = e.Field;
        return problem;
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static ValidationProblemDetails Validation(string? field, string message, int status = StatusCodes.Status400BadRequest) =>
        new(new Dictionary<string, string[]> { [field ?? "request"] = [message] })
        {
            Status = status,
            Title = "The request is not valid",
            Detail = message,
        };

    private static string? JsonPath(BadHttpRequestException e) =>
        e.InnerException is System.Text.Json.JsonException { Path: { } path } ? path.TrimStart('$', '.') : null;

    private static string BadRequestMessage(BadHttpRequestException e) => e.InnerException switch
    {
        System.Text.Json.JsonException json => $"The JSON body could not be read at {json.Path ?? "$"}: {FirstSentence(json.Message)}",
        _ => e.Message,
    };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] + "." : message;
    }
}
