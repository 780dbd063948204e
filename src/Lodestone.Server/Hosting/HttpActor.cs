using Lodestone.Persistence;

namespace Lodestone.Server.Hosting;

/// <summary>The acting user of a request ("anonymous" until sign-in exists); "system" outside a request (start-up).</summary>
internal sealed class HttpActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public string Name => accessor.HttpContext is { } http ? http.User.Identity?.Name ?? "anonymous" : "system";

    public Guid? OrganisationId => null;
}
