using System.CommandLine;
using Portcullis.Pdp.Service;

namespace Portcullis.Commands;

/// <summary><c>portcullis check --policies DIR [--directory DIR]</c>: validates policies (and a directory) and prints
/// every problem with file and line.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var policies = new Option<DirectoryInfo?>("--policies") { Description = "Folder of policy files (Cerbos format, YAML or JSON) to validate." };
        var directory = new Option<DirectoryInfo?>("--directory") { Description = "Folder of directory (entity) files to validate with the policies." };
        var command = new Command("check", "Validate policies and directory files; print every problem with file and line; exit 1 on any.")
        {
            policies,
            directory,
        };
        command.SetAction(parse => Run(parse.GetValue(policies), parse.GetValue(directory), Console.Out, Console.Error));
        return command;
    }

    public static int Run(DirectoryInfo? policies, DirectoryInfo? directory, TextWriter output, TextWriter errors)
    {
        if (policies is null)
        {
            errors.WriteLine("error: nothing to check: give --policies DIR");
            return 1;
        }
        var result = PdpSnapshotLoader.Load(policies.FullName, directory?.FullName);
        foreach (var diagnostic in result.Diagnostics) errors.WriteLine(diagnostic);
        if (result.Snapshot is null)
        {
            errors.WriteLine($"{result.Diagnostics.Count} problem{(result.Diagnostics.Count == 1 ? "" : "s")} found");
            return 1;
        }
        var snapshot = result.Snapshot;
        output.WriteLine($"ok: {snapshot.Policies.PolicyCount} polic{(snapshot.Policies.PolicyCount == 1 ? "y" : "ies")} in {policies.FullName}; directory: {snapshot.Directory.SubjectCount} subjects, {snapshot.Directory.ResourceCount} resources");
        return 0;
    }
}
