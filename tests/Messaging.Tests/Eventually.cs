namespace ComplaintsPlatform.Messaging.Tests;

/// <summary>Polling instead of sleeping: wait for a condition, or check one holds for a while.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }
            await Task.Delay(25);
        }
    }

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan duration)
    {
        var until = DateTime.UtcNow + duration;
        while (DateTime.UtcNow < until)
        {
            Assert.True(await condition(), $"Expected {what} throughout {duration.TotalMilliseconds} ms.");
            await Task.Delay(25);
        }
    }
}
