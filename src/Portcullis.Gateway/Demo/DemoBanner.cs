using System.Globalization;
using System.Text;

namespace Portcullis.Gateway.Demo;

/// <summary>The text <c>portcullis demo</c> prints once everything listens: what runs where, the rules being shown,
/// and curl commands with ready tokens: for the documents API an allowed call, a denied call, a call without token and
/// a fresh token; for the Expense Management MCP server two filtered tool lists, an allowed and a denied tool call, and
/// a fresh token for the MCP resource.</summary>
public static class DemoBanner
{
    /// <summary>The user whose call is allowed (an Acme admin with a phishing-resistant sign-in).</summary>
    public const string AllowedUser = "alice";

    /// <summary>The user whose call is denied (an Acme admin who signed in with a password).</summary>
    public const string DeniedUser = "bob";

    /// <summary>The user the token command mints for (a Globex admin).</summary>
    public const string MintedUser = "carol";

    /// <summary>The confidential Acme document both calls read.</summary>
    public const string DocumentPath = "/documents/doc-1";

    /// <summary>The MCP user whose calls are allowed (an analyst who signed in with a security key).</summary>
    public const string McpAllowedUser = "grace";

    /// <summary>The MCP user whose view and approve calls are denied (an analyst who signed in with a password).</summary>
    public const string McpDeniedUser = "henry";

    /// <summary>The MCP user who may only list expenses (an employee, security key or not).</summary>
    public const string McpEmployeeUser = "erik";

    /// <summary>The expense the MCP tool calls view.</summary>
    public const string ViewedExpense = "exp-1001";

    /// <summary>The last line of the banner.</summary>
    public const string LastLine = "Press Ctrl+C to stop.";

    /// <summary>Returns the banner for a gateway at <paramref name="gateway"/> whose configuration is
    /// <paramref name="configPath"/>, in front of the documents API at <paramref name="upstream"/> and of the MCP server
    /// at <paramref name="expenseServer"/> (served by the gateway at <paramref name="mcpResource"/>), with tokens minted
    /// now by <paramref name="issuer"/>.</summary>
    public static string Format(Uri gateway, DevTokenIssuer issuer, Uri upstream, Uri expenseServer, Uri mcpResource, string configPath)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(upstream);
        ArgumentNullException.ThrowIfNull(expenseServer);
        ArgumentNullException.ThrowIfNull(mcpResource);
        var document = gateway.AbsoluteUri.TrimEnd('/') + DocumentPath;
        var lifetime = issuer.TokenLifetime.TotalMinutes % 60 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{issuer.TokenLifetime.TotalHours:0} h")
            : string.Create(CultureInfo.InvariantCulture, $"{issuer.TokenLifetime.TotalMinutes:0} min");
        var text = new StringBuilder();
        text.AppendLine("Portcullis demo: the gateway in front of a small documents API and an Expense Management MCP server, with the");
        text.AppendLine("embedded PDP and a development token issuer. Everything listens on loopback; nothing leaves this machine.");
        text.AppendLine("Logs show warnings only; each request's decision record is printed as one JSON line.");
        text.AppendLine();
        text.AppendLine($"  gateway        {gateway.AbsoluteUri.TrimEnd('/')}   config {configPath} (deleted on exit)");
        text.AppendLine($"  token issuer   {issuer.Issuer}   development only: signs tokens for {string.Join(", ", issuer.UserNames)} on request");
        text.AppendLine($"  documents API  {upstream.AbsoluteUri.TrimEnd('/')}   an upstream; call it through the gateway");
        text.AppendLine($"  expenses MCP   {new Uri(expenseServer, DemoGatewayAddress.McpPath).AbsoluteUri}   an upstream (stateless MCP); call it through the gateway at {mcpResource.AbsoluteUri}");
        text.AppendLine();
        text.AppendLine("The rule (policies/document.yaml): doc-1 is Acme's and confidential, so only an Acme admin who signed in");
        text.AppendLine("with a phishing-resistant authenticator (acr \"phr\"/\"phrh\", or amr \"hwk\") may read it. doc-2 is Acme's");
        text.AppendLine("public product sheet (any Acme member); doc-3 is Globex's. GET /tenants/acme/documents lists a tenant's documents.");
        text.AppendLine();
        text.AppendLine($"# Allowed: {AllowedUser}, Acme admin, signed in with a security key (acr phr, amr hwk) -> 200 and the document");
        text.AppendLine($"curl -si {document} -H 'Authorization: Bearer {issuer.MintToken(AllowedUser)}'");
        text.AppendLine();
        text.AppendLine($"# Denied: {DeniedUser}, Acme admin, signed in with a password (amr pwd) -> 403 application/problem+json");
        text.AppendLine($"curl -si {document} -H 'Authorization: Bearer {issuer.MintToken(DeniedUser)}'");
        text.AppendLine();
        text.AppendLine("# No token -> 401 with a WWW-Authenticate: Bearer challenge");
        text.AppendLine($"curl -si {document}");
        text.AppendLine();
        text.AppendLine($"# A fresh token (user={string.Join(", ", issuer.UserNames)}; valid {lifetime}): send its access_token as above");
        text.AppendLine($"curl -s -X POST {issuer.TokenEndpoint.AbsoluteUri} -d user={MintedUser}");
        text.AppendLine();
        AppendMcp(text, issuer, mcpResource);
        text.AppendLine();
        text.AppendLine($"The tokens above are valid for {lifetime}. {LastLine}");
        return text.ToString();
    }

    private static void AppendMcp(StringBuilder text, DevTokenIssuer issuer, Uri mcpResource)
    {
        var resource = mcpResource.AbsoluteUri;
        string Token(string user) => issuer.MintToken(user, resource);
        text.AppendLine("Expense Management over MCP (policies/mcp_server.yaml, tool.yaml, expense.yaml): every signed-in user may");
        text.AppendLine("connect and list tools; list_expenses is for employees and analysts; view_expense and approve_expense only for");
        text.AppendLine("an analyst who signed in with a phishing-resistant authenticator (amr \"hwk\", RFC 8176: a hardware-secured key).");
        text.AppendLine("Each caller's tools/list shows only the tools the policies let them call. MCP tokens are issued for the resource");
        text.AppendLine($"{resource} (their aud, RFC 8707); a documents token is refused there. A denial is a JSON-RPC");
        text.AppendLine("error -32001 with HTTP 200. The server is stateless, so no initialize or session is needed first.");
        text.AppendLine();
        text.AppendLine($"# tools/list as {McpAllowedUser}, analyst, signed in with a security key (amr hwk) -> all three tools");
        text.AppendLine(DemoMcpRequests.Curl(mcpResource, Token(McpAllowedUser), DemoMcpRequests.ToolsList(1)));
        text.AppendLine();
        text.AppendLine($"# tools/list as {McpEmployeeUser}, employee (amr hwk) -> list_expenses only");
        text.AppendLine(DemoMcpRequests.Curl(mcpResource, Token(McpEmployeeUser), DemoMcpRequests.ToolsList(2)));
        text.AppendLine();
        text.AppendLine($"# Allowed: view_expense {ViewedExpense} as {McpAllowedUser} -> the expense");
        text.AppendLine(DemoMcpRequests.Curl(mcpResource, Token(McpAllowedUser), DemoMcpRequests.CallTool(3, "view_expense", ViewedExpense)));
        text.AppendLine();
        text.AppendLine($"# Denied: view_expense {ViewedExpense} as {McpDeniedUser}, analyst, signed in with a password (amr pwd) -> error -32001");
        text.AppendLine(DemoMcpRequests.Curl(mcpResource, Token(McpDeniedUser), DemoMcpRequests.CallTool(4, "view_expense", ViewedExpense)));
        text.AppendLine();
        text.AppendLine($"# A fresh MCP token (user={McpAllowedUser}, {McpDeniedUser}, {McpEmployeeUser}, ...): the resource parameter (RFC 8707) sets its aud");
        text.AppendLine($"curl -s -X POST {issuer.TokenEndpoint.AbsoluteUri} -d user={McpAllowedUser} -d resource={resource}");
    }
}
