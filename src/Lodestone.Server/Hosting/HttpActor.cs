using Lodestone.Services;

namespace Lodestone.Server.Hosting;

/// <summary>The acting user of a request; "anonymous" until sign-in exists.</summary>
internal sealed class HttpActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public string Name => accessor.HttpContext?.User.Identity?.Name ?? "anonymous";
}
