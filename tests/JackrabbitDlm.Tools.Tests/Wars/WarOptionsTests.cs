using JackrabbitDlm.Tools.Fighting;
using JackrabbitDlm.Tools.Wars;

namespace JackrabbitDlm.Tools.Tests.Wars;

public sealed class WarOptionsTests
{
    private static readonly ServerAddress First = new("10.0.0.5", 37373);
    private static readonly ServerAddress Second = new("10.0.0.6", 37374);

    private static WarOptions War(int fighters, params ServerAddress[] servers) => new()
    {
        Fighters = fighters,
        Fight = new FightOptions { Target = 10, Host = "127.0.0.1", Port = 4000 },
        Servers = servers,
        FighterProgram = "jrdlm",
        FighterArguments = _ => [],
    };

    [Fact]
    public void ServerNumberOf_TwoServers_AlternatesFromTheFirst()
    {
        var war = War(5, First, Second);

        var numbers = Enumerable.Range(1, 5).Select(war.ServerNumberOf);

        Assert.Equal(new[] { 1, 2, 1, 2, 1 }, numbers);
    }

    [Fact]
    public void EffectiveServers_NoneGiven_IsTheFightsOwnServer()
    {
        var war = War(3);

        Assert.Equal(new[] { new ServerAddress("127.0.0.1", 4000) }, war.EffectiveServers);
        Assert.Equal(1, war.ServerNumberOf(3));
    }

    [Fact]
    public void FightThrough_Server_KeepsTheFightButChangesItsServer()
    {
        var war = War(2, First, Second);

        var fight = war.FightThrough(Second);

        Assert.Equal(("10.0.0.6", 37374), (fight.Host, fight.Port));
        Assert.Equal(war.Fight with { Host = "10.0.0.6", Port = 37374 }, fight);
    }

    [Fact]
    public void Validate_MoreServersThanFighters_Throws()
    {
        var error = Assert.Throws<ToolException>(() => War(1, First, Second).Validate());

        Assert.Contains(
            "1 fighters cannot cover 2 servers", error.Message, StringComparison.Ordinal);
    }
}
