using JackrabbitDlm.Engine.Rules;

namespace JackrabbitDlm.Engine.Backends;

/// <summary>
/// Where entries live. A backend runs <see cref="EntryRules.Decide"/> and applies its decision as one
/// atomic step per entry: no two owners are ever granted the same entry, not even by several
/// server processes sharing one backend, and fencing tokens only grow across all of them.
/// </summary>
public interface IEntryBackend : IAsyncDisposable
{
    /// <summary>A short name for logs, e.g. <c>memory</c>.</summary>
    string Name { get; }

    /// <summary>Runs one validated command atomically.</summary>
    /// <param name="command">The command; its action is never <c>Version</c>.</param>
    /// <param name="overloaded">True while the server is over its memory threshold.</param>
    /// <param name="cancellationToken">Cancels waiting for the backend; a started change still completes.</param>
    /// <returns>
    /// The outcome. A backend that cannot be reached answers <see cref="ActionOutcome.BackendUnavailable"/>
    /// rather than throwing, and changes nothing.
    /// </returns>
    ValueTask<ActionResult> ExecuteAsync(EntryCommand command, bool overloaded, CancellationToken cancellationToken);

    /// <summary>How many locks (entries without a value) and values are held now.</summary>
    EntryCounts CountEntries();
}
