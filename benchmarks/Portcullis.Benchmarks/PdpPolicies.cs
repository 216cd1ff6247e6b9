using System.Text;

namespace Portcullis.Benchmarks;

/// <summary>The policy set the PDP benchmarks evaluate: one resource policy of 50 rules (most with conditions),
/// a derived-roles policy, variables and constants, as a realistic application would write them.</summary>
internal static class PdpPolicies
{
    public const string DerivedRoles = """
        apiVersion: api.cerbos.dev/v1
        derivedRoles:
          name: document_roles
          definitions:
            - name: owner
              parentRoles: [user]
              condition:
                match:
                  expr: R.attr.owner == P.id
            - name: same_department
              parentRoles: [user, manager]
              condition:
                match:
                  expr: P.attr.department == R.attr.department
        """;

    /// <summary>Builds the 50-rule resource policy.</summary>
    public static string ResourcePolicy()
    {
        var text = new StringBuilder("""
            apiVersion: api.cerbos.dev/v1
            resourcePolicy:
              resource: document
              importDerivedRoles: [document_roles]
              constants:
                local:
                  max_size: 1000
              variables:
                local:
                  published: R.attr.status == "published"
                  small: R.attr.size < C.max_size
              rules:

            """);
        for (var i = 0; i < 46; i++)
        {
            var action = $"action{i % 23}";
            var (roles, condition) = (i % 4) switch
            {
                0 => ("roles: [user]", "V.published && R.attr.size < " + (i * 10)),
                1 => ("derivedRoles: [owner]", "R.attr.labels.exists(l, l == \"label" + i + "\")"),
                2 => ("derivedRoles: [same_department]", "V.small && P.attr.level >= " + (i % 5)),
                _ => ("roles: [manager, auditor]", "R.attr.region in P.attr.regions && V.published"),
            };
            text.Append(CultureInvariant($"""
                    - name: rule{i}
                      actions: [{action}]
                      effect: {(i % 9 == 8 ? "EFFECT_DENY" : "EFFECT_ALLOW")}
                      {roles}
                      condition:
                        match:
                          expr: '{condition.Replace("'", "''", StringComparison.Ordinal)}'

                """));
        }
        text.Append("""
                - name: view-published
                  actions: [view]
                  effect: EFFECT_ALLOW
                  roles: ["*"]
                  condition:
                    match:
                      all:
                        of:
                          - expr: V.published
                          - expr: '!R.attr.archived'
                - name: owner-edits
                  actions: [edit, "comment:*"]
                  effect: EFFECT_ALLOW
                  derivedRoles: [owner]
                - name: no-edit-archived
                  actions: [edit]
                  effect: EFFECT_DENY
                  roles: ["*"]
                  condition:
                    match:
                      expr: R.attr.archived == true
                - name: admins
                  actions: ["*"]
                  effect: EFFECT_ALLOW
                  roles: [admin]

            """);
        return text.ToString();
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
