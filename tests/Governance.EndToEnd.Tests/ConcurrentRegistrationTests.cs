using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Governance.EndToEnd.Tests.Support;
using Governance.TestSupport;

namespace Governance.EndToEnd.Tests;

/// <summary>
/// Two server processes on one PostgreSQL database, each with 16 concurrent HTTP clients registering compatible and
/// incompatible schemas into the same few subjects. Afterwards: every schema has one id and every id one schema, each
/// subject's versions run 1..n without gaps, every acknowledged registration is stored as answered, and no stored version
/// is one its subject's compatibility level should have refused.
/// </summary>
public sealed class ConcurrentRegistrationTests(PostgresServer postgres)
{
    private const int ClientsPerServer = 16;
    private const int RegistrationsPerClient = 12;

    /// <summary>Half the subjects check against the latest version only, half against all of them.</summary>
    private static readonly (string Subject, string Level)[] Subjects =
    [
        ("race-a", "BACKWARD"),
        ("race-b", "BACKWARD"),
        ("race-c", "BACKWARD_TRANSITIVE"),
        ("race-d", "BACKWARD_TRANSITIVE"),
    ];

    [Fact]
    public async Task Two_processes_with_sixteen_clients_each_keep_ids_versions_and_compatibility_right()
    {
        var storage = ServerStorage.Postgres(await postgres.CreateDatabaseAsync(TestContext.Current.CancellationToken));
        await using var first = await ServerProcess.StartAsync(RepositoryPaths.ServerAssembly, storage, TestContext.Current.CancellationToken);
        await using var second = await ServerProcess.StartAsync(RepositoryPaths.ServerAssembly, storage, TestContext.Current.CancellationToken);
        using var setup = first.CreateClient();
        foreach (var (subject, level) in Subjects)
        {
            using var put = await setup.PutAsJsonAsync($"/config/{subject}", new { compatibility = level }, TestContext.Current.CancellationToken);
            put.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var accepted = new ConcurrentBag<Registration>();
        var refused = 0;
        var unexpected = new ConcurrentBag<string>();
        var clients = Enumerable.Range(0, ClientsPerServer * 2).Select(async client =>
        {
            using var http = (client % 2 == 0 ? first : second).CreateClient();
            var random = new Random(client);
            for (var i = 0; i < RegistrationsPerClient; i++)
            {
                var (subject, _) = Subjects[random.Next(Subjects.Length)];
                var candidate = Candidate.All[random.Next(Candidate.All.Count)];
                using var response = await http.PostAsJsonAsync($"/subjects/{subject}/versions", new { schema = candidate.Schema }, TestContext.Current.CancellationToken);
                var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var json = JsonNode.Parse(body)!;
                    accepted.Add(new Registration(subject, candidate, json["id"]!.GetValue<int>(), json["version"]!.GetValue<int>()));
                }
                else if (response.StatusCode == HttpStatusCode.Conflict && JsonNode.Parse(body)!["error_code"]!.GetValue<int>() == 40901)
                {
                    Interlocked.Increment(ref refused);
                }
                else
                {
                    unexpected.Add($"{(int)response.StatusCode} {body}");
                }
            }
        });
        await Task.WhenAll(clients);

        TestContext.Current.TestOutputHelper?.WriteLine($"{accepted.Count} registrations acknowledged, {refused} refused as incompatible");
        unexpected.ShouldBeEmpty();
        accepted.ShouldNotBeEmpty();
        refused.ShouldBeGreaterThan(0, "the run should have offered incompatible schemas after compatible ones");

        // The same schema has the same id everywhere, and different schemas different ids.
        accepted.GroupBy(r => r.Candidate.Name).ShouldAllBe(g => g.Select(r => r.Id).Distinct().Count() == 1);
        accepted.GroupBy(r => r.Id).ShouldAllBe(g => g.Select(r => r.Candidate.Name).Distinct().Count() == 1);

        foreach (var (subject, level) in Subjects)
        {
            var stored = await ReadSubjectAsync(setup, subject);
            var mine = accepted.Where(r => r.Subject == subject).ToList();
            if (mine.Count == 0)
            {
                stored.ShouldBeEmpty();
                continue;
            }

            // Versions without gaps, each holding one of the schemas acknowledged for it, and every acknowledgement stored.
            stored.Select(v => v.Version).ShouldBe(Enumerable.Range(1, stored.Count), $"{subject}: versions with gaps");
            stored.Select(v => v.Id).Distinct().Count().ShouldBe(stored.Count, $"{subject}: one schema registered twice");
            foreach (var registration in mine)
            {
                stored.ShouldContain(v => v.Version == registration.Version && v.Id == registration.Id, $"{subject}: acknowledged v{registration.Version} id {registration.Id} not stored");
            }

            // No version the level should have refused: each must read the data of the versions it was checked against.
            var candidates = stored.Select(v => mine.First(r => r.Id == v.Id).Candidate).ToList();
            for (var v = 1; v < candidates.Count; v++)
            {
                var checkedAgainst = level == "BACKWARD_TRANSITIVE" ? candidates[..v] : [candidates[v - 1]];
                foreach (var earlier in checkedAgainst)
                {
                    candidates[v].CanRead(earlier).ShouldBeTrue($"{subject} ({level}): version {v + 1} ({candidates[v].Name}) cannot read version ({earlier.Name})");
                }
            }
        }
    }

    private static async Task<List<(int Version, int Id)>> ReadSubjectAsync(HttpClient http, string subject)
    {
        using var versions = await http.GetAsync($"/subjects/{subject}/versions", TestContext.Current.CancellationToken);
        if (versions.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        var numbers = JsonNode.Parse(await versions.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsArray().Select(n => n!.GetValue<int>()).ToList();
        var stored = new List<(int, int)>();
        foreach (var number in numbers)
        {
            var version = JsonNode.Parse(await http.GetStringAsync($"/subjects/{subject}/versions/{number}", TestContext.Current.CancellationToken))!;
            stored.Add((number, version["id"]!.GetValue<int>()));
        }

        return stored;
    }

    private sealed record Registration(string Subject, Candidate Candidate, int Id, int Version);

    /// <summary>
    /// A record <c>Event</c> with <c>id</c> and some optional fields (with defaults), or with a required field of its
    /// own (no default). By Avro's resolution rules a reader can read a writer's data exactly when every reader field
    /// without a default is also a writer field.
    /// </summary>
    private sealed record Candidate(string Name, IReadOnlyList<string> OptionalFields, string? RequiredField)
    {
        public static readonly IReadOnlyList<Candidate> All =
        [
            new("plain", [], null),
            new("with-a", ["a"], null),
            new("with-a-b", ["a", "b"], null),
            new("with-b-c", ["b", "c"], null),
            new("with-c", ["c"], null),
            new("needs-x", [], "x"),
            new("needs-y", ["a"], "y"),
            new("needs-z", ["b"], "z"),
        ];

        public string Schema
        {
            get
            {
                var fields = new List<string> { """{"name":"id","type":"int"}""" };
                fields.AddRange(OptionalFields.Select(f => $$"""{"name":"{{f}}","type":"string","default":""}"""));
                if (RequiredField is not null)
                {
                    fields.Add($$"""{"name":"{{RequiredField}}","type":"string"}""");
                }

                return $$"""{"type":"record","name":"Event","namespace":"race","fields":[{{string.Join(',', fields)}}]}""";
            }
        }

        public bool CanRead(Candidate writer) => RequiredField is null || RequiredField == writer.RequiredField;
    }
}
