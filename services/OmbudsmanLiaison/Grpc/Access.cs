using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.OmbudsmanLiaison.Data;

namespace ComplaintsPlatform.OmbudsmanLiaison.Grpc;

/// <summary>
/// link_officer and complaints_team see everything; a service_lead reads their own directorate's
/// matters only. The role gate itself is on the service methods; this narrows what a lead sees.
/// </summary>
internal static class Access
{
    public const string Writers = Roles.LinkOfficer + "," + Roles.ComplaintsTeam;
    public const string Readers = Writers + "," + Roles.ServiceLead;

    public static bool SeesEverything(Caller caller) => caller.IsAnyOf(Roles.LinkOfficer, Roles.ComplaintsTeam);

    /// <summary>The directorate a caller is limited to, or null for all; a lead asking for another directorate is refused.</summary>
    public static string? DirectorateScope(Caller caller, string? requested)
    {
        if (SeesEverything(caller))
        {
            return string.IsNullOrEmpty(requested) ? null : requested;
        }
        if (string.IsNullOrEmpty(caller.Directorate))
        {
            throw new AccessDeniedException("Your token names no directorate, so there are no Ombudsman matters you may read.");
        }
        if (!string.IsNullOrEmpty(requested) && requested != caller.Directorate)
        {
            throw new AccessDeniedException("A service lead reads only the Ombudsman matters of their own directorate.");
        }
        return caller.Directorate;
    }

    public static void EnsureCanRead(Caller caller, EnquiryRecord enquiry)
    {
        if (!SeesEverything(caller) && enquiry.DirectorateId != caller.Directorate)
        {
            throw new AccessDeniedException("A service lead reads only the Ombudsman matters of their own directorate.");
        }
    }
}
