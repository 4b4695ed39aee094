using System.Diagnostics;
using JackrabbitDlm.Tools.Fighting;

namespace JackrabbitDlm.Tools.Wars;

/// <summary>One fighter child process and what it prints.</summary>
internal sealed class FighterProcess : IDisposable
{
    private const int KeptErrorLines = 20;

    private readonly Process _process;
    private readonly Queue<string> _errorLines = new();
    private readonly Lock _gate = new();
    private FightResult? _result;

    private FighterProcess(int index, int serverNumber, Process process)
    {
        Index = index;
        ServerNumber = serverNumber;
        _process = process;
    }

    public int Index { get; }

    /// <summary>The number, from 1, of the server this fighter fights through.</summary>
    public int ServerNumber { get; }

    public int ProcessId { get; private set; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the fighter with its output read in the background.</summary>
    /// <exception cref="ToolException">The program could not be started.</exception>
    public static FighterProcess Start(
        int index, int serverNumber, string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var fighter = new FighterProcess(index, serverNumber, new Process { StartInfo = start });
        fighter._process.OutputDataReceived += (_, line) => fighter.OnOutput(line.Data);
        fighter._process.ErrorDataReceived += (_, line) => fighter.OnError(line.Data);
        try
        {
            fighter._process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            fighter.Dispose();
            throw new ToolException($"cannot start the fighter {program}: {e.Message}", e);
        }

        fighter.ProcessId = fighter._process.Id;
        fighter._process.BeginOutputReadLine();
        fighter._process.BeginErrorReadLine();
        return fighter;
    }

    /// <summary>Waits for the fighter to end, and for its output to be read.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) =>
        _process.WaitForExitAsync(cancellationToken);

    /// <summary>Ends a fighter that ran past its time, children included.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own meanwhile.
        }
    }

    public FighterOutcome ToOutcome(bool killed)
    {
        lock (_gate)
        {
            var exitCode = killed || !_process.HasExited ? -1 : _process.ExitCode;
            return new FighterOutcome(
                Index, ServerNumber, ProcessId, exitCode, _result, string.Join('\n', _errorLines));
        }
    }

    public void Dispose() => _process.Dispose();

    private void OnOutput(string? line)
    {
        if (line is null || !line.StartsWith('{'))
        {
            return;
        }

        if (FightResult.FromJson(line) is { } result)
        {
            lock (_gate)
            {
                _result = result;
            }
        }
    }

    private void OnError(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _errorLines.Enqueue(line);
            if (_errorLines.Count > KeptErrorLines)
            {
                _errorLines.Dequeue();
            }
        }
    }
}
