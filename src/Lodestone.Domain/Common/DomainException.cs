namespace Lodestone.Domain.Common;

/// <summary>
/// An input or command that breaks a domain rule. Carries the offending field so that the HTTP
/// layer can name it in a ProblemDetails and the CLI in its message.
/// </summary>
public class DomainException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The input field at fault (camelCase path such as <c>items[0].quantityKg</c>), or null.</param>
    /// <param name="message">What is wrong, in words a user can act on.</param>
    public DomainException(string? field, string message)
        : base(message)
    {
        Field = field;
    }

    /// <summary>The input field at fault, or null when the rule concerns the whole request.</summary>
    public string? Field { get; }
}

/// <summary>
/// A command that is valid in itself but not in the aggregate's current state, such as deciding an
/// application that is already decided. Maps to HTTP 409.
/// </summary>
public sealed class InvalidStateException : DomainException
{
    /// <summary>Creates the exception.</summary>
    public InvalidStateException(string message)
        : base(null, message)
    {
    }
}

/// <summary>A referenced entity does not exist. Maps to HTTP 404 (or 400 when it is named in a request body).</summary>
public sealed class NotFoundException : DomainException
{
    /// <summary>Creates the exception.</summary>
    public NotFoundException(string? field, string message)
        : base(field, message)
    {
    }
}
