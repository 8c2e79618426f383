namespace ComplaintsPlatform.Intake.Correspondence;

/// <summary>Wakes the dispatcher when a message was queued, so a receipt goes at once rather than at the next poll.</summary>
public sealed class CorrespondenceSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
