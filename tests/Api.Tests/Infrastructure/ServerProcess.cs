using System.Diagnostics;

namespace CollectionStore.Api.Tests.Infrastructure;

/// <summary>The built server run as an operator runs it: <c>dotnet CollectionStore.Api.dll</c> in a directory of its own.</summary>
public static class ServerProcess
{
    /// <summary>A start of the server with its store in <paramref name="directory"/>, a free port, and the given environment.</summary>
    public static ProcessStartInfo StartInfo(string directory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = directory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CollectionStore.Api.dll"));
        start.Environment["ConnectionStrings__Store"] = $"Data Source={Path.Combine(directory, "store.db")}";
        start.Environment["Urls"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>Runs the server until it exits (within a minute, else it is killed) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunUntilExitAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
