using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Retention;

namespace ComplaintsPlatform.Intake.SubjectAccess;

/// <summary>One record of the package and the service that holds it.</summary>
public sealed record PackagedRecord(string Service, PersonRecord Record);

/// <summary>Everything held about the request's people, each record once, with the access log and the files.</summary>
public sealed record SubjectAccessPackage(
    SubjectAccessRecord Request, DateTimeOffset GatheredAt, string GatheredBy,
    IReadOnlyList<PackagedRecord> Records, IReadOnlyList<AccessEntry> AccessLog, IReadOnlyDictionary<string, PackagedFile> Files)
{
    public IEnumerable<(string Kind, int Count)> Counts =>
        Records.GroupBy(r => r.Record.Kind).Select(g => (g.Key, g.Count())).OrderBy(c => c.Key, StringComparer.Ordinal);

    public int FlaggedFields => Records.Sum(r => r.Record.Fields.Count(f => f.MayNameOthers));
}

/// <summary>
/// Gathers a package: Intake's own records first (they give the contact and case ids), then CaseWorkflow
/// (which also knows cases by person), then OmbudsmanLiaison with every case id, and Compliments. Each
/// service writes its own read audit of the gathering; Intake writes one row per record it read and one
/// for the package, before the access log is read, so the package shows its own making.
/// </summary>
public sealed class PackageGatherer(
    IntakeDbContext db,
    IntakePersonRecords intake,
    AccessLogQuery accessLog,
    CaseWorkflow.V1.PersonData.PersonDataClient cases,
    Ombudsman.V1.PersonData.PersonDataClient ombudsman,
    Compliments.V1.PersonData.PersonDataClient compliments,
    TimeProvider clock)
{
    public async Task<SubjectAccessPackage> GatherAsync(SubjectAccessRecord request, Caller caller, string action, CancellationToken ct)
    {
        var (own, files, keys) = await intake.GatherAsync(request.PersonIds, ct);
        keys.RequestedBy = caller.Subject;
        keys.RequestId = request.Id.ToString();
        var caseRecords = (await cases.GatherRecordsAsync(keys, cancellationToken: ct)).Records;
        foreach (var caseId in caseRecords.Where(r => r.Kind == AuditKinds.Case).Select(r => r.Id).Except(keys.CaseIds).ToList())
        {
            keys.CaseIds.Add(caseId);
        }
        var enquiryRecords = (await ombudsman.GatherRecordsAsync(keys, cancellationToken: ct)).Records;
        var complimentRecords = (await compliments.GatherRecordsAsync(keys, cancellationToken: ct)).Records;

        var now = clock.GetUtcNow();
        var person = request.PersonIds.Length == 1 ? request.PersonIds[0].ToString() : null;
        foreach (var r in own.Where(r => r.Kind is AuditKinds.Contact or AuditKinds.Adjustment or AuditKinds.Restriction or AuditKinds.Correspondence))
        {
            ReadAudit.Add(db, caller, now, action, r.Kind, r.Id, person);
        }
        foreach (var p in request.PersonIds)
        {
            ReadAudit.Add(db, caller, now, action, AuditKinds.SubjectAccessPackage, request.Id.ToString(), p.ToString());
        }
        await db.SaveChangesAsync(ct);

        var records = own.Select(r => new PackagedRecord("intake", r))
            .Concat(caseRecords.Select(r => new PackagedRecord("caseworkflow", r)))
            .Concat(enquiryRecords.Select(r => new PackagedRecord("ombudsman", r)))
            .Concat(complimentRecords.Select(r => new PackagedRecord("compliments", r)))
            .DistinctBy(r => (r.Record.Kind, r.Record.Id))
            .ToList();
        var log = await accessLog.QueryAsync(new AccessQuery { Person = keys }, ct);
        return new SubjectAccessPackage(request, now, caller.Subject, records, log, files);
    }
}
