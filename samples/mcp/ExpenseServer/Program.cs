using ExpenseServer;
using ModelContextProtocol.Protocol;

// The Expense Management MCP server of the seeds' demo, over Streamable HTTP at /mcp. Listens where --urls says
// (default http://127.0.0.1:5180); `--Mcp:Stateless true` serves without sessions.
var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls("http://127.0.0.1:5180");
// Set here rather than in appsettings.json, which would land in the output folder of every project referencing this one.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

var tools = new ExpenseTools(new ExpenseBook());
builder.Services
    .AddMcpServer(options => options.ServerInfo = new Implementation { Name = "expense-server", Version = "1.0.0" })
    .WithHttpTransport(options => options.Stateless = builder.Configuration.GetValue<bool>("Mcp:Stateless"))
    .WithTools(tools.Create());

var app = builder.Build();
app.MapMcp("/mcp");
app.Run();
