using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CollectionStore.Tests.Postgres;

/// <summary>
/// A real, throw-away PostgreSQL cluster: <c>initdb</c> in a temp directory and <c>pg_ctl</c> on a free loopback port,
/// run as the <c>postgres</c> user when the tests run as root (PostgreSQL refuses to run as root). Password
/// authentication over TCP, like a server a user runs. A test can stop it and start it again on the same port and
/// data directory to play a database restart. The test command installs the Debian package <c>postgresql</c>;
/// <c>POSTGRES_BIN</c> points at another installation's <c>bin</c> folder.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Password = "collectionstore-tests";

    private static readonly SemaphoreSlim SharedLock = new(1, 1);
    private static PostgresServer? _shared;

    private readonly string _directory;
    private readonly string _bin;
    private readonly bool _asPostgresUser;
    private int _databases;

    private PostgresServer(string directory, string bin, bool asPostgresUser, int port)
    {
        _directory = directory;
        _bin = bin;
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The superuser's connection string to the maintenance database <c>postgres</c>.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    private string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>
    /// One cluster for the whole test process, started on first use and stopped when the process exits; tests
    /// isolate themselves with <see cref="CreateDatabaseAsync"/>.
    /// </summary>
    public static async Task<PostgresServer> SharedAsync()
    {
        await SharedLock.WaitAsync();
        try
        {
            if (_shared is null)
            {
                var server = await StartAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopAsync(immediate: true).GetAwaiter().GetResult();
                _shared = server;
            }

            return _shared;
        }
        finally
        {
            SharedLock.Release();
        }
    }

    /// <summary>Creates a cluster of its own and starts it; returns once it accepts connections.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinaries();
        var asPostgresUser = Environment.UserName == "root";
        var directory = Directory.CreateTempSubdirectory("collectionstore-pg-").FullName;
        var server = new PostgresServer(directory, bin, asPostgresUser, FreeLoopbackPort());
        try
        {
            await server.InitAsync();
            await server.StartAgainAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection string for <paramref name="database"/> as the superuser.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Password = Password,
            Database = database,
            Timeout = 15,
        }.ToString();

    /// <summary>Creates an empty database with a fresh name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = $"cs_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..40];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8';", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>Starts the cluster (again) on its port and data directory; returns once it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        var options = string.Join(
            ' ',
            "-c listen_addresses=127.0.0.1",
            $"-p {Port.ToString(CultureInfo.InvariantCulture)}",
            $"-k {_directory}",
            "-c max_connections=400",
            "-c shared_buffers=64MB",
            "-c fsync=on");
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-o", options, "-w", "-t", "60", "start"]);
        var deadline = Stopwatch.StartNew();
        while (!await AcceptsAsync())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException($"PostgreSQL did not accept connections on port {Port}: {ReadLog()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Stops the cluster: <paramref name="immediate"/> aborts every backend at once, as a crash would.</summary>
    public Task StopAsync(bool immediate = false) =>
        RunAsync("pg_ctl", ["-D", DataDirectory, "-m", immediate ? "immediate" : "fast", "-w", "-t", "60", "stop"], tolerateFailure: true);

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(DataDirectory))
        {
            await StopAsync(immediate: true);
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; the OS cleans the temp folder.
        }
        catch (UnauthorizedAccessException)
        {
            // Files created by the postgres user may not be removable by this one.
        }
    }

    private static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("POSTGRES_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "PostgreSQL's initdb was not found under /usr/lib/postgresql/*/bin; install the Debian package 'postgresql' (tests/run.sh does) or set POSTGRES_BIN.");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task InitAsync()
    {
        var passwordFile = Path.Combine(_directory, "password");
        await File.WriteAllTextAsync(passwordFile, Password);
        if (_asPostgresUser)
        {
            await RunCommandAsync("chown", ["-R", "postgres:postgres", _directory], runAsPostgres: false, tolerateFailure: false);
        }

        await RunAsync(
            "initdb",
            ["-D", DataDirectory, "-U", "postgres", "--pwfile", passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
    }

    private Task RunAsync(string tool, IReadOnlyList<string> arguments, bool tolerateFailure = false) =>
        RunCommandAsync(Path.Combine(_bin, tool), arguments, _asPostgresUser, tolerateFailure);

    private static async Task RunCommandAsync(string program, IReadOnlyList<string> arguments, bool runAsPostgres, bool tolerateFailure)
    {
        var start = runAsPostgres ? new ProcessStartInfo("runuser") : new ProcessStartInfo(program);
        if (runAsPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0 && !tolerateFailure)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    private async Task<bool> AcceptsAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private string ReadLog()
    {
        try
        {
            return File.ReadAllText(Path.Combine(_directory, "server.log"));
        }
        catch (IOException)
        {
            return "(no server log)";
        }
    }
}
