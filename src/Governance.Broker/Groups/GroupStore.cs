using System.Security.Cryptography;
using System.Text.Json;
using Governance.Broker.Log;

namespace Governance.Broker.Groups;

/// <summary>
/// Persists what a group must keep across restarts: committed offsets, protocol type and generation id, as one JSON file
/// per group under <c>groups/</c> (named by a hash of the group id, which may hold any character). Written atomically and
/// forced to disk before a commit is acknowledged, so it survives kill -9 of the process and a power loss.
/// </summary>
internal sealed class GroupStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _directory;

    public GroupStore(string dataDirectory)
    {
        _directory = Path.Combine(dataDirectory, "groups");
        Directory.CreateDirectory(_directory);
    }

    /// <summary>A group's persisted state.</summary>
    public sealed record StoredGroup(string GroupId, string ProtocolType, int GenerationId, List<OffsetCommitEntry> Offsets);

    public IReadOnlyList<StoredGroup> LoadAll() =>
        [.. Directory.GetFiles(_directory, "*.json").Select(path => JsonSerializer.Deserialize<StoredGroup>(File.ReadAllBytes(path), Json)).OfType<StoredGroup>()];

    public void Save(StoredGroup group)
    {
        AtomicFile.Write(PathOf(group.GroupId), JsonSerializer.SerializeToUtf8Bytes(group, Json));
    }

    public void Delete(string groupId) => File.Delete(PathOf(groupId));

    private string PathOf(string groupId) =>
        Path.Combine(_directory, Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(groupId))) + ".json");
}
