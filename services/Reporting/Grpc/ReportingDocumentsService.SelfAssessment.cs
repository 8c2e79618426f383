using System.Globalization;
using System.Text;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.Reports;
using ComplaintsPlatform.Reporting.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Grpc;

public sealed partial class ReportingDocumentsService
{
    private const int TextLimit = 4000;

    [AllowAnonymous]
    public override async Task<SelfAssessment> GetSelfAssessment(GetSelfAssessmentRequest request, ServerCallContext context)
    {
        // Who is asking first: a caller with no standing learns nothing, not even that the year was wrong.
        var audience = await AudienceAsync(context);
        return await register.BuildAsync(ValidYear(request.Year), audience, context.CancellationToken, Housing(request));
    }

    [AllowAnonymous]
    public override async Task<CsvExport> ExportSelfAssessmentCsv(GetSelfAssessmentRequest request, ServerCallContext context)
    {
        var audience = await AudienceAsync(context);
        var assessment = await register.BuildAsync(ValidYear(request.Year), audience, context.CancellationToken, Housing(request));
        var csv = new StringBuilder();
        Csv.Line(csv, ["Paragraph", "Section", "Provision", "Status", "Previous year", "Evidence", "Live evidence", "Commentary"]);
        foreach (var i in assessment.Items)
        {
            Csv.Line(csv, [i.Paragraph, i.SectionTitle, i.Provision, DocumentRenderer.Status(i.Status), DocumentRenderer.Status(i.PreviousYearStatus), i.Evidence, string.Join("; ", i.LiveEvidence), i.Commentary]);
        }
        return new CsvExport { FileName = $"{(Housing(request) ? "housing-" : "")}self-assessment-{request.Year}.csv", ContentType = "text/csv", Csv = csv.ToString() };
    }

    /// <summary>complaints_team: one provision's assessment; each changed field is written to the audit trail.</summary>
    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override async Task<SelfAssessmentItem> UpdateSelfAssessmentEntry(UpdateSelfAssessmentEntryRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var year = ValidYear(request.Year);
        var violations = new List<FieldViolation>();
        if (!System.Enum.IsDefined(request.Status))
        {
            violations.Add(new("status", "Choose complies, partly or does not comply."));
        }
        if (request.Evidence.Length > TextLimit)
        {
            violations.Add(new("evidence", $"At most {TextLimit} characters."));
        }
        if (request.Commentary.Length > TextLimit)
        {
            violations.Add(new("commentary", $"At most {TextLimit} characters."));
        }
        if (violations.Count > 0)
        {
            throw new ValidationException(violations);
        }
        _ = CodeProvisions.Find(request.Paragraph) ?? throw new NotFoundException($"Provision {request.Paragraph} of the Code");
        var housing = CodeProvisions.Housing.Any(p => p.Paragraph == request.Paragraph);

        var who = Caller.From(context).Subject;
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = await db.Set<SelfAssessmentEntry>().FindAsync([year, request.Paragraph], ct);
        if (entry is null)
        {
            db.Set<SelfAssessmentEntry>().Add(entry = new SelfAssessmentEntry { Year = year, Paragraph = request.Paragraph });
        }
        void Change(string field, string was, string value)
        {
            if (was != value)
            {
                db.Set<SelfAssessmentAudit>().Add(new SelfAssessmentAudit
                {
                    Year = year, Paragraph = request.Paragraph, Field = field, OldValue = was, NewValue = value, ChangedBy = who, ChangedAt = now,
                });
            }
        }
        Change("status", ((ComplianceStatus)entry.Status).ToString(), request.Status.ToString());
        Change("evidence", entry.Evidence, request.Evidence);
        Change("commentary", entry.Commentary, request.Commentary);
        entry.Status = (short)request.Status;
        entry.Evidence = request.Evidence;
        entry.Commentary = request.Commentary;
        entry.AssessedBy = who;
        entry.AssessedAt = now;
        await db.SaveChangesAsync(ct);
        var assessment = await register.BuildAsync(year, new ReportAudience(false, null), ct, housing);
        return assessment.Items.Single(i => i.Paragraph == request.Paragraph);
    }

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override async Task<SelfAssessmentChangeList> ListSelfAssessmentChanges(ListSelfAssessmentChangesRequest request, ServerCallContext context)
    {
        var year = ValidYear(request.Year);
        var rows = await db.Set<SelfAssessmentAudit>().AsNoTracking().Where(c => c.Year == year).OrderBy(c => c.Id).ToListAsync(context.CancellationToken);
        return new SelfAssessmentChangeList
        {
            Changes =
            {
                rows.Select(c => new SelfAssessmentChange
                {
                    Year = c.Year, Paragraph = c.Paragraph, Field = c.Field, OldValue = c.OldValue, NewValue = c.NewValue, ChangedBy = c.ChangedBy,
                    ChangedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(c.ChangedAt, DateTimeKind.Utc)),
                }),
            },
        };
    }

    /// <summary>Which Code's register: the Housing Ombudsman's, or the LGSCO's (unset or LGSCO).</summary>
    private static bool Housing(GetSelfAssessmentRequest request) => (Ombudsman.V1.Ombudsman)request.Ombudsman switch
    {
        Ombudsman.V1.Ombudsman.Unspecified or Ombudsman.V1.Ombudsman.Lgsco => false,
        Ombudsman.V1.Ombudsman.Housing => true,
        _ => throw new ValidationException([new("ombudsman", "Choose the LGSCO's Code (1) or the Housing Ombudsman's (2).")]),
    };

    private static int ValidYear(int year) => year is >= 1990 and <= 2100 ? year
        : throw new ValidationException([new("year", "Give the financial year (1990-2100).")]);
}
