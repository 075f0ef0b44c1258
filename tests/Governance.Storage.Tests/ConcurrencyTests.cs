using System.Collections.Concurrent;
using Governance.Registry;
using Governance.Registry.Compatibility;
using Governance.Storage.Tests.Support;
using Governance.TestSupport;
using Shouldly;

namespace Governance.Storage.Tests;

/// <summary>
/// Many writers at once: two registry instances (separate service providers and connection pools, as two servers would
/// be) on one database, each with 16 concurrent tasks registering compatible and incompatible candidates into overlapping
/// subjects, the same schemas under several subjects. Afterwards every id is unique to one schema and every schema has
/// one id, every subject's versions run 1..n without gaps, and no version breaks its subject's compatibility level.
/// </summary>
public sealed class ConcurrencyTests(PostgresServer postgres)
{
    private const int TasksPerInstance = 16;
    private const int RegistrationsPerTask = 8;

    private static readonly Dictionary<string, CompatibilityLevel> Subjects = new()
    {
        ["orders-value"] = CompatibilityLevel.Backward,
        ["payments-value"] = CompatibilityLevel.Forward,
        ["users-value"] = CompatibilityLevel.Full,
        ["audit-value"] = CompatibilityLevel.BackwardTransitive,
        ["events-value"] = CompatibilityLevel.FullTransitive,
    };

    /// <summary>Candidates: some evolve compatibly (optional fields), some do not (required fields added or removed, types changed).</summary>
    private static readonly string[][] Candidates =
    [
        ["id:int"],
        ["id:int", "note:string?"],
        ["id:int", "note:string?", "amount:int?"],
        ["id:int", "amount:int?"],
        ["id:int", "amount:string?"],
        ["id:int", "customer:string"],
        ["id:string"],
        ["note:string?"],
        ["id:int", "note:string?", "customer:string"],
        ["id:int", "tag:int?"],
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("postgresql")]
    [InlineData("sqlite")]
    public async Task Two_instances_with_16_writers_each_keep_ids_versions_and_compatibility_correct(string provider)
    {
        var settings = await RegistryHost.CreateDatabaseAsync(provider, postgres);
        await using var first = await RegistryHost.StartAsync(AsInstance(settings, 1));
        await using var second = await RegistryHost.StartAsync(AsInstance(settings, 2));
        foreach (var (subject, level) in Subjects)
        {
            await first.Registry.SetConfigAsync(subject, new RegistryConfig(level), Ct);
        }

        var accepted = new ConcurrentBag<SubjectVersion>();
        var refused = 0;
        var writers = new[] { first, second }
            .SelectMany((host, instance) => Enumerable.Range(0, TasksPerInstance).Select(task => Task.Run(async () =>
            {
                var random = new Random((instance * 100) + task);
                for (var i = 0; i < RegistrationsPerTask; i++)
                {
                    var subject = Subjects.Keys.ElementAt(random.Next(Subjects.Count));
                    var candidate = Submissions.Fields(Candidates[random.Next(Candidates.Length)]);
                    try
                    {
                        accepted.Add(await host.Registry.RegisterAsync(subject, candidate, normalize: false, Ct));
                    }
                    catch (RegistryException e) when (e.ErrorCode == RegistryErrorCode.IncompatibleSchema)
                    {
                        Interlocked.Increment(ref refused);
                    }
                }
            }, Ct)));
        await Task.WhenAll(writers);

        accepted.Count.ShouldBeGreaterThan(0);
        refused.ShouldBeGreaterThan(0);
        var stored = await second.Registry.ListSchemasAsync(null, deleted: true, latestOnly: false, Ct);

        // One id per schema, one schema per id, including the same schema under several subjects.
        var idsBySchema = stored.GroupBy(v => v.Schema.Schema).ToDictionary(g => g.Key, g => g.Select(v => v.Schema.Id).Distinct().ToList());
        idsBySchema.Values.ShouldAllBe(ids => ids.Count == 1);
        idsBySchema.Values.Select(ids => ids[0]).Distinct().Count().ShouldBe(idsBySchema.Count);
        idsBySchema.Keys.Count(schema => stored.Where(v => v.Schema.Schema == schema).Select(v => v.Subject).Distinct().Count() > 1)
            .ShouldBeGreaterThan(0, "some schema should be registered under several subjects");

        // Every answer a writer got is what the registry holds.
        foreach (var answer in accepted)
        {
            stored.ShouldContain(v => v.Subject == answer.Subject && v.Version == answer.Version && v.Schema.Id == answer.Schema.Id);
        }

        var format = new FieldsFormat();
        foreach (var (subject, level) in Subjects)
        {
            var versions = stored.Where(v => v.Subject == subject).OrderBy(v => v.Version).ToList();
            versions.Select(v => v.Version).ShouldBe(Enumerable.Range(1, versions.Count), $"versions of {subject}");
            versions.Select(v => v.Schema.Id).Distinct().Count().ShouldBe(versions.Count, $"a schema registered twice under {subject}");

            // Each version, checked against the versions before it under the subject's level, passes.
            var history = new List<VersionedSchema>();
            foreach (var version in versions)
            {
                var parsed = format.Parse(version.Schema.Schema, []);
                CompatibilityChecker.Check(level, parsed, history).ShouldBeEmpty($"{subject} v{version.Version} under {level}");
                history.Add(new VersionedSchema(version.Version, parsed));
            }
        }
    }

    /// <summary>
    /// The same database under a connection string of its own, so that each instance gets its own connection pool (and,
    /// on SQLite, its own in-process writer queue: the two instances then meet only at the file's lock, as two processes do).
    /// </summary>
    private static StorageSettings AsInstance(StorageSettings settings, int instance) => settings with
    {
        ConnectionString = settings.Provider == StorageProvider.PostgreSql
            ? $"{settings.ConnectionString};Application Name=instance-{instance}"
            : $"{settings.ConnectionString};Default Timeout={60 + instance}",
    };
}
