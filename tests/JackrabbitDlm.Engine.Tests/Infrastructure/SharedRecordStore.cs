using JackrabbitDlm.Engine.Validation;

namespace JackrabbitDlm.Engine.Tests.Infrastructure;

/// <summary>Answers one and the same identity record for every name.</summary>
internal sealed class SharedRecordStore(IdentityRecord record) : IIdentityStore
{
    public IdentityRecord? Find(string name) => record;
}
