using System.Text.Json;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Events;
using Grpc.Core;

namespace ComplaintsPlatform.Intake.Correspondence;

/// <summary>
/// Completes a letter CaseWorkflow asked for just before it is sent: fetches its words from
/// CaseInternal as the intake service and maps CaseWorkflow's code and facts onto Intake's template
/// (<see cref="CaseLetters"/>). Done by the dispatcher, outside any feed transaction.
/// </summary>
internal sealed class CaseLetterWords(CaseInternal.CaseInternalClient caseInternal)
{
    // One call must not hold the dispatcher's batch for long: the letter is simply retried later.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    public async Task CompleteAsync(CorrespondenceMessage message, CancellationToken ct)
    {
        var content = await caseInternal.GetCorrespondenceContentAsync(
            new GetCorrespondenceContentRequest { RequestId = message.CaseLetterRequestId },
            deadline: DateTime.UtcNow.Add(CallTimeout), cancellationToken: ct);
        var facts = JsonSerializer.Deserialize<Dictionary<string, string>>(message.FactsJson) ?? [];
        var letter = CaseLetters.Map(message.CaseLetterCode!, facts, content.Texts)
            ?? throw new InvalidOperationException($"CaseWorkflow's letter code {message.CaseLetterCode} has no template.");
        message.TemplateCode = letter.Template;
        message.FactsJson = JsonSerializer.Serialize(letter.Facts);
        message.CaseLetterCode = null;
        message.CaseLetterRequestId = null;
    }

    /// <summary>CaseWorkflow is down or slow (rather than refusing this letter): the letter waits for it.</summary>
    public static bool IsUnavailable(Exception ex) =>
        ex is HttpRequestException
        || ex is RpcException { StatusCode: StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted };
}
