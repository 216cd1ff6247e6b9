using ExpenseManagement;

// The Expense Management MCP server of the seeds' demo, over Streamable HTTP at /mcp. Listens where --urls says
// (default http://127.0.0.1:5180); `--Mcp:Stateless true` serves without sessions. The server itself is the
// ExpenseManagement library, which `portcullis demo` hosts in process too.
var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls("http://127.0.0.1:5180");
// Set here rather than in appsettings.json, which would land in the output folder of every project referencing this one.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.AddExpenseServer(options => options.Stateless = builder.Configuration.GetValue<bool>("Mcp:Stateless"));

var app = builder.Build();
app.MapExpenseServer();
app.Run();
