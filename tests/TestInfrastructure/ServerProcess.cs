using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ComplaintsPlatform.TestInfrastructure;

// A child server process that is stopped with a signal of our choosing (SIGINT is PostgreSQL's
// fast shutdown; a plain kill would leave its backends behind).
internal sealed partial class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly int _stopSignal;

    private ServerProcess(Process process, int stopSignal)
    {
        _process = process;
        _stopSignal = stopSignal;
    }

    // The server runs under a small shell that passes our stop signal on and stops the server itself
    // when this test process is gone, so a test host that dies (or is killed, or exits before its exit
    // handlers finish) leaves nothing running. Its throw-away folder, if it has one, goes with it then;
    // a server stopped by the test itself keeps its folder, since the test may start it again.
    private const string Watchdog = """
        owner="$1"; folder="$2"; shift 2
        "$@" & child=$!
        trap 'kill -TERM "$child" 2>/dev/null' TERM
        trap 'kill -INT "$child" 2>/dev/null' INT
        while kill -0 "$owner" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1 & wait $!; done
        kill -0 "$child" 2>/dev/null && kill -INT "$child" 2>/dev/null
        wait "$child"
        if [ -n "$folder" ] && ! kill -0 "$owner" 2>/dev/null; then rm -rf -- "$folder"; fi
        """;

    /// <param name="throwAwayFolder">Removed once the server has stopped after this process is gone.</param>
    public static ServerProcess Start(string file, IEnumerable<string> args, int stopSignal, string? throwAwayFolder = null)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-c", Watchdog, "watchdog", Environment.ProcessId.ToString(), throwAwayFolder ?? "", file, .. args])
        {
            psi.ArgumentList.Add(a);
        }
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, stopSignal);
    }

    public bool HasExited => _process.HasExited;

    public void Stop(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }
        _ = Kill(_process.Id, _stopSignal);
        if (!_process.WaitForExit(grace))
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Stop(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    public const int SigInt = 2;
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
