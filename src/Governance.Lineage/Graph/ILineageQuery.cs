namespace Governance.Lineage.Graph;

/// <summary>
/// Lineage answers for any window inside retention, the current not yet stored minute included. The catalog and the
/// console read lineage through this interface.
/// </summary>
public interface ILineageQuery
{
    /// <summary>Focus and depth larger than this are refused (<see cref="GetGraphAsync"/>).</summary>
    const int MaxDepth = 10;

    /// <summary>
    /// The graph of [<paramref name="from"/>, <paramref name="to"/>]: every bucket overlapping the window counts (the
    /// minute or hour that starts at <paramref name="to"/> included, so that the current minute counts); a
    /// <paramref name="to"/> in the future is read as now. With <paramref name="focus"/>, only nodes within
    /// <paramref name="depth"/> edges of it (either direction).
    /// </summary>
    /// <exception cref="ArgumentException">from after to, or depth outside 0..<see cref="MaxDepth"/>.</exception>
    Task<LineageGraph> GetGraphAsync(DateTimeOffset from, DateTimeOffset to, string? focus, int depth, CancellationToken cancellationToken);

    /// <summary>Whether a node with this id has ever been recorded (for 404s on unknown focus ids).</summary>
    Task<bool> IsKnownAsync(string nodeId, CancellationToken cancellationToken);
}
