namespace ComplaintsPlatform.Web.Staff;

/// <summary>How a role's name reads to an officer.</summary>
public static class StaffRoles
{
    public static string Describe(string role) => role switch
    {
        "complaints_team" => "Complaints team",
        "handler" => "Complaint handler",
        "link_officer" => "Ombudsman link officer",
        "service_lead" => "Service lead",
        "staff" => "Council staff",
        "scrutiny" => "Scrutiny",
        "administrator" => "Administrator",
        "data_protection_officer" => "Data protection officer",
        "system" => "automatic",
        "intake" => "from the contact's triage",
        _ => role,
    };
}
