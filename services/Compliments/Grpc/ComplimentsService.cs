using ComplaintsPlatform.Calendar;
using ComplaintsPlatform.Compliments.Data;
using ComplaintsPlatform.Compliments.Domain;
using ComplaintsPlatform.Compliments.Events;
using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Compliment = ComplaintsPlatform.Compliments.Domain.Compliment;
using ComplimentMessage = ComplaintsPlatform.Compliments.V1.Compliment;

namespace ComplaintsPlatform.Compliments.Grpc;

/// <summary>Recording and changing compliments. Queries and reports are in the other half of this class.</summary>
[Authorize(Roles = Access.Readers)]
public sealed partial class ComplimentsService(ComplimentsDbContext db, ComplimentEvents events, CouncilClocks clocks, TimeProvider clock)
    : V1.Compliments.ComplimentsBase
{
    private const int MaxWords = 10_000;

    [Authorize(Roles = Access.Recorders)]
    public override async Task<ComplimentMessage> RecordCompliment(RecordComplimentRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var caller = Caller.From(context);
        var council = await DirectoryChecks.CouncilAsync(db, ct);
        var today = clocks.For(council.CalendarSettings()).Today(clock);
        var receivedOn = request.ReceivedOn.ToDateOnlyOrNull();
        var serviceAreaId = request.ServiceAreaId.NullIfEmpty();
        var teamId = request.TeamId.NullIfEmpty();
        var officerId = request.OfficerId.NullIfEmpty();

        var validator = new Validator()
            .Require(serviceAreaId is not null, "service_area_id", "is required")
            .Require(teamId is not null, "team_id", "is required")
            .Require(request.Channel != Channel.Unspecified && Enum.IsDefined(request.Channel), "channel", "is required")
            .Require(request.Giver != Giver.Unspecified && Enum.IsDefined(request.Giver), "giver", "is required: a member of the public, or someone on their behalf")
            .NotBlank(request.Words, "words", MaxWords);
        if (receivedOn is null)
        {
            validator.Add("received_on", "is required (a real date)");
        }
        else if (receivedOn > today)
        {
            validator.Add("received_on", "must not be in the future");
        }
        QuotableTextRules.Validate(request.ConsentToQuote, request.QuotableText, validator);
        await DirectoryChecks.CheckAsync(db, validator, serviceAreaId, teamId, officerId, ct);
        validator.ThrowIfInvalid();

        var now = clock.GetUtcNow();
        var compliment = Compliment.RecordByStaff(
            serviceAreaId!, teamId!, officerId, request.Channel, receivedOn!.Value, request.Words.Trim(), request.Giver, caller.Subject, now);
        if (request.ConsentToQuote)
        {
            compliment.SetQuoteConsent(true, request.QuotableText, caller.Subject, now);
        }
        db.Compliments.Add(compliment);
        events.Recorded(db, compliment);
        await db.SaveChangesAsync(ct);
        return compliment.ToMessage();
    }

    [Authorize(Roles = Access.Recorders)]
    public override async Task<ComplimentMessage> AmendCompliment(AmendComplimentRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var caller = Caller.From(context);
        var compliment = await Access.ReadableAsync(db, caller, ComplimentMapping.ComplimentId(request.ComplimentId), track: true, ct);
        Access.EnsureMayChange(caller, compliment);

        var words = request.Words.NullIfEmpty();
        var serviceAreaId = request.ServiceAreaId.NullIfEmpty();
        var teamId = request.TeamId.NullIfEmpty();
        var officerId = request.OfficerId.NullIfEmpty();
        var validator = new Validator()
            .Require(words is not null || serviceAreaId is not null || teamId is not null || officerId is not null,
                "compliment_id", "nothing to amend: give the words, a service area, a team or an officer")
            .Require(words is null || words.Length <= MaxWords, "words", $"must be at most {MaxWords} characters");
        await DirectoryChecks.CheckAsync(db, validator, serviceAreaId, teamId, officerId, ct);
        if (serviceAreaId is null && teamId is not null)
        {
            await DirectoryChecks.CheckAsync(db, validator, compliment.ServiceAreaId, teamId, null, ct);
        }
        validator.ThrowIfInvalid();

        compliment.Amend(words, serviceAreaId, teamId, officerId);
        events.Amended(db, compliment, caller.Subject, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return compliment.ToMessage();
    }

    [Authorize(Roles = Access.Recorders)]
    public override async Task<ComplimentMessage> SetQuoteConsent(SetQuoteConsentRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var caller = Caller.From(context);
        var compliment = await Access.ReadableAsync(db, caller, ComplimentMapping.ComplimentId(request.ComplimentId), track: true, ct);
        Access.EnsureMayChange(caller, compliment);

        compliment.SetQuoteConsent(request.ConsentToQuote, request.QuotableText, caller.Subject, clock.GetUtcNow());
        events.QuoteConsentChanged(db, compliment);
        await db.SaveChangesAsync(ct);
        return compliment.ToMessage();
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override async Task<ComplimentMessage> SendBackToTriage(SendBackToTriageRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var caller = Caller.From(context);
        var id = ComplimentMapping.ComplimentId(request.ComplimentId);
        new Validator()
            .Require(request.Reason != RetriageReason.Unspecified && Enum.IsDefined(request.Reason), "reason",
                "is required: IS_COMPLAINT or IS_SERVICE_REQUEST")
            .ThrowIfInvalid();
        var compliment = await Access.ReadableAsync(db, caller, id, track: true, ct);

        compliment.SendBackToTriage(request.Reason, caller.Subject, clock.GetUtcNow());
        events.SentBackToTriage(db, compliment);
        await db.SaveChangesAsync(ct);
        return compliment.ToMessage();
    }
}
