using JackrabbitDlm.Tools.Statistics;

namespace JackrabbitDlm.Tools.Tests.Statistics;

public sealed class StatisticsTableTests
{
    private static StatisticsRecord Record(int hour, params (string Name, double Value)[] counters) =>
        new(new DateTime(2026, 12, 4, hour, 0, 0), counters.ToDictionary(c => c.Name, c => c.Value));

    [Fact]
    public void From_CountersMissingOnSomeLines_AreZeroThere()
    {
        var table = StatisticsTable.From([Record(1, ("Lock", 5)), Record(2, ("Get", 3))]);

        Assert.Equal(["Get", "Lock"], table.Counters);
        Assert.Equal([0, 3], table.Values("Get"));
        Assert.Equal([5, 0], table.Values("Lock"));
    }

    [Fact]
    public void From_RecordsOutOfOrder_SortsByTime()
    {
        var table = StatisticsTable.From([Record(3, ("Lock", 3)), Record(1, ("Lock", 1))]);

        Assert.Equal(1, table.Times[0].Hour);
        Assert.Equal([1, 3], table.Values("Lock"));
    }

    [Fact]
    public void From_NoRecords_IsEmpty()
    {
        Assert.True(StatisticsTable.From([]).IsEmpty);
    }
}
