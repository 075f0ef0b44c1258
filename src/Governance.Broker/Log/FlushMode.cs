namespace Governance.Broker.Log;

/// <summary>
/// When a partition log forces its writes from the OS page cache to the disk (fsync). Every append is written to the
/// segment file before it is acknowledged, whatever the mode, so a killed process loses nothing acknowledged; the mode only
/// decides what a power loss or kernel crash can take.
/// </summary>
public enum FlushMode
{
    /// <summary>Leave flushing to the OS (Kafka's default): fastest; a power loss can lose the last seconds of acknowledged writes.</summary>
    Never,

    /// <summary>fsync at most every <see cref="LogConfig.FlushIntervalMs"/>: bounds what a power loss can take to that window.</summary>
    Interval,

    /// <summary>fsync before every acknowledgement: nothing acknowledged is lost even on power loss, at the cost of a disk sync per produce.</summary>
    EveryBatch,
}
