using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Reporting.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Date = Google.Type.Date;

namespace ComplaintsPlatform.Reporting.Tests;

/// <summary>One report cell's worth of something that happened: counted on its received date or the date it happened.</summary>
public sealed record Expect(ReportKind Report, string Column, DateOnly ReceivedOn, DateOnly HappenedOn, long Value, string Directorate, string Stream = "");

/// <summary>
/// A deterministic year of contacts, cases, Ombudsman enquiries and compliments (February 2025 to
/// April 2026, so some fall outside financial year 2025/26 on one basis and inside on the other),
/// with, beside every event, what each report should count for it.
/// </summary>
public sealed class YearGenerator
{
    private static readonly Channel[] Channels = [Channel.OnlineForm, Channel.Email, Channel.Phone, Channel.Letter];
    private static readonly Finding[] Findings = [Finding.Upheld, Finding.PartlyUpheld, Finding.NotUpheld, Finding.NoFinding];

    public List<(string Source, IMessage Event)> Events { get; } = [];

    public List<Expect> Expected { get; } = [];

    public long Total(ReportKind report, string column, Basis basis, int financialYear, string? directorate = null, string? stream = null, bool calendarYear = false)
    {
        var from = calendarYear ? new DateOnly(financialYear, 1, 1) : new DateOnly(financialYear, 4, 1);
        var to = from.AddYears(1);
        return Expected.Where(e => e.Report == report && e.Column == column && (directorate is null || e.Directorate == directorate) && (stream is null || e.Stream == stream))
            .Where(e => (basis == Basis.Received ? e.ReceivedOn : e.HappenedOn) is var d && d >= from && d < to)
            .Sum(e => e.Value);
    }

    public static YearGenerator Generate(int cases = 120, string prefix = "")
    {
        var g = new YearGenerator();
        for (var i = 0; i < cases; i++)
        {
            g.Case(i, prefix);
        }
        for (var j = 0; j < 60; j++)
        {
            g.OtherContact(j, prefix);
        }
        for (var k = 0; k < 40; k++)
        {
            g.Compliment(k, prefix);
        }
        return g;
    }

    private void Expect(ReportKind report, string column, DateOnly received, DateOnly happened, string directorate, long value = 1) =>
        Expected.Add(new(report, column, received, happened, value, directorate));

    private void Case(int i, string prefix)
    {
        var (area, team, directorate) = Council.Areas[i % 3];
        var received = new DateOnly(2025, 2, 20).AddDays(i * 7 % 430);
        var stream = i % 5 == 0 ? ComplaintStream.AdultSocialCare : ComplaintStream.Corporate;
        var channel = Channels[i % 4];
        var contactId = $"{prefix}contact-{i}";
        var caseId = $"{prefix}case-{i}";
        void Ex(ReportKind report, string column, DateOnly happened, long value = 1) =>
            Expected.Add(new(report, column, received, happened, value, directorate, stream.ToString()));

        Events.Add(("intake", new ContactReceived { ContactId = contactId, Kind = ContactKind.Complaint, Channel = channel, ReceivedAt = Noon(received), ServiceAreaId = area }));
        Events.Add(("intake", new ContactTriaged
        {
            ContactId = contactId, Decision = TriageDecision.Complaint, Stream = stream, ServiceAreaId = area, Kind = ContactKind.Complaint,
            Channel = channel, ReceivedAt = Noon(received), TriagedAt = Noon(received.AddDays(1)),
        }));
        Ex(ReportKind.Contacts, "received", received);
        Ex(ReportKind.Contacts, "received_Complaint", received);
        Ex(ReportKind.Contacts, "triaged_Complaint", received.AddDays(1));
        Ex(ReportKind.ChannelMix, "total", received);
        Ex(ReportKind.ChannelMix, "channel_" + channel, received);

        CaseEventHeader Header(DateOnly on, int stage = 1) => new() { CaseId = caseId, ContactId = contactId, Stream = stream, Stage = stage, OccurredOn = D(on) };
        // Every ninth case is opened against the wrong service area and reallocated.
        Events.Add(("caseworkflow", new CaseOpened { Header = Header(received), ServiceAreaId = i % 9 == 0 ? Council.Waste : area, ReceivedAt = Noon(received), FromIntake = true }));
        Events.Add(("caseworkflow", new CaseAllocated { Header = Header(received), DirectorateId = directorate, ServiceAreaId = area, TeamId = team, HandlerId = "officer-1" }));
        Ex(ReportKind.Complaints, "complaints", received);
        Ex(ReportKind.TopServiceAreas, "complaints", received);
        Ex(ReportKind.StageFunnel, "stage1", received);
        // Reporting 2: the statutory streams per stage.
        var statutory = stream == ComplaintStream.AdultSocialCare;
        void Stat(string column, DateOnly happened)
        {
            if (statutory)
            {
                Expected.Add(new(ReportKind.StatutoryStages, column, received, happened, 1, directorate, "AdultSocialCare"));
            }
        }
        Stat("1_entered", received);

        var ackOn = received.AddDays(2);
        Events.Add(("caseworkflow", new CaseAcknowledged { Header = Header(ackOn), WithinDeadline = i % 7 != 0 }));
        Ex(ReportKind.Timeliness, "acknowledged", ackOn);
        Ex(ReportKind.Timeliness, i % 7 != 0 ? "ack_on_time" : "ack_late", ackOn);

        if (i % 10 == 0)
        {
            Events.Add(("caseworkflow", new CaseEnded { Header = Header(received.AddDays(5)), Ending = CaseEnding.Withdrawn }));
            Ex(ReportKind.Findings, "withdrawn", received.AddDays(5));
            return;
        }
        var respondedOn = received.AddDays(5 + i % 15);
        var overall = Findings[i % 4];
        var original = i % 3 != 0;
        var extended = !original && i % 2 == 0;
        Events.Add(("caseworkflow", new ResponseSent
        {
            Header = Header(respondedOn), Overall = overall, WithinOriginalDeadline = original, WithinExtendedDeadline = original || extended,
            OriginalDue = D(received.AddDays(14)), ExtendedDue = extended ? D(received.AddDays(28)) : null,
        }));
        Ex(ReportKind.Timeliness, "responses", respondedOn);
        Ex(ReportKind.Timeliness, original ? "within_original" : extended ? "within_extension" : "over", respondedOn);
        if (extended)
        {
            Ex(ReportKind.Timeliness, "extensions_used", respondedOn);
        }
        Ex(ReportKind.Findings, overall switch
        {
            Finding.Upheld => "upheld", Finding.PartlyUpheld => "partly_upheld", Finding.NotUpheld => "not_upheld", _ => "no_finding",
        }, respondedOn);
        Ex(ReportKind.Findings, "total", respondedOn);
        Stat("1_responses", respondedOn);
        Stat(original || extended ? "1_in_time" : "1_over", respondedOn);
        Stat("1_finding_" + overall, respondedOn);
        var fault = overall is Finding.Upheld or Finding.PartlyUpheld;
        if (fault)
        {
            Ex(ReportKind.Findings, "fault_found", respondedOn);
            Ex(ReportKind.Learning, "fault_found", respondedOn);
            if (i % 3 == 0)
            {
                var learnedOn = respondedOn.AddDays(3);
                Events.Add(("caseworkflow", new LearningRecorded { Header = Header(learnedOn), NatureCategoryCode = "delay", Actions = 2, ServiceAreaId = area }));
                Ex(ReportKind.Learning, "lessons", learnedOn);
                Ex(ReportKind.Learning, "actions", learnedOn, 2);
                Ex(ReportKind.Learning, "fault_with_lesson", respondedOn);
                Ex(ReportKind.NatureCategories, "total", learnedOn);
                Ex(ReportKind.NatureCategories, "delay", learnedOn);
            }
        }
        if (fault && i % 2 == 1)
        {
            var type = i / 4 % 2 == 0 ? "financial" : "apology";
            var amount = type == "financial" ? 2500 : 0;
            var agreedOn = respondedOn.AddDays(1);
            Events.Add(("caseworkflow", new RemedyAgreed { Header = Header(agreedOn), RemedyId = $"{caseId}-r", TypeCode = type, AmountPence = amount }));
            Ex(ReportKind.Remedies, "total", agreedOn);
            Ex(ReportKind.Remedies, type, agreedOn);
            Ex(ReportKind.Remedies, "financial_pence", agreedOn, amount);
            Ex(ReportKind.Remedies, "outstanding", agreedOn);
        }
        if (i % 6 == 1)
        {
            Events.Add(("caseworkflow", new EscalationRequested { Header = Header(respondedOn.AddDays(3)), WithinWindow = true }));
            Ex(ReportKind.StageFunnel, "escalation_requests", respondedOn.AddDays(3));
            Ex(ReportKind.Stage2Reviews, "requests", respondedOn.AddDays(3));
            if (i % 12 == 1)
            {
                var acceptedOn = respondedOn.AddDays(5);
                var stage2On = acceptedOn.AddDays(20);
                Events.Add(("caseworkflow", new EscalationAccepted { Header = Header(acceptedOn), ToStage = 2 }));
                Events.Add(("caseworkflow", new ResponseSent { Header = Header(stage2On, 2), Overall = Finding.NotUpheld, WithinOriginalDeadline = true, WithinExtendedDeadline = true, FinalStage = true }));
                Ex(ReportKind.StageFunnel, "stage2_accepted", acceptedOn);
                Ex(ReportKind.Stage2Reviews, "granted", acceptedOn);
                Ex(ReportKind.Stage2Reviews, "not_upheld", stage2On);
                Ex(ReportKind.Findings, "not_upheld", stage2On);
                Ex(ReportKind.Findings, "total", stage2On);
                Ex(ReportKind.Timeliness, "responses", stage2On);
                Ex(ReportKind.Timeliness, "within_original", stage2On);
                Stat("2_entered", acceptedOn);
                Stat("2_responses", stage2On);
                Stat("2_in_time", stage2On);
                Stat("2_finding_NotUpheld", stage2On);
            }
            else
            {
                Events.Add(("caseworkflow", new EscalationRefused { Header = Header(respondedOn.AddDays(6)), ReasonCode = "no_new_issues" }));
                Ex(ReportKind.StageFunnel, "stage2_refused", respondedOn.AddDays(6));
                Ex(ReportKind.Stage2Reviews, "refused", respondedOn.AddDays(6));
                Ex(ReportKind.EscalationRefusals, "total", respondedOn.AddDays(6));
                Ex(ReportKind.EscalationRefusals, "no_new_issues", respondedOn.AddDays(6));
            }
        }
        if (i % 20 == 3)
        {
            var enquiryOn = received.AddDays(60);
            Events.Add(("ombudsman", new EnquiryReceived { EnquiryId = $"{prefix}enq-{i}", Ombudsman = Ombudsman.V1.Ombudsman.Lgsco, CaseId = caseId, DirectorateId = directorate, ReceivedOn = D(enquiryOn) }));
            Expect(ReportKind.StageFunnel, "ombudsman_enquiries", enquiryOn, enquiryOn, directorate);
            Expect(ReportKind.OmbudsmanEnquiries, "enquiries", enquiryOn, enquiryOn, directorate);
        }
    }

    private void OtherContact(int j, string prefix)
    {
        var (area, _, directorate) = Council.Areas[j % 3];
        var received = new DateOnly(2025, 3, 15).AddDays(j * 7);
        var (kind, decision) = (j % 3) switch
        {
            0 => (ContactKind.Enquiry, TriageDecision.Enquiry),
            1 => (ContactKind.ServiceRequest, TriageDecision.ServiceRequest),
            _ => (ContactKind.MemberEnquiry, TriageDecision.Signpost),
        };
        var id = $"{prefix}other-{j}";
        Events.Add(("intake", new ContactReceived { ContactId = id, Kind = kind, Channel = Channel.Phone, ReceivedAt = Noon(received), ServiceAreaId = area }));
        Events.Add(("intake", new ContactTriaged
        {
            ContactId = id, Decision = decision, ServiceAreaId = area, Kind = kind, Channel = Channel.Phone,
            ReceivedAt = Noon(received), TriagedAt = Noon(received.AddDays(1)), MemberEnquiry = kind == ContactKind.MemberEnquiry,
        }));
        Expect(ReportKind.Contacts, "received", received, received, directorate);
        Expect(ReportKind.Contacts, "received_" + kind, received, received, directorate);
        Expect(ReportKind.Contacts, "triaged_" + decision, received, received.AddDays(1), directorate);
        Expect(ReportKind.ChannelMix, "total", received, received, directorate);
        Expect(ReportKind.ChannelMix, "channel_Phone", received, received, directorate);
        if (kind == ContactKind.MemberEnquiry)
        {
            Expect(ReportKind.MemberEnquiries, "member_enquiries", received, received.AddDays(1), directorate);
        }
    }

    private void Compliment(int k, string prefix)
    {
        var (area, team, directorate) = Council.Areas[k % 3];
        var received = new DateOnly(2025, 3, 20).AddDays(k * 11);
        var id = $"{prefix}compliment-{k}";
        Events.Add(("compliments", new ComplimentRecorded { ComplimentId = id, ServiceAreaId = area, TeamId = team, Channel = Channel.Email, ReceivedOn = D(received) }));
        if (k % 13 == 5)
        {
            Events.Add(("compliments", new ComplimentSentBackToTriage { ComplimentId = id, ReasonCode = "IS_COMPLAINT" }));
            return;
        }
        Expect(ReportKind.Compliments, "compliments", received, received, directorate);
    }

    public static Date D(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    // Noon UTC is the same date in London all year.
    public static Timestamp Noon(DateOnly day) => Timestamp.FromDateTime(day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));

    public void PublishTo(ReportingHost host)
    {
        foreach (var (source, evt) in Events)
        {
            host.Feeds[source].Publish(evt);
        }
    }
}
