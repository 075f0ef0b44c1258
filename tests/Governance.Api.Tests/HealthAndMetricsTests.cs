using System.Net;
using System.Text.RegularExpressions;
using Governance.Api.Tests.Support;
using Governance.TestSupport;

namespace Governance.Api.Tests;

/// <summary><c>/health/live</c>, <c>/health/ready</c> and <c>/metrics</c> in Prometheus text format.</summary>
public abstract partial class HealthAndMetricsTests(RegistryServerFixture server)
{
    private RegistryClient Client => server.Client;

    [Fact]
    public async Task Live_and_ready_answer_200_when_the_database_answers()
    {
        using var live = await Client.Http.GetAsync("/health/live", TestContext.Current.CancellationToken);
        live.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var ready = await Client.Http.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldStartWith("Healthy");
    }

    [Fact]
    public async Task Metrics_are_valid_prometheus_text_with_request_histograms_by_route_and_status_and_registry_gauges()
    {
        var subject = TestSchemas.Subject("metrics");
        var id = await Client.RegisterAsync(subject, TestSchemas.Record("Measured"));
        (await Client.GetAsync($"/schemas/ids/{id}")).ShouldBeOk();
        (await Client.GetAsync("/schemas/ids/99999999")).ShouldBeError(404, 40403);
        var expectedSubjects = (await Client.GetAsync("/subjects")).Json.AsArray().Count;

        using var response = await Client.Http.GetAsync("/metrics", TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        response.Content.Headers.ContentType.Parameters.ShouldContain(p => p.Name == "version" && p.Value == "0.0.4");
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            (CommentLine().IsMatch(line) || SampleLine().IsMatch(line)).ShouldBeTrue($"not Prometheus text format: {line}");
        }

        text.ShouldContain("# TYPE http_server_request_duration_seconds histogram");
        var samples = Sample.ParseAll(text);
        samples.ShouldContain(s => s.Name == "http_server_request_duration_seconds_count" && s.Is("http_route", "/schemas/ids/{id:int}") && s.Is("http_response_status_code", "200") && s.Value >= 1);
        samples.ShouldContain(s => s.Name == "http_server_request_duration_seconds_count" && s.Is("http_route", "/schemas/ids/{id:int}") && s.Is("http_response_status_code", "404") && s.Value >= 1);
        samples.ShouldContain(s => s.Name == "http_server_request_duration_seconds_bucket" && s.Is("http_route", "/subjects/{subject}/versions") && s.Is("le", "+Inf") && s.Value >= 1);
        samples.Single(s => s.Name == "governance_registry_subjects").Value.ShouldBe(expectedSubjects);
        samples.Single(s => s.Name == "governance_registry_schemas").Value.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Histogram_buckets_are_cumulative_and_end_with_the_count()
    {
        (await Client.GetAsync("/")).ShouldBeOk();
        using var response = await Client.Http.GetAsync("/metrics", TestContext.Current.CancellationToken);
        var samples = Sample.ParseAll(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        bool RootGet(Sample s) => s.Is("http_route", "/") && s.Is("http_request_method", "GET") && s.Is("http_response_status_code", "200");
        var buckets = samples.Where(s => s.Name == "http_server_request_duration_seconds_bucket" && RootGet(s)).Select(s => s.Value).ToList();
        buckets.Count.ShouldBeGreaterThan(1);
        buckets.ShouldBe(buckets.Order().ToList(), "buckets must be cumulative");
        buckets[^1].ShouldBe(samples.Single(s => s.Name == "http_server_request_duration_seconds_count" && RootGet(s)).Value);
        buckets[^1].ShouldBeGreaterThanOrEqualTo(1);
    }

    /// <summary>One sample line: name, labels, value.</summary>
    private sealed record Sample(string Name, Dictionary<string, string> Labels, double Value)
    {
        public bool Is(string label, string value) => Labels.TryGetValue(label, out var actual) && actual == value;

        public static List<Sample> ParseAll(string text) =>
        [
            .. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).Select(line =>
            {
                var match = SampleParts().Match(line);
                match.Success.ShouldBeTrue(line);
                var labels = LabelPair().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
                var value = match.Groups["value"].Value == "+Inf" ? double.PositiveInfinity : double.Parse(match.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture);
                return new Sample(match.Groups["name"].Value, labels, value);
            }),
        ];
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)$""")]
    private static partial Regex SampleParts();

    [GeneratedRegex("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex LabelPair();

    [GeneratedRegex("""^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$""")]
    private static partial Regex CommentLine();

    [GeneratedRegex("""^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*\})? -?([0-9.eE+-]+|\+Inf|NaN)$""")]
    private static partial Regex SampleLine();
}

public sealed class HealthAndMetricsOnSqlite(SqliteRegistryServer server) : HealthAndMetricsTests(server), IClassFixture<SqliteRegistryServer>;

public sealed class HealthAndMetricsOnPostgres(PostgresRegistryServer server) : HealthAndMetricsTests(server), IClassFixture<PostgresRegistryServer>;

/// <summary>Readiness follows the database: a server whose PostgreSQL database goes away answers 503.</summary>
public sealed class ReadinessTests(PostgresServer postgres)
{
    [Fact]
    public async Task Ready_answers_503_naming_the_database_when_it_is_gone()
    {
        var connectionString = await postgres.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        await using var server = InProcessServer<Program>.Start(ServerStorage.Postgres(connectionString), new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        using var client = server.CreateClient();
        (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var database = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var admin = new Npgsql.NpgsqlConnection(postgres.AdminConnectionString))
        {
            await admin.OpenAsync(TestContext.Current.CancellationToken);
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        using var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var body = await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        body.ShouldContain("database");
        body.ShouldNotContain("Password", Case.Insensitive);
        using var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
