using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace Governance.TestSupport;

/// <summary>
/// A throwaway PostgreSQL 15 server for one test run: initialized in a temporary folder, listening on 127.0.0.1 at a free
/// port with trust authentication and <c>fsync=off</c>, stopped and deleted at the end.
/// Use it as an xunit v3 assembly fixture (<c>[assembly: AssemblyFixture(typeof(PostgresServer))]</c>), take it in a test
/// class's constructor, and give each test class or test its own database with <see cref="CreateDatabaseAsync"/>.
/// The binaries come from <c>/usr/lib/postgresql/15/bin</c> (Debian's <c>postgresql</c> package) or the folder in the
/// environment variable <c>GOVERNANCE_POSTGRES_BIN</c>. As root, the server runs as the <c>postgres</c> user, since
/// initdb refuses root.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string DefaultBinFolder = "/usr/lib/postgresql/15/bin";

    private readonly string _binFolder = Environment.GetEnvironmentVariable("GOVERNANCE_POSTGRES_BIN") ?? DefaultBinFolder;
    private string? _folder;
    private int _databaseCount;

    /// <summary>The port the server listens on, at 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>A connection string to the server's <c>postgres</c> database, as the superuser <c>postgres</c>.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    /// <summary>A connection string to <paramref name="database"/> on this server, as the superuser <c>postgres</c>.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        MaxPoolSize = 50,
    }.ConnectionString;

    /// <summary>Creates an empty database (<c>CREATE DATABASE ... TEMPLATE template0</c>) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = $"test_{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCount)}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionString(name);
    }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Path.Combine(_binFolder, "initdb")))
        {
            throw new InvalidOperationException(
                $"PostgreSQL 15 binaries not found in {_binFolder}: install them (apt-get install -y postgresql) or set GOVERNANCE_POSTGRES_BIN.");
        }

        _folder = Directory.CreateTempSubdirectory("governance-postgres-").FullName;

        // The server's user must create its data folder, socket and log here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder, (UnixFileMode)0b111_111_111);
        }

        Port = FreePort();
        var data = Path.Combine(_folder, "data");
        await RunAsync("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        await RunAsync(
            "pg_ctl", "-D", data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
            "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -k {_folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
            "start");
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync("pg_ctl", "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
            _folder = null;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs one of the server's programs (as <c>postgres</c> when this process is root) and fails with its output.</summary>
    private async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Environment.UserName == "root")
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", Path.Combine(_binFolder, program)])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = Path.Combine(_binFolder, program);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = _folder is not null && File.Exists(Path.Combine(_folder, "server.log"))
                ? await File.ReadAllTextAsync(Path.Combine(_folder, "server.log"))
                : string.Empty;
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await output}{await error}{log}");
        }
    }
}
