using System.Diagnostics;

namespace Rekindle.Cli.Tests;

/// <summary>
/// scripts/chromium.sh when apt-get is busy (issue 16 point 11): it waits for the dpkg lock with a limit, and when Chromium
/// is still missing it fails with the reason instead of letting the browser tests be skipped silently. A fake apt-get on
/// the PATH stands in for a busy one; the browser path points to a file that does not exist.
/// </summary>
public sealed class ChromiumScriptTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("rekindle-chromium-script-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Chromium_AptLockHeld_WaitsWithTheLimitThenFailsWithTheReason()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return; // the script installs as root; on a developer's non-root machine it refuses before apt-get (its own message)
        }

        var calls = Path.Combine(folder, "calls.txt");
        var fake = Path.Combine(folder, "apt-get");
        File.WriteAllText(fake, $"#!/bin/sh\necho \"$@\" >> {calls}\necho 'E: Could not get lock /var/lib/dpkg/lock-frontend' >&2\nexit 100\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var (code, stdout, stderr) = Bash("scripts/chromium.sh", ("REKINDLE_APT_LOCK_TIMEOUT", "7"));

        Assert.Equal(1, code);
        Assert.Equal("", stdout.Trim());
        Assert.Contains("DPkg::Lock::Timeout=7", File.ReadAllText(calls), StringComparison.Ordinal);
        Assert.Contains("the dpkg lock still held after 7 s", stderr, StringComparison.Ordinal);
    }

    private (int Code, string Out, string Error) Bash(string script, params (string Name, string Value)[] environment)
    {
        var root = Root();
        var info = new ProcessStartInfo("bash") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(root, script));
        info.Environment["PATH"] = folder + ":" + Environment.GetEnvironmentVariable("PATH");
        info.Environment["REKINDLE_CHROMIUM_EXECUTABLE"] = Path.Combine(folder, "no-chromium-here");
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rekindle.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (Rekindle.slnx) was not found above the test's folder");
    }
}
