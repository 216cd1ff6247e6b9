namespace Portcullis.TestSupport;

/// <summary>A folder under the system temp path for policy and directory files, deleted with everything in it on
/// dispose.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public TempFolder() => Directory.CreateDirectory(Root);

    /// <summary>Gets the folder's full path.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "portcullis-" + Guid.NewGuid().ToString("N"));

    /// <summary>Returns the full path of <paramref name="relative"/>, creating it as a folder.</summary>
    public string Folder(string relative) => Directory.CreateDirectory(Path.Combine(Root, relative)).FullName;

    /// <summary>Writes <paramref name="text"/> (with \n line ends) to <paramref name="relative"/>, creating folders,
    /// and returns its full path.</summary>
    public string Write(string relative, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var file = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text.ReplaceLineEndings("\n"));
        return file;
    }

    /// <summary>Copies every file of <paramref name="source"/> into <paramref name="relative"/> and returns its full path.</summary>
    public string CopyFrom(string source, string relative)
    {
        var target = Folder(relative);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }

    /// <summary>Deletes the folder; a file a just-killed process or watcher still holds leaves it to the OS.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process that was just killed may still hold a file for a moment; the OS cleans temp eventually.
        }
    }
}
