using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.SubjectAccess;
using ComplaintsPlatform.Retention;
using Google.Protobuf.WellKnownTypes;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

/// <summary>The subject access deadline and the package's files, without a database.</summary>
public sealed class SubjectAccessPackageTests
{
    [Theory]
    [InlineData("2026-03-27", "2026-04-27")]
    [InlineData("2026-01-31", "2026-02-28")]
    [InlineData("2028-01-31", "2028-02-29")]
    [InlineData("2026-12-15", "2027-01-15")]
    public void A_request_is_due_one_calendar_month_after_receipt_or_on_the_last_day_of_a_shorter_month(string received, string due) =>
        Assert.Equal(DateOnly.Parse(due), SubjectAccessDeadline.DueOn(DateOnly.Parse(received)));

    [Fact]
    public void A_request_is_overdue_after_its_due_day_until_sent_and_late_if_sent_after_it()
    {
        var due = new DateOnly(2026, 4, 27);
        Assert.False(SubjectAccessDeadline.Overdue(due, due, null));
        Assert.True(SubjectAccessDeadline.Overdue(due, due.AddDays(1), null));
        Assert.False(SubjectAccessDeadline.Overdue(due, due.AddDays(9), due));
        Assert.True(SubjectAccessDeadline.Overdue(due, due.AddDays(9), due.AddDays(2)));
    }

    [Fact]
    public void The_zip_holds_the_json_the_readable_document_and_each_file_and_the_document_encodes_what_people_wrote()
    {
        var contact = Held.Record(AuditKinds.Contact, Guid.NewGuid(), "CMP-1", new DateOnly(2026, 3, 2))
            .With("Name", "Ada <script>alert(1)</script>").With("What it is about", "Mr Smith was rude", mayNameOthers: true);
        var fileId = Guid.NewGuid().ToString();
        contact.Files.Add(new PersonFile { Id = fileId, FileName = "../../evil name.txt", ContentType = "text/plain", SizeBytes = 5 });
        var package = new SubjectAccessPackage(
            new SubjectAccessRecord { Id = Guid.NewGuid(), ReceivedOn = new DateOnly(2026, 3, 27), DueOn = new DateOnly(2026, 4, 27) },
            new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.Zero), "officer-sen-01",
            [new PackagedRecord("intake", contact)],
            [new AccessEntry { At = Timestamp.FromDateTime(new DateTime(2026, 3, 30, 9, 0, 0, DateTimeKind.Utc)), Service = "intake", OfficerId = "officer-sen-01", Action = "BuildPackage", RecordKind = AuditKinds.SubjectAccessPackage, Allowed = true }],
            new Dictionary<string, PackagedFile> { [fileId] = new("../../evil name.txt", "text/plain", Encoding.UTF8.GetBytes("hello")) });

        using var zip = new ZipArchive(new MemoryStream(PackageDocuments.Zip(package)));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(["package.json", "package.html", $"files/{fileId}-evil_name.txt"], names);
        using var json = JsonDocument.Parse(zip.GetEntry("package.json")!.Open());
        var field = json.RootElement.GetProperty("records")[0].GetProperty("fields")[1];
        Assert.True(field.GetProperty("may_name_others").GetBoolean());
        Assert.Equal("officer-sen-01", json.RootElement.GetProperty("access_log")[0].GetProperty("officer").GetString());
        var html = new StreamReader(zip.GetEntry("package.html")!.Open()).ReadToEnd();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("Ada &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("data-may-name-others=\"true\">Mr Smith was rude", html, StringComparison.Ordinal);
        Assert.Equal(1, package.FlaggedFields);
    }
}
