using System.CommandLine;
using JackrabbitDlm.Cli.Infrastructure;
using JackrabbitDlm.Cli.Tests.Infrastructure;
using JackrabbitDlm.Tools.Fighting;
using JackrabbitDlm.Tools.Identity;

namespace JackrabbitDlm.Cli.Tests;

public sealed class FightOptionSetTests
{
    [Fact]
    public void FighterArguments_ParsedAgain_GiveTheSameFight()
    {
        using var temp = new TempDirectory();
        var identityPath = IdentityFiles.Create(temp.Path, "junk", 40000);
        var identity = IdentityChoice.Resolve("junk", identityPath, null);
        var fight = new FightOptions
        {
            Target = 250,
            Mode = FightMode.Chaos,
            LocksOnly = true,
            Host = "localhost",
            Port = 40001,
            IdentityName = "junk",
            IdentitySecret = identity!.File.Secret,
            IdentityMaxSize = 40000,
            KeyPrefix = "war7",
            LockTtl = TimeSpan.FromSeconds(12.5),
            TimeLimit = TimeSpan.FromSeconds(90),
            KeepAlive = true,
        };

        var arguments = FightOptionSet.FighterArguments(fight, identity);

        var set = new FightOptionSet();
        var command = new Command("fight") { new Option<bool>("--json") };
        set.AddTo(command);
        var parsed = new RootCommand { command }.Parse(arguments);
        Assert.Empty(parsed.Errors);
        var (read, readIdentity) = set.Read(parsed);
        Assert.Equal(fight with { DataOwnerId = fight.EffectiveDataOwnerId }, read);
        Assert.Equal(identityPath, readIdentity!.Path);
    }

    [Fact]
    public void FighterArguments_Identity_NeverCarryTheSecret()
    {
        using var temp = new TempDirectory();
        var identity = IdentityChoice.Resolve(null, IdentityFiles.Create(temp.Path, "junk", 100), null)!;
        var fight = new FightOptions { Target = 5, IdentityName = "junk", IdentitySecret = identity.File.Secret };

        var arguments = FightOptionSet.FighterArguments(fight, identity);

        Assert.DoesNotContain(identity.File.Secret, arguments);
        Assert.Contains(identity.Path, arguments);
    }
}
