using Lodestone.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLodestoneServer();

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UseLodestoneServer();
await app.RunAsync();

/// <summary>The server's entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
