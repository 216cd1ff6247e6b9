using Portcullis.Pdp.Entities;
using Portcullis.Pdp.Policies;

namespace Portcullis.Pdp.Service;

/// <summary>Everything one decision needs, loaded together and never changed: policies and the directory.
/// A reload builds a new snapshot and swaps it in whole.</summary>
public sealed class PdpSnapshot
{
    /// <summary>Creates a snapshot of <paramref name="policies"/> and <paramref name="directory"/>.</summary>
    public PdpSnapshot(PolicySet policies, EntityDirectory directory)
        : this(new PolicySetEngine(policies ?? throw new ArgumentNullException(nameof(policies))), directory)
    {
    }

    internal PdpSnapshot(IDecisionEngine engine, EntityDirectory directory)
    {
        Engine = engine;
        Directory = directory ?? throw new ArgumentNullException(nameof(directory));
    }

    /// <summary>Gets the directory (empty when none was configured).</summary>
    public EntityDirectory Directory { get; }

    internal IDecisionEngine Engine { get; }
}
