namespace Governance.Broker.Topics;

/// <summary>A topic: its name, id, partitions and configs.</summary>
public sealed class Topic
{
    public string Name => throw new NotImplementedException();

    /// <summary>The topic id (KIP-516), stable across restarts.</summary>
    public Guid TopicId => throw new NotImplementedException();

    public IReadOnlyList<Partition> Partitions => throw new NotImplementedException();

    /// <summary>The configs this topic overrides (name → value); everything else is the broker default.</summary>
    public IReadOnlyDictionary<string, string> ConfigOverrides => throw new NotImplementedException();
}
