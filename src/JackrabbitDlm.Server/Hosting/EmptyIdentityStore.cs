using JackrabbitDlm.Engine.Validation;

namespace JackrabbitDlm.Server.Hosting;

/// <summary>
/// An identity store that knows no identity, so every request with a <c>Name</c> is refused:
/// the stand-in while no identity files are configured.
/// </summary>
public sealed class EmptyIdentityStore : IIdentityStore
{
    public static EmptyIdentityStore Instance { get; } = new();

    public IdentityRecord? Find(string name) => null;
}
