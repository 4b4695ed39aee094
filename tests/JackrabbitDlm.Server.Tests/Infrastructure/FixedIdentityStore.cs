using System.Text;
using JackrabbitDlm.Engine.Validation;

namespace JackrabbitDlm.Server.Tests.Infrastructure;

/// <summary>
/// An identity store holding one identity, as <c>Config/&lt;name&gt;.cfg</c> would.
/// </summary>
internal sealed class FixedIdentityStore : IIdentityStore
{
    private readonly string _name;
    private readonly IdentityRecord _record;

    public FixedIdentityStore(string name, string secret, int maxValueLength)
    {
        _name = name;
        _record = new IdentityRecord(Encoding.UTF8.GetBytes(secret), maxValueLength);
    }

    public IdentityRecord? Find(string name) => name == _name ? _record : null;
}
