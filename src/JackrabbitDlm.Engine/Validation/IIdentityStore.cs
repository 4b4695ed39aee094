namespace JackrabbitDlm.Engine.Validation;

/// <summary>Where identity files are looked up (the server reads <c>Config/&lt;Name&gt;.cfg</c>).</summary>
public interface IIdentityStore
{
    /// <summary>Reads the identity named <paramref name="name"/>; the name is already checked to be plain.</summary>
    /// <returns>Null when there is no such identity, or its file is unreadable or invalid.</returns>
    IdentityRecord? Find(string name);
}
