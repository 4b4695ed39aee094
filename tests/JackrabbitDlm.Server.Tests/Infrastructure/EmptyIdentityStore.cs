using JackrabbitDlm.Engine.Validation;

namespace JackrabbitDlm.Server.Tests.Infrastructure;

/// <summary>An identity store that knows no identity, so every request with a <c>Name</c> is refused.</summary>
public sealed class EmptyIdentityStore : IIdentityStore
{
    public static EmptyIdentityStore Instance { get; } = new();

    public IdentityRecord? Find(string name) => null;
}
