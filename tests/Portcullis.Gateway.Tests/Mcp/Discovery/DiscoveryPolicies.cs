using Portcullis.Pdp.Entities;
using Portcullis.Pdp.Policies;
using Portcullis.Pdp.Service;

namespace Portcullis.Gateway.Tests.Mcp.Discovery;

/// <summary>Cerbos-format policies for MCP entries, decided by the real embedded PDP: alice may use every tool but
/// <c>delete_everything</c>; everyone may use tools whose name starts with <c>public_</c>; <c>agent_tool</c> only
/// through the agent <c>trusted-agent</c>; prompts and resources by the same rule of names; the UI resource
/// <c>ui://apps/secret.html</c> only for alice.</summary>
internal static class DiscoveryPolicies
{
    public static readonly (string Path, string Text)[] Files =
    [
        ("tool.yaml", """
            apiVersion: api.cerbos.dev/v1
            resourcePolicy:
              resource: tool
              version: default
              rules:
                - actions: ["tools/call"]
                  effect: EFFECT_ALLOW
                  roles: [identity]
                  condition:
                    match:
                      expr: P.id == "alice" || R.id.startsWith("public_")
                - actions: ["tools/call"]
                  effect: EFFECT_ALLOW
                  roles: [identity]
                  condition:
                    match:
                      expr: R.id == "agent_tool" && has(request.context.agent) && request.context.agent == "trusted-agent"
                - actions: ["tools/call"]
                  effect: EFFECT_DENY
                  roles: [identity]
                  condition:
                    match:
                      expr: R.id == "delete_everything"
            """),
        ("prompt.yaml", """
            apiVersion: api.cerbos.dev/v1
            resourcePolicy:
              resource: prompt
              version: default
              rules:
                - actions: ["prompts/get"]
                  effect: EFFECT_ALLOW
                  roles: [identity]
                  condition:
                    match:
                      expr: P.id == "alice" || R.id.startsWith("public_")
            """),
        ("resource.yaml", """
            apiVersion: api.cerbos.dev/v1
            resourcePolicy:
              resource: resource
              version: default
              rules:
                - actions: ["resources/read"]
                  effect: EFFECT_ALLOW
                  roles: [identity]
                  condition:
                    match:
                      expr: P.id == "alice" || R.id.startsWith("file:///public/") || R.id == "ui://apps/public.html"
            """),
        ("resource_template.yaml", """
            apiVersion: api.cerbos.dev/v1
            resourcePolicy:
              resource: resource_template
              version: default
              rules:
                - actions: ["resources/read"]
                  effect: EFFECT_ALLOW
                  roles: [identity]
                  condition:
                    match:
                      expr: P.id == "alice" || R.id.startsWith("file:///public/")
            """),
    ];

    /// <summary>Returns the embedded PDP over <see cref="Files"/>.</summary>
    public static EmbeddedPdp Pdp()
    {
        var loaded = PolicySet.LoadFromFiles(Files);
        var policies = loaded.Policies ?? throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Diagnostics));
        return new EmbeddedPdp(new PdpSnapshot(policies, EntityDirectory.Empty));
    }

    /// <summary>Writes <see cref="Files"/> into <paramref name="folder"/> and returns its path (for a PDP over HTTP).</summary>
    public static string WriteTo(TempFolder folder)
    {
        var path = folder.Folder("policies");
        foreach (var (name, text) in Files)
        {
            File.WriteAllText(Path.Combine(path, name), text);
        }

        return path;
    }
}
