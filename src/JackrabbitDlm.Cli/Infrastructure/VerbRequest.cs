using System.CommandLine;
using JackrabbitDlm.Client;

namespace JackrabbitDlm.Cli.Infrastructure;

/// <summary>What a client verb sends its request with.</summary>
/// <param name="Locker">A locker for the entry key, with the command line's settings.</param>
/// <param name="Result">The parsed command line.</param>
/// <param name="Ttl">The <c>--ttl</c> value.</param>
internal sealed record VerbRequest(Locker Locker, ParseResult Result, TimeSpan Ttl);
