using Lodestone.Server.Hosting;

// The content root is the directory of the binaries (appsettings*.json and, once published, wwwroot),
// wherever the server is started from; a relative SQLite path still lands in the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddLodestoneServer();

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UseLodestoneServer();
await app.RunAsync();

/// <summary>The server's entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
