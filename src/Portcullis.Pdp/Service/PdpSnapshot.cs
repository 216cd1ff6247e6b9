using Portcullis.Pdp.Entities;
using Portcullis.Pdp.Policies;

namespace Portcullis.Pdp.Service;

/// <summary>Everything one decision needs, loaded together and never changed: policies and the directory.
/// A reload builds a new snapshot and swaps it in whole.</summary>
/// <param name="policies">The compiled policies.</param>
/// <param name="directory">The directory (<see cref="EntityDirectory.Empty"/> when none is configured).</param>
public sealed class PdpSnapshot(PolicySet policies, EntityDirectory directory)
{
    /// <summary>Gets the compiled policies.</summary>
    public PolicySet Policies { get; } = policies ?? throw new ArgumentNullException(nameof(policies));

    /// <summary>Gets the directory (empty when none was configured).</summary>
    public EntityDirectory Directory { get; } = directory ?? throw new ArgumentNullException(nameof(directory));
}
