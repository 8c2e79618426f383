namespace ComplaintsPlatform.Messaging;

internal static class Backoff
{
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Exponential from <paramref name="initial"/>, capped, with jitter so replicas do not retry in step.
    /// Ends quietly when cancelled: callers loop on their token.
    /// </summary>
    public static Task DelayAsync(int failures, TimeSpan initial, CancellationToken ct)
    {
        var ms = Math.Min(initial.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 16)), Max.TotalMilliseconds);
        return Task.Delay(TimeSpan.FromMilliseconds(ms * (0.8 + Random.Shared.NextDouble() * 0.4)), ct)
            .ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }
}
