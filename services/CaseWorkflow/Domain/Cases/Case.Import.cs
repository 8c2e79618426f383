using System.Text.Json.Serialization;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;

namespace ComplaintsPlatform.CaseWorkflow.Domain.Cases;

// History brought in from a council's older system: the case is replayed through the same commands
// as a live one (so it raises the same events), marked with where it came from, and writes no letters.
public sealed partial class Case
{
    // True only on the instance being replayed, so later live changes to an imported case are live events.
    private bool _replaying;

    /// <summary>Set when the case was imported: the source file and line it came from.</summary>
    public ImportOrigin? Origin { get; private set; }

    [JsonIgnore]
    public bool IsImported => Origin is not null;

    private void BeginImport(ImportOrigin origin)
    {
        Origin = origin;
        _replaying = true;
    }

    /// <summary>More history for an imported case (its remedies and learning actions), replayed the same way.</summary>
    public void ResumeImport()
    {
        if (Origin is null)
        {
            throw new RuleViolationException("The case was not imported: history can be added only to imported cases.");
        }
        _replaying = true;
    }

    /// <summary>Ends the replay: the letters its commands asked for are history, and are never sent.</summary>
    public void FinishImport()
    {
        _replaying = false;
        _letters.Clear();
    }

    /// <summary>
    /// A deadline the source system recorded: it replaces the one computed from the policy of the
    /// time as the original deadline, the one the case was held to and its timeliness is judged by.
    /// </summary>
    public void GiveDue(int stage, ClockKind kind, DateOnly due, CaseRules rules, Actor actor)
    {
        var deadline = Running(stage, kind)
            ?? throw new RuleViolationException($"Stage {stage} has no running {kind} deadline for the file to give.");
        var computed = deadline.Due;
        deadline.Give(due, rules.Calendar, rules.CalendarVersion);
        Record(actor, "DEADLINE_GIVEN", deadline.StartDate, $"{kind} at stage {stage} due {due:yyyy-MM-dd} as the source recorded it (the policy gives {computed:yyyy-MM-dd})");
    }

    /// <summary>One more action on learning already recorded (imported history lists its actions separately).</summary>
    public void AddLearningAction(LearningActionRecord action, CaseRules rules, Actor actor)
    {
        var learning = Learning ?? throw new RuleViolationException("The case has no learning recorded for this action to belong to.");
        if (action.DoneOn > rules.Today || action.Due < ReceivedOn)
        {
            throw new RuleViolationException("A learning action cannot be done in the future or due before the complaint was received.");
        }
        learning.Actions.Add(action);
        Record(actor, "LEARNING_ACTION_ADDED", action.DoneOn ?? rules.Today, $"Learning action due {action.Due:yyyy-MM-dd} added ({learning.Actions.Count} in all)");
        RaiseLearningRecorded(learning, actor);
    }
}

/// <summary>Where an imported case came from: the source system's id, the file and its line.</summary>
public sealed class ImportOrigin
{
    public string SourceId { get; internal set; } = "";
    public string SourceFile { get; internal set; } = "";
    public int Line { get; internal set; }
    public DateTimeOffset ImportedAt { get; internal set; }
    public string ImportedBy { get; internal set; } = "";
}
