using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Governance.Broker.Activity;
using Governance.Broker.Log;
using Governance.Broker.Producers;
using Governance.Broker.Validation;
using Governance.Kafka.Protocol;

namespace Governance.Broker.Topics;

/// <summary>
/// Every topic of the broker under one data directory: create (Kafka's name rules), delete, add partitions, list,
/// describe, per-topic configs persisted as <c>topics/&lt;topic&gt;.json</c>, auto-creation on first use, and the
/// retention loop. Partition logs live in <c>&lt;topic&gt;-&lt;partition&gt;/</c>. Also owns the producer id allocation. Thread-safe.
/// </summary>
public sealed class TopicManager : IDisposable
{
    /// <summary>More partitions than this in one topic are refused, so one request cannot make the broker open millions of files.</summary>
    public const int MaxPartitionCount = 10_000;

    private static readonly JsonSerializerOptions TopicJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly TopicManagerOptions _options;
    private readonly SchemaValidator? _schemaValidator;
    private readonly TimeProvider _time;
    private readonly string _topicsDirectory;
    private readonly ConcurrentDictionary<string, Topic> _topics = new(StringComparer.Ordinal);
    private readonly Lock _adminLock = new();
    private readonly ITimer? _retentionTimer;
    private readonly ActivityAggregator? _activity;
    private bool _disposed;

    /// <param name="schemaValidator">Checks produces to topics with confluent.*.schema.validation on; null refuses such produces.</param>
    /// <param name="activity">Told of topics created, deleted and reconfigured.</param>
    public TopicManager(TopicManagerOptions options, SchemaValidator? schemaValidator = null, TimeProvider? time = null, ActivityAggregator? activity = null)
    {
        _options = options;
        _activity = activity;
        _schemaValidator = schemaValidator;
        _time = time ?? TimeProvider.System;
        _topicsDirectory = Path.Combine(options.DataDirectory, "topics");
        Directory.CreateDirectory(_topicsDirectory);
        ProducerIds = new ProducerIdManager(options.DataDirectory);
        foreach (var file in Directory.GetFiles(_topicsDirectory, "*.json"))
        {
            LoadTopic(file);
        }

        if (options.RetentionCheckInterval > TimeSpan.Zero)
        {
            _retentionTimer = _time.CreateTimer(_ => EnforceRetention(), null, options.RetentionCheckInterval, options.RetentionCheckInterval);
        }
    }

    public TopicManagerOptions Options => _options;

    /// <summary>InitProducerId allocation (ids persisted so they are never reused).</summary>
    public ProducerIdManager ProducerIds { get; }

    /// <summary>
    /// CreateTopics for one topic: INVALID_TOPIC_EXCEPTION (bad name), TOPIC_ALREADY_EXISTS, INVALID_PARTITIONS,
    /// INVALID_CONFIG (unknown config or bad value, named in the message). <paramref name="partitionCount"/> -1 means the default.
    /// </summary>
    public TopicOperationResult CreateTopic(string name, int partitionCount, IReadOnlyDictionary<string, string?>? configs = null, bool validateOnly = false)
    {
        if (TopicNames.Validate(name) is { } nameProblem)
        {
            return new TopicOperationResult(ErrorCode.InvalidTopicException, nameProblem);
        }

        var count = partitionCount == -1 ? _options.DefaultPartitionCount : partitionCount;
        if (count is < 1 or > MaxPartitionCount)
        {
            return new TopicOperationResult(ErrorCode.InvalidPartitions, $"Number of partitions must be between 1 and {MaxPartitionCount}, not {partitionCount}.");
        }

        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (configName, value) in configs ?? new Dictionary<string, string?>())
        {
            if (TopicConfigs.Validate(configName, value) is { } configProblem)
            {
                return new TopicOperationResult(ErrorCode.InvalidConfig, configProblem);
            }

            overrides[configName] = value!;
        }

        lock (_adminLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_topics.ContainsKey(name))
            {
                return new TopicOperationResult(ErrorCode.TopicAlreadyExists, $"Topic '{name}' already exists.");
            }

            if (validateOnly)
            {
                return TopicOperationResult.Ok;
            }

            var topic = new Topic(name, Guid.NewGuid(), overrides, TopicConfigs.ToLogConfig(overrides, _options.DefaultLogConfig));
            for (var id = 0; id < count; id++)
            {
                DeleteDirectoryIfPresent(PartitionDirectory(name, id)); // leftovers of a topic of the same name
            }

            topic.AddPartitions(Enumerable.Range(0, count).Select(id => OpenPartition(topic, id)));
            SaveTopic(topic);
            _topics[name] = topic;
            _activity?.OnTopic(TopicActivityKind.Created, name, count, topic.ConfigOverrides);
            return TopicOperationResult.Ok;
        }
    }

    /// <summary>DeleteTopics for one topic: removes its partitions' directories and its config file (UNKNOWN_TOPIC_OR_PARTITION when absent).</summary>
    public TopicOperationResult DeleteTopic(string name)
    {
        lock (_adminLock)
        {
            if (!_topics.TryRemove(name, out var topic))
            {
                return new TopicOperationResult(ErrorCode.UnknownTopicOrPartition, $"Topic '{name}' does not exist.");
            }

            File.Delete(TopicFile(name));
            foreach (var partition in topic.Partitions)
            {
                partition.Delete();
            }

            _activity?.OnTopic(TopicActivityKind.Deleted, name, 0, topic.ConfigOverrides);
            return TopicOperationResult.Ok;
        }
    }

    /// <summary>CreatePartitions: grows the topic to <paramref name="totalCount"/> partitions (INVALID_PARTITIONS when not larger).</summary>
    public TopicOperationResult CreatePartitions(string name, int totalCount, bool validateOnly = false)
    {
        lock (_adminLock)
        {
            if (!_topics.TryGetValue(name, out var topic))
            {
                return new TopicOperationResult(ErrorCode.UnknownTopicOrPartition, $"Topic '{name}' does not exist.");
            }

            var current = topic.Partitions.Count;
            if (totalCount <= current)
            {
                return new TopicOperationResult(ErrorCode.InvalidPartitions, $"Topic '{name}' currently has {current} partitions, which is higher than or equal to the requested {totalCount}.");
            }

            if (totalCount > MaxPartitionCount)
            {
                return new TopicOperationResult(ErrorCode.InvalidPartitions, $"Number of partitions must be at most {MaxPartitionCount}, not {totalCount}.");
            }

            if (!validateOnly)
            {
                topic.AddPartitions(Enumerable.Range(current, totalCount - current).Select(id => OpenPartition(topic, id)));
                SaveTopic(topic);
            }

            return TopicOperationResult.Ok;
        }
    }

    /// <summary>The topic, or null when it does not exist.</summary>
    public Topic? GetTopic(string name) => _topics.GetValueOrDefault(name);

    /// <summary>
    /// The topic, creating it with the default partition count when it does not exist and auto-creation is on (Metadata,
    /// Produce). Null when it does not exist and cannot be created (auto-creation off, or an illegal name).
    /// </summary>
    public Topic? GetOrAutoCreateTopic(string name)
    {
        if (_topics.TryGetValue(name, out var topic) || !_options.AutoCreateTopicsEnable)
        {
            return topic;
        }

        CreateTopic(name, -1);
        return GetTopic(name);
    }

    /// <summary>The partition, or null when the topic or the partition does not exist (UNKNOWN_TOPIC_OR_PARTITION).</summary>
    public Partition? GetPartition(string topic, int partition)
    {
        var partitions = GetTopic(topic)?.Partitions;
        return partitions is not null && partition >= 0 && partition < partitions.Count ? partitions[partition] : null;
    }

    /// <summary>All topics, ordered by name.</summary>
    public IReadOnlyList<Topic> ListTopics() => [.. _topics.Values.OrderBy(topic => topic.Name, StringComparer.Ordinal)];

    /// <summary>The topic with every config (overrides and defaults), or null when it does not exist.</summary>
    public TopicDescription? DescribeTopic(string name)
    {
        if (GetTopic(name) is not { } topic)
        {
            return null;
        }

        var overrides = topic.ConfigOverrides;
        var configs = TopicConfigs.Names
            .Select(config => overrides.TryGetValue(config, out var value)
                ? new ConfigEntry(config, value, IsDefault: false, IsReadOnly: false)
                : new ConfigEntry(config, TopicConfigs.DefaultValue(config, _options.DefaultLogConfig), IsDefault: true, IsReadOnly: false))
            .ToList();
        return new TopicDescription(topic.Name, topic.TopicId, topic.Partitions.Count, configs);
    }

    /// <summary>AlterConfigs (legacy): replaces all the topic's overrides with <paramref name="configs"/>; persisted.</summary>
    public TopicOperationResult AlterConfigs(string name, IReadOnlyDictionary<string, string?> configs, bool validateOnly = false) =>
        ChangeConfigs(name, validateOnly, _ => (new Dictionary<string, string?>(configs, StringComparer.Ordinal), null));

    /// <summary>IncrementalAlterConfigs (KIP-339): sets, deletes (back to default), appends to or subtracts from list configs; persisted.</summary>
    public TopicOperationResult IncrementalAlterConfigs(string name, IReadOnlyList<ConfigAlteration> alterations, bool validateOnly = false) =>
        ChangeConfigs(name, validateOnly, current =>
        {
            var next = current.ToDictionary(pair => pair.Key, pair => (string?)pair.Value, StringComparer.Ordinal);
            foreach (var alteration in alterations)
            {
                var existing = next.TryGetValue(alteration.Name, out var value) ? value : null;
                var items = (existing ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                var given = (alteration.Value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                switch (alteration.Operation)
                {
                    case ConfigOperation.Set:
                        next[alteration.Name] = alteration.Value;
                        break;
                    case ConfigOperation.Delete:
                        next.Remove(alteration.Name);
                        break;
                    case ConfigOperation.Append when TopicConfigs.TypeOf(alteration.Name) == 7:
                        next[alteration.Name] = string.Join(',', items.Concat(given.Where(item => !items.Contains(item))));
                        break;
                    case ConfigOperation.Subtract when TopicConfigs.TypeOf(alteration.Name) == 7:
                        next[alteration.Name] = string.Join(',', items.Where(item => !given.Contains(item)));
                        break;
                    default:
                        return (null, $"Config '{alteration.Name}' is not a list: {alteration.Operation} applies only to list configs.");
                }
            }

            return (next, null);
        });

    /// <summary>Enforces retention on every partition now (the background loop calls this every <see cref="TopicManagerOptions.RetentionCheckInterval"/>).</summary>
    public int EnforceRetention() => _topics.Values.SelectMany(topic => topic.Partitions).Sum(partition => partition.Log.EnforceRetention());

    /// <summary>Writes producer state snapshots and closes every log.</summary>
    public void Dispose()
    {
        lock (_adminLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _retentionTimer?.Dispose();
            foreach (var partition in _topics.Values.SelectMany(topic => topic.Partitions))
            {
                partition.Dispose();
            }
        }
    }

    // Applies a change to the overrides: the change returns the new overrides, or why it cannot be made.
    private TopicOperationResult ChangeConfigs(
        string name,
        bool validateOnly,
        Func<IReadOnlyDictionary<string, string>, (Dictionary<string, string?>? Next, string? Problem)> change)
    {
        lock (_adminLock)
        {
            if (!_topics.TryGetValue(name, out var topic))
            {
                return new TopicOperationResult(ErrorCode.UnknownTopicOrPartition, $"Topic '{name}' does not exist.");
            }

            var (next, problem) = change(topic.ConfigOverrides);
            if (next is null)
            {
                return new TopicOperationResult(ErrorCode.InvalidConfig, problem);
            }

            foreach (var (configName, value) in next)
            {
                if (TopicConfigs.Validate(configName, value) is { } configProblem)
                {
                    return new TopicOperationResult(ErrorCode.InvalidConfig, configProblem);
                }
            }

            if (!validateOnly)
            {
                var overrides = next.ToDictionary(pair => pair.Key, pair => pair.Value!, StringComparer.Ordinal);
                topic.SetConfigs(overrides, TopicConfigs.ToLogConfig(overrides, _options.DefaultLogConfig));
                SaveTopic(topic);
                _activity?.OnTopic(TopicActivityKind.ConfigChanged, name, topic.Partitions.Count, overrides);
            }

            return TopicOperationResult.Ok;
        }
    }

    private Partition OpenPartition(Topic topic, int id) =>
        new(topic, id, PartitionDirectory(topic.Name, id), topic.LogConfig, _schemaValidator, _time);

    private string PartitionDirectory(string topic, int partition) =>
        Path.Combine(_options.DataDirectory, topic + "-" + partition.ToString(CultureInfo.InvariantCulture));

    private string TopicFile(string topic) => Path.Combine(_topicsDirectory, topic + ".json");

    private void SaveTopic(Topic topic)
    {
        var file = new TopicFileContent(topic.Name, topic.TopicId, topic.Partitions.Count, new Dictionary<string, string>(topic.ConfigOverrides, StringComparer.Ordinal));
        AtomicFile.Write(TopicFile(topic.Name), JsonSerializer.SerializeToUtf8Bytes(file, TopicJson));
    }

    private void LoadTopic(string path)
    {
        var file = JsonSerializer.Deserialize<TopicFileContent>(File.ReadAllBytes(path), TopicJson)
            ?? throw new InvalidDataException($"The topic file '{path}' is empty.");
        var overrides = file.Configs ?? [];
        var topic = new Topic(file.Name, file.TopicId, overrides, TopicConfigs.ToLogConfig(overrides, _options.DefaultLogConfig));
        topic.AddPartitions(Enumerable.Range(0, file.PartitionCount).Select(id => OpenPartition(topic, id)));
        _topics[file.Name] = topic;
    }

    private static void DeleteDirectoryIfPresent(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private sealed record TopicFileContent(string Name, Guid TopicId, int PartitionCount, Dictionary<string, string>? Configs);
}
