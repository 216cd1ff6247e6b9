namespace Portcullis.Pdp.Service;

/// <summary>Configures the embedded PDP registered by <see cref="PdpServiceCollectionExtensions.AddEmbeddedPdp"/>.</summary>
public sealed class PdpOptions
{
    /// <summary>Gets or sets the folder of policy files, read recursively. Required; defaults to empty, which fails at start-up.</summary>
    public string PoliciesPath { get; set; } = string.Empty;

    /// <summary>Gets or sets the folder of directory (entity) files, read recursively. Defaults to null: no directory,
    /// so decisions use request data alone and searches find nothing.</summary>
    public string? DirectoryPath { get; set; }

    /// <summary>Gets or sets a value indicating whether file changes in either folder reload the PDP. Defaults to true.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>Gets or sets how long the folders must stay quiet before a change reloads, so that an editor's burst of
    /// writes causes one reload. Defaults to 200 milliseconds.</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
