using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.V1;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>
/// The self-assessment for one year: every provision of the Code with the complaints team's
/// assessment, last year's, and the live evidence — the figures for that financial year and the
/// conformance check of each current policy. A deviation found by the check marks its paragraph
/// DOES_NOT_COMPLY whatever the assessment says, so a non-conforming policy cannot be reported as
/// compliant. The LGSCO Code's register is of the corporate stream (its policy, its figures, the LGSCO's);
/// the Housing Ombudsman Code's register is built the same way from its own provisions, with the housing
/// policy's check (mapped onto the Housing Code's numbering) and the housing stream's and the Housing
/// Ombudsman's figures as live evidence.
/// </summary>
public sealed class SelfAssessmentRegister(ReportingDbContext db, DocumentTables tables)
{
    public async Task<SelfAssessment> BuildAsync(int year, ReportAudience audience, CancellationToken ct, bool housing = false)
    {
        var entries = await db.Set<SelfAssessmentEntry>().AsNoTracking()
            .Where(e => e.Year == year || e.Year == year - 1).ToListAsync(ct);
        var current = entries.Where(e => e.Year == year).ToDictionary(e => e.Paragraph);
        var previous = entries.Where(e => e.Year == year - 1).ToDictionary(e => e.Paragraph);
        // Each Code's register checks the policy of the stream its Code covers: the corporate policy for the LGSCO's, the housing policy for the Housing Ombudsman's.
        var stream = (short)(housing ? ComplaintStream.Housing : ComplaintStream.Corporate);
        var policies = await db.Set<PolicyConformanceRow>().AsNoTracking().Where(p => p.Checked && p.Stream == stream).ToListAsync(ct);
        var deviations = policies
            .SelectMany(p => p.Deviations.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t', 2))
                .SelectMany(d => CodeProvisions.Expand(d[0]).Select(paragraph => (paragraph, text: $"{Labels.Stream(p.Stream)} policy v{p.PolicyVersion}: {(d.Length > 1 ? d[1] : "")} (conformance check)"))))
            .ToLookup(d => d.paragraph, d => d.text);
        var figures = new LiveFigures(tables, year, audience, housing);

        var register = new SelfAssessment { Year = year };
        foreach (var provision in CodeProvisions.Of(housing))
        {
            var item = new SelfAssessmentItem
            {
                Section = provision.Section,
                SectionTitle = provision.SectionTitle,
                Paragraph = provision.Paragraph,
                Provision = provision.Text,
                PreviousYearStatus = previous.TryGetValue(provision.Paragraph, out var last) ? (ComplianceStatus)last.Status : ComplianceStatus.Unspecified,
            };
            if (current.TryGetValue(provision.Paragraph, out var entry))
            {
                item.AssessedStatus = (ComplianceStatus)entry.Status;
                item.Evidence = entry.Evidence;
                item.Commentary = entry.Commentary;
                item.AssessedBy = audience.Public ? "" : entry.AssessedBy;
                item.AssessedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(entry.AssessedAt, DateTimeKind.Utc));
            }
            item.Status = item.AssessedStatus;
            if (provision.Checked.SelectMany(cited => deviations[cited]).Distinct().ToList() is { Count: > 0 } found)
            {
                item.Status = ComplianceStatus.DoesNotComply;
                item.MarkedByConformanceCheck = true;
                item.LiveEvidence.AddRange(found);
            }
            else if (provision.Conformance)
            {
                item.LiveEvidence.AddRange(policies.Select(p => $"{Labels.Stream(p.Stream)} policy v{p.PolicyVersion} conforms (conformance check)"));
            }
            if (provision.Figure.Length > 0)
            {
                item.LiveEvidence.AddRange(await figures.ForAsync(provision.Figure, ct));
            }
            register.Items.Add(item);
        }
        register.Complies = register.Items.Count(i => i.Status == ComplianceStatus.Complies);
        register.Partly = register.Items.Count(i => i.Status == ComplianceStatus.Partly);
        register.DoesNotComply = register.Items.Count(i => i.Status == ComplianceStatus.DoesNotComply);
        register.NotAssessed = register.Items.Count(i => i.Status == ComplianceStatus.Unspecified);
        return register;
    }
}
