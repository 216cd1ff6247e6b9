using System.Reflection;

namespace Portcullis.Gateway.Demo;

/// <summary>The demo's files (gateway configuration template, policies, directory, users) written from an assembly's
/// embedded resources to a fresh temporary folder, which <see cref="Dispose"/> deletes.</summary>
/// <remarks>Resources are named <c>demo/&lt;relative path&gt;</c>; the configuration template is <c>portcullis.yaml</c>
/// with the placeholders <c>${ISSUER}</c>, <c>${UPSTREAM}</c>, <c>${EXPENSE_SERVER}</c> and <c>${GATEWAY}</c>.</remarks>
public sealed class DemoWorkspace : IDisposable
{
    /// <summary>The prefix of the embedded resource names.</summary>
    public const string ResourcePrefix = "demo/";

    /// <summary>The placeholder for the token issuer's identifier in the configuration template.</summary>
    public const string IssuerPlaceholder = "${ISSUER}";

    /// <summary>The placeholder for the documents API's base address in the configuration template.</summary>
    public const string UpstreamPlaceholder = "${UPSTREAM}";

    /// <summary>The placeholder for the Expense Management MCP server's base address in the configuration template.</summary>
    public const string ExpenseServerPlaceholder = "${EXPENSE_SERVER}";

    /// <summary>The placeholder for the gateway's own base address, without trailing slash (the MCP route's resource
    /// identifier is <c>${GATEWAY}/mcp</c>).</summary>
    public const string GatewayPlaceholder = "${GATEWAY}";

    private DemoWorkspace(string root) => Root = root;

    /// <summary>Gets the temporary folder.</summary>
    public string Root { get; }

    /// <summary>Gets the gateway configuration file (a template until <see cref="WriteConfig"/>).</summary>
    public string ConfigPath => Path.Combine(Root, "portcullis.yaml");

    /// <summary>Gets the users file read by the development issuer.</summary>
    public string UsersPath => Path.Combine(Root, "users.yaml");

    /// <summary>Gets the policy folder.</summary>
    public string PoliciesPath => Path.Combine(Root, "policies");

    /// <summary>Gets the directory folder.</summary>
    public string DirectoryPath => Path.Combine(Root, "directory");

    /// <summary>Writes every <c>demo/</c> resource of <paramref name="assembly"/> under a new temporary folder.</summary>
    /// <exception cref="InvalidOperationException">The assembly holds no demo files.</exception>
    public static DemoWorkspace Extract(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).ToList();
        if (names.Count == 0) throw new InvalidOperationException($"{assembly.GetName().Name} holds no demo files ({ResourcePrefix}*).");
        var workspace = new DemoWorkspace(Path.Combine(Path.GetTempPath(), "portcullis-demo-" + Guid.NewGuid().ToString("N")));
        try
        {
            foreach (var name in names)
            {
                var relative = name[ResourcePrefix.Length..].Replace('\\', '/');
                var target = Path.GetFullPath(Path.Combine(workspace.Root, relative));
                if (!target.StartsWith(workspace.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    throw new InvalidOperationException($"demo resource '{name}' points outside its folder");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using var source = assembly.GetManifestResourceStream(name)!;
                using var file = File.Create(target);
                source.CopyTo(file);
            }
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
        return workspace;
    }

    /// <summary>Fills the configuration template with <paramref name="issuer"/>, the documents API at
    /// <paramref name="upstream"/>, the MCP server at <paramref name="expenseServer"/> and the gateway's own
    /// <paramref name="gateway"/> address, and returns the path of the finished file.</summary>
    public string WriteConfig(string issuer, Uri upstream, Uri expenseServer, Uri gateway)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(upstream);
        ArgumentNullException.ThrowIfNull(expenseServer);
        ArgumentNullException.ThrowIfNull(gateway);
        var text = File.ReadAllText(ConfigPath)
            .Replace(IssuerPlaceholder, issuer, StringComparison.Ordinal)
            .Replace(UpstreamPlaceholder, upstream.AbsoluteUri, StringComparison.Ordinal)
            .Replace(ExpenseServerPlaceholder, expenseServer.AbsoluteUri, StringComparison.Ordinal)
            .Replace(GatewayPlaceholder, gateway.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal);
        File.WriteAllText(ConfigPath, text);
        return ConfigPath;
    }

    /// <summary>Deletes the folder and everything in it.</summary>
    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file watcher that is still closing may hold the folder for a moment; the OS cleans temp eventually.
        }
    }
}
