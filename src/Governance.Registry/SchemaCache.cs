using System.Collections.Concurrent;
using Governance.Registry.Storage;
using Governance.Schemas;

namespace Governance.Registry;

/// <summary>
/// What one registry instance remembers between requests. Stored and parsed schemas never change once committed, so
/// they are kept by id for good. Whether an id still has a version (it answers 40403 once every version is permanently
/// deleted) can change on another instance, so a positive answer is only trusted for <see cref="RegistryOptions.IdLookupCacheDuration"/>;
/// this instance forgets it at once when it removes a version itself.
/// </summary>
internal sealed class SchemaCache(TimeSpan liveFor)
{
    private readonly ConcurrentDictionary<int, StoredSchema> _stored = new();
    private readonly ConcurrentDictionary<int, ParsedSchema> _parsed = new();
    private readonly ConcurrentDictionary<int, long> _liveUntil = new();

    public StoredSchema? FindStored(int id) => _stored.GetValueOrDefault(id);

    /// <summary>Remembers a schema read from the store (committed, so never to change).</summary>
    public void AddStored(StoredSchema schema) => _stored.TryAdd(schema.Id, schema);

    public ParsedSchema? FindParsed(int id) => _parsed.GetValueOrDefault(id);

    public ParsedSchema AddParsed(int id, ParsedSchema parsed) => _parsed.GetOrAdd(id, parsed);

    /// <summary>The schema with this id if the store said recently that a version holds it.</summary>
    public StoredSchema? FindLive(int id) =>
        _liveUntil.TryGetValue(id, out var until) && until > Environment.TickCount64 ? FindStored(id) : null;

    public void MarkLive(int id)
    {
        if (liveFor > TimeSpan.Zero)
        {
            _liveUntil[id] = Environment.TickCount64 + (long)liveFor.TotalMilliseconds;
        }
    }

    public void ForgetLive(int id) => _liveUntil.TryRemove(id, out _);
}
