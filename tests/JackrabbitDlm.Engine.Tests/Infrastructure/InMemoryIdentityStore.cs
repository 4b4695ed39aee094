using JackrabbitDlm.Engine.Validation;

namespace JackrabbitDlm.Engine.Tests.Infrastructure;

/// <summary>Identity records held in a dictionary; remembers every name it was asked for.</summary>
internal sealed class InMemoryIdentityStore : IIdentityStore
{
    private readonly Dictionary<string, IdentityRecord> _records = new(StringComparer.Ordinal);

    public List<string> Lookups { get; } = [];

    public InMemoryIdentityStore Add(
        string name,
        string secret,
        int maxValueLength = IdentityRecord.DefaultMaxValueLength)
    {
        _records[name] = new IdentityRecord(System.Text.Encoding.UTF8.GetBytes(secret), maxValueLength);
        return this;
    }

    public IdentityRecord? Find(string name)
    {
        Lookups.Add(name);
        return _records.GetValueOrDefault(name);
    }
}
