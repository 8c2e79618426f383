using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ComplaintsPlatform.Web.Infrastructure;

/// <summary>
/// Every address of the web pages, in one place: the routes pages answer on and the links pages and
/// tests build, so they cannot disagree.
/// </summary>
public static class Links
{
    public const string Home = "/";
    public const string Error = "/error";
    public const string Accessibility = "/accessibility";
    public const string Privacy = "/privacy";
    public const string Cookies = "/cookies";

    /// <summary>Make a complaint, compliment or comment: one journey instance per submission.</summary>
    public static class Contact
    {
        public const string Start = "/contact/start";
        public const string Kind = "kind";
        public const string Service = "service";
        public const string Details = "details";
        public const string Attachments = "attachments";
        public const string Representative = "representative";
        public const string RepresentativeDetails = "representative-details";
        public const string YourDetails = "your-details";
        public const string Adjustments = "adjustments";
        public const string Equality = "equality";
        public const string CheckAnswers = "check-answers";
        public const string Confirmation = "confirmation";

        public static string Page(Guid journey, string step) => $"/contact/{journey:N}/{step}";
    }

    /// <summary>Track your complaint.</summary>
    public static class Status
    {
        public const string Index = "/status";
        public const string Open = "/status/open";
        public const string AddInformation = "/status/add-information";
        public const string NextStage = "/status/next-stage";
        public const string Withdraw = "/status/withdraw";
        public const string Done = "/status/done";
        public const string SignOut = "/status/sign-out";

        public static string OpenLink(string reference, string token) =>
            $"{Open}?reference={Uri.EscapeDataString(reference)}&token={Uri.EscapeDataString(token)}";
    }

    public static class Staff
    {
        public const string Home = "/staff";
        public const string SignIn = "/staff/sign-in";
        public const string SignOut = "/staff/sign-out";
        public const string SignedOut = "/staff/signed-out";
        public const string StaySignedIn = "/staff/stay-signed-in";
        public const string NoAccess = "/staff/no-access";
        public const string Unavailable = "/staff/unavailable";
        public const string SignInCallback = "/staff/signin-oidc";
        public const string SignOutCallback = "/staff/signout-callback-oidc";
        public const string Cases = "/staff/cases";
        public const string Triage = "/staff/triage";
        public const string Search = "/staff/search";
        public const string LogContact = "/staff/log-contact";

        public static string Case(string caseId) => $"{Cases}/{caseId}";

        public static string CaseAction(string caseId, string action) => $"{Cases}/{caseId}/{action}";

        public static string Letter(string caseId, string correspondenceId) => $"{Cases}/{caseId}/letters/{correspondenceId}";

        public static string Contact(string contactId) => $"{Triage}/{contactId}";

        /// <summary>The link officer's workspace: enquiries by days left, each enquiry's steps, the annual letter, benchmarks.</summary>
        public static class Ombudsman
        {
            public const string Home = "/staff/ombudsman";
            public const string Register = "/staff/ombudsman/register";
            public const string AnnualLetter = "/staff/ombudsman/annual-letter";
            public const string Benchmarks = "/staff/ombudsman/benchmarks";

            public static string Enquiry(string enquiryId) => $"{Home}/{enquiryId}";

            public static string Step(string enquiryId, string step, string? item = null) =>
                $"{Home}/{enquiryId}/{step}" + (item is null ? "" : $"?item={Uri.EscapeDataString(item)}");

            public static string Reconciliation(Guid id) => $"{AnnualLetter}/{id:N}";
        }

        /// <summary>Compliments: recorded by staff, amended, quotable with consent, counted by service.</summary>
        public static class Compliments
        {
            public const string Home = "/staff/compliments";
            public const string Record = "/staff/compliments/record";

            public static string Compliment(string complimentId) => $"{Home}/{complimentId}";

            public static string Step(string complimentId, string step) => $"{Home}/{complimentId}/{step}";
        }

        /// <summary>History imports as jobs: upload, dry run, progress, the report by line, then the real import.</summary>
        public static class Imports
        {
            public const string Home = "/staff/imports";

            public static string Job(string kind, string jobId) => $"{Home}/{kind}/{jobId}";
        }
        /// <summary>The registers' reviews due; a person's adjustments and restrictions, each recorded and reviewed.</summary>
        public const string Registers = "/staff/registers";

        public static string Person(string personId, string? back = null) => $"{Registers}/people/{personId}" + Back(back);

        public static string RecordRegister(string personId, string kind, string? back = null) => $"{Registers}/people/{personId}/{kind}" + Back(back);

        public static string ReviewRegister(string personId, string kind, string recordId, string? back = null) =>
            $"{Registers}/people/{personId}/{kind}/{recordId}/review" + Back(back);

        private static string Back(string? back) => back is { Length: > 0 } ? $"?back={Uri.EscapeDataString(back)}" : "";

        /// <summary>Retention schedule, legal holds, erasure and rectification requests, retention runs.</summary>
        public static class DataProtection
        {
            public const string Home = "/staff/data-protection";
            public const string Schedule = "/staff/data-protection/schedule";
            public const string Holds = "/staff/data-protection/legal-holds";
            public const string Requests = "/staff/data-protection/requests";
            public const string Runs = "/staff/data-protection/retention-runs";
            public const string SubjectAccess = "/staff/data-protection/subject-access";
            public const string SubjectAccessFind = "/staff/data-protection/subject-access/find";
            public const string SubjectAccessRequestRoute = "/staff/data-protection/subject-access/{requestId:guid}";
            public const string AccessLog = "/staff/data-protection/access-log";

            public static string SubjectAccessRequest(string requestId) => $"{SubjectAccess}/{Uri.EscapeDataString(requestId)}";

            public static string SubjectAccessPackage(string requestId, string format) =>
                $"{SubjectAccessRequest(requestId)}?handler=Package&format={Uri.EscapeDataString(format)}";

            public static string SubjectAccessSearch(Guid searchId) => $"{SubjectAccessFind}?search={searchId:N}";

            public static string AccessLogOfPerson(string personId) => $"{AccessLog}?PersonId={Uri.EscapeDataString(personId)}";
        }

        /// <summary>Council configuration (complaints team); staff accounts and API keys (administrator).</summary>
        public static class Admin
        {
            public const string Home = "/staff/admin";
            public const string Organisation = "/staff/admin/organisation";
            public const string Lists = "/staff/admin/lists";
            public const string ClosureDays = "/staff/admin/closure-days";
            public const string Policies = "/staff/admin/policies";
            public const string Accounts = "/staff/admin/accounts";
            public const string ApiKeys = "/staff/admin/api-keys";

            public static string Policy(string stream) => $"{Policies}/{stream}";

            /// <summary>Rename or move a directorate, service area or team.</summary>
            public static string ChangeUnit(string id) => $"{Organisation}/{id}/change";

            /// <summary>Confirm removing, retiring or bringing back a unit: <paramref name="action"/> is remove, retire or restore.</summary>
            public static string UnitStatus(string id, string action) => $"{Organisation}/{id}/{action}";

            public static string Issued(string what, Guid id) => $"/staff/admin/{what}/issued/{id:N}";
        }

        /// <summary>Reports, charts, the documents Reporting builds and the self-assessment registers.</summary>
        public static class Reports
        {
            public const string Home = "/staff/reports";
            public const string Tables = "/staff/reports/tables";
            public const string Charts = "/staff/reports/charts";
            public const string Documents = "/staff/reports/documents";
            public const string SelfAssessment = "/staff/reports/self-assessment";

            public static string Document(string kind, string format) => $"{Documents}/{kind}/{format}";

            public static string SelfAssessmentEntry(int year, int ombudsman, string paragraph) =>
                $"{SelfAssessment}/{year}/{Uri.EscapeDataString(paragraph)}?ombudsman={ombudsman}";
        }
    }

    private static readonly (string Page, string Route)[] s_routes =
    [
        ("/Index", Home),
        ("/Error", Error),
        ("/Legal/Accessibility", Accessibility),
        ("/Legal/Privacy", Privacy),
        ("/Legal/Cookies", Cookies),
        ("/Contact/Start", Contact.Start),
        ("/Contact/Kind", Step(Contact.Kind)),
        ("/Contact/Service", Step(Contact.Service)),
        ("/Contact/Details", Step(Contact.Details)),
        ("/Contact/Attachments", Step(Contact.Attachments)),
        ("/Contact/Representative", Step(Contact.Representative)),
        ("/Contact/RepresentativeDetails", Step(Contact.RepresentativeDetails)),
        ("/Contact/YourDetails", Step(Contact.YourDetails)),
        ("/Contact/Adjustments", Step(Contact.Adjustments)),
        ("/Contact/Equality", Step(Contact.Equality)),
        ("/Contact/CheckAnswers", Step(Contact.CheckAnswers)),
        ("/Contact/Confirmation", Step(Contact.Confirmation)),
        ("/Status/Index", Status.Index),
        ("/Status/Open", Status.Open),
        ("/Status/AddInformation", Status.AddInformation),
        ("/Status/NextStage", Status.NextStage),
        ("/Status/Withdraw", Status.Withdraw),
        ("/Status/Done", Status.Done),
        ("/Status/SignOut", Status.SignOut),
        ("/Staff/Index", Staff.Home),
        ("/Staff/SignIn", Staff.SignIn),
        ("/Staff/SignOut", Staff.SignOut),
        ("/Staff/SignedOut", Staff.SignedOut),
        ("/Staff/StaySignedIn", Staff.StaySignedIn),
        ("/Staff/NoAccess", Staff.NoAccess),
        ("/Staff/Unavailable", Staff.Unavailable),
        ("/Staff/Cases/Index", Staff.Cases),
        ("/Staff/Cases/Case", Staff.Cases + "/{caseId:guid}"),
        ("/Staff/Cases/Action", Staff.Cases + "/{caseId:guid}/{step}"),
        ("/Staff/Cases/Letter", Staff.Cases + "/{caseId:guid}/letters/{correspondenceId:guid}"),
        ("/Staff/Triage/Index", Staff.Triage),
        ("/Staff/Triage/Contact", Staff.Triage + "/{contactId:guid}"),
        ("/Staff/Search", Staff.Search),
        ("/Staff/LogContact", Staff.LogContact),
        ("/Staff/LinkOfficer/Index", Staff.Ombudsman.Home),
        ("/Staff/LinkOfficer/Register", Staff.Ombudsman.Register),
        ("/Staff/LinkOfficer/Enquiry", Staff.Ombudsman.Home + "/{enquiryId:guid}"),
        ("/Staff/LinkOfficer/Step", Staff.Ombudsman.Home + "/{enquiryId:guid}/{step}"),
        ("/Staff/LinkOfficer/AnnualLetter", Staff.Ombudsman.AnnualLetter + "/{reconciliationId:guid?}"),
        ("/Staff/LinkOfficer/Benchmarks", Staff.Ombudsman.Benchmarks),
        ("/Staff/ComplimentsDesk/Index", Staff.Compliments.Home),
        ("/Staff/ComplimentsDesk/Record", Staff.Compliments.Record),
        ("/Staff/ComplimentsDesk/Compliment", Staff.Compliments.Home + "/{complimentId:guid}"),
        ("/Staff/ComplimentsDesk/Step", Staff.Compliments.Home + "/{complimentId:guid}/{step}"),
        ("/Staff/Imports/Index", Staff.Imports.Home),
        ("/Staff/Imports/Job", Staff.Imports.Home + "/{kind}/{jobId:guid}"),
        ("/Staff/Registers/Index", Staff.Registers),
        ("/Staff/Registers/Person", Staff.Registers + "/people/{personId:guid}"),
        ("/Staff/Registers/Record", Staff.Registers + "/people/{personId:guid}/{kind:regex(^(adjustment|restriction)$)}"),
        ("/Staff/Registers/Review", Staff.Registers + "/people/{personId:guid}/{kind:regex(^(adjustment|restriction)$)}/{recordId:guid}/review"),
        ("/Staff/DataProtection/Index", Staff.DataProtection.Home),
        ("/Staff/DataProtection/Schedule", Staff.DataProtection.Schedule),
        ("/Staff/DataProtection/Holds", Staff.DataProtection.Holds),
        ("/Staff/DataProtection/Requests", Staff.DataProtection.Requests),
        ("/Staff/DataProtection/Runs", Staff.DataProtection.Runs),
        ("/Staff/Admin/Index", Staff.Admin.Home),
        ("/Staff/Admin/Organisation", Staff.Admin.Organisation),
        ("/Staff/Admin/ChangeUnit", Staff.Admin.Organisation + "/{id}/change"),
        ("/Staff/Admin/UnitStatus", Staff.Admin.Organisation + "/{id}/{change}"),
        ("/Staff/Admin/Lists", Staff.Admin.Lists),
        ("/Staff/Admin/ClosureDays", Staff.Admin.ClosureDays),
        ("/Staff/Admin/Policies", Staff.Admin.Policies),
        ("/Staff/Admin/Policy", Staff.Admin.Policies + "/{stream}"),
        ("/Staff/Admin/Accounts", Staff.Admin.Accounts),
        ("/Staff/Admin/ApiKeys", Staff.Admin.ApiKeys),
        ("/Staff/Admin/Issued", "/staff/admin/{what}/issued/{id:guid}"),
        ("/Staff/Reports/Index", Staff.Reports.Home),
        ("/Staff/Reports/Tables", Staff.Reports.Tables),
        ("/Staff/Reports/Charts", Staff.Reports.Charts),
        ("/Staff/Reports/Documents", Staff.Reports.Documents),
        ("/Staff/Reports/Document", Staff.Reports.Documents + "/{kind}/{format}"),
        ("/Staff/Reports/SelfAssessment", Staff.Reports.SelfAssessment),
        ("/Staff/Reports/SelfAssessmentEntry", Staff.Reports.SelfAssessment + "/{year:int}/{paragraph}"),
        ("/Staff/DataProtection/SubjectAccess", Staff.DataProtection.SubjectAccess),
        ("/Staff/DataProtection/SubjectAccessFind", Staff.DataProtection.SubjectAccessFind),
        ("/Staff/DataProtection/SubjectAccessRequest", Staff.DataProtection.SubjectAccessRequestRoute),
        ("/Staff/DataProtection/AccessLog", Staff.DataProtection.AccessLog),
    ];

    public static void MapRoutes(PageConventionCollection conventions)
    {
        foreach (var (page, route) in s_routes)
        {
            conventions.AddPageRouteModelConvention(page, model =>
            {
                // Only the route given here: no second address from the folder layout.
                model.Selectors.Clear();
                model.Selectors.Add(new SelectorModel { AttributeRouteModel = new AttributeRouteModel { Template = route.TrimStart('/') } });
            });
        }
    }

    private static string Step(string step) => "/contact/{journey:guid}/" + step;
}
