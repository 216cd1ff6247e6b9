using System.CommandLine;
using Portcullis.Pdp.Policies;

namespace Portcullis.Commands;

/// <summary><c>portcullis check --policies DIR</c>: validates policies and prints every problem with file and line.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var policies = new Option<DirectoryInfo?>("--policies") { Description = "Folder of policy files (Cerbos format, YAML or JSON) to validate." };
        var command = new Command("check", "Validate policies (and later the gateway configuration); print every problem with file and line; exit 1 on any.")
        {
            policies,
        };
        command.SetAction(parse => Run(parse.GetValue(policies), Console.Out, Console.Error));
        return command;
    }

    public static int Run(DirectoryInfo? policies, TextWriter output, TextWriter errors)
    {
        if (policies is null)
        {
            errors.WriteLine("error: nothing to check: give --policies DIR");
            return 1;
        }
        if (!policies.Exists)
        {
            errors.WriteLine($"error: policy folder not found: {policies.FullName}");
            return 1;
        }
        var result = PolicySet.LoadFromDirectory(policies.FullName);
        foreach (var diagnostic in result.Diagnostics) errors.WriteLine(diagnostic);
        if (result.Policies is null || result.Diagnostics.Count > 0)
        {
            errors.WriteLine($"{result.Diagnostics.Count} problem{(result.Diagnostics.Count == 1 ? "" : "s")} found");
            return 1;
        }
        output.WriteLine($"ok: {policies.FullName}");
        return 0;
    }
}
