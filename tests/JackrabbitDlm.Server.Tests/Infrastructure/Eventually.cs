namespace JackrabbitDlm.Server.Tests.Infrastructure;

/// <summary>Waits for a condition that the server makes true asynchronously.</summary>
internal static class Eventually
{
    /// <returns>
    /// True as soon as the condition holds; false if it still does not after the timeout.
    /// </returns>
    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }
}
