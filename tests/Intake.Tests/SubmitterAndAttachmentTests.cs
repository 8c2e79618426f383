using System.IO.Compression;
using System.Text.Json;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Tests.Support;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.TestInfrastructure;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

/// <summary>
/// Who may log a contact on someone's behalf, and what may be attached: allowed kinds told by
/// content, a cap per file and per submission, and no message larger than the gateway lets through.
/// </summary>
public sealed class SubmitterAndAttachmentTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private IntakeHost Host => fixture.Host;

    [Theory]
    [InlineData(Roles.Handler)]
    [InlineData(Roles.Scrutiny)]
    [InlineData(Roles.LinkOfficer)]
    [InlineData(Roles.ServiceLead)]
    [InlineData(Roles.Administrator)]
    public async Task Only_staff_and_the_complaints_team_log_a_contact_on_someones_behalf(string role)
    {
        var backdated = Requests.ByStaff(DateTime.UtcNow.AddDays(-20));

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Host.Client(TestIdentity.Token(role, "officer-9")).SubmitAsync(backdated));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Equal(0, await Host.ScalarAsync<long>("SELECT count(*) FROM intake.contacts WHERE client_request_id = @id", ("id", backdated.ClientRequestId)));
    }

    [Fact]
    public async Task Staff_and_the_complaints_team_may_give_the_date_a_contact_really_arrived()
    {
        var received = DateTime.UtcNow.AddDays(-20);
        var byStaff = await Host.Client(TestIdentity.Token(Roles.Staff, "officer-s")).SubmitAsync(Requests.ByStaff(received));
        var byTeam = await Host.Client(TestIdentity.Token(Roles.ComplaintsTeam, "officer-t")).SubmitAsync(Requests.ByStaff(received));

        Assert.Equal(received.Date, byStaff.ReceivedAt.ToDateTime().Date);
        Assert.Equal(received.Date, byTeam.ReceivedAt.ToDateTime().Date);
    }

    [Fact]
    public async Task An_attachment_is_judged_by_its_content_not_its_name_or_claimed_type()
    {
        var disguised = Requests.Public();
        disguised.Attachments.Add(Upload("letter.pdf", "application/pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]));
        Assert.Contains("attachments[0].content", await ViolationsAsync(disguised));

        var macro = Requests.Public();
        macro.Attachments.Add(Upload("budget.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin")));
        Assert.Contains("attachments[0].content", await ViolationsAsync(macro));

        var fine = Requests.Public();
        fine.Attachments.Add(Upload("scan.exe", "application/x-msdownload", [.. "%PDF-1.7\n"u8, .. new byte[100]]));
        fine.Attachments.Add(Upload("notes", "", "Dear council,\r\nThe bins.\n"u8.ToArray()));
        fine.Attachments.Add(Upload("letter.docx", "", Zip("[Content_Types].xml", "word/document.xml")));
        fine.Attachments.Add(Upload("photo.png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]));
        var reply = await Host.Client().SubmitAsync(fine);

        var stored = await Host.Client(TestIdentity.Token(Roles.ComplaintsTeam)).GetContactAsync(new GetContactRequest { ContactId = reply.ContactId });
        var types = stored.Attachments.ToDictionary(a => a.FileName, a => a.ContentType);
        Assert.Equal("application/pdf", types["scan.exe"]);
        Assert.Equal("text/plain", types["notes"]);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", types["letter.docx"]);
        Assert.Equal("image/png", types["photo.png"]);
    }

    [Fact]
    public async Task Attachments_are_capped_per_file_and_per_submission()
    {
        var oneTooBig = Requests.Public();
        oneTooBig.Attachments.Add(Upload("big.pdf", "application/pdf", Pdf(3 * 1024 * 1024 + 1)));
        Assert.Contains("attachments[0].content", await ViolationsAsync(oneTooBig));

        var togetherTooBig = Requests.Public();
        togetherTooBig.Attachments.Add(Upload("a.pdf", "application/pdf", Pdf(1_990_000)));
        togetherTooBig.Attachments.Add(Upload("b.pdf", "application/pdf", Pdf(1_990_000)));
        Assert.Contains("attachments", await ViolationsAsync(togetherTooBig));
    }

    [Fact]
    public async Task Intake_receives_no_message_larger_than_the_gateway_accepts()
    {
        var gateway = GatewayLimit();
        using var intakeSettings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "services", "Intake", "appsettings.json")));
        Assert.Equal(gateway, intakeSettings.RootElement.GetProperty("Intake").GetProperty("MaxRequestBytes").GetInt64());
        Assert.Equal(gateway, new Domain.IntakeOptions().MaxRequestBytes);

        var huge = Requests.Public();
        huge.Attachments.Add(Upload("a.pdf", "application/pdf", Pdf((int)gateway / 2)));
        huge.Attachments.Add(Upload("b.pdf", "application/pdf", Pdf((int)gateway / 2)));
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Host.Client().SubmitAsync(huge));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task A_token_with_an_empty_subject_is_unauthenticated()
    {
        var reply = await Host.Client(TestIdentity.Token(Roles.Staff, "officer-s2")).SubmitAsync(Requests.ByStaff(DateTime.UtcNow.AddDays(-1)));
        var nobody = Host.Client(TestIdentity.Issue("", [Roles.Staff]));

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await nobody.GetContactAsync(new GetContactRequest { ContactId = reply.ContactId }));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    private async Task<List<string>> ViolationsAsync(SubmitRequest request)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Host.Client().SubmitAsync(request));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        return ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToList();
    }

    private static AttachmentUpload Upload(string name, string type, byte[] content) =>
        new() { FileName = name, ContentType = type, Content = ByteString.CopyFrom(content) };

    private static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static byte[] Zip(params string[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }
        return stream.ToArray();
    }

    private static long GatewayLimit()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "gateway", "appsettings.json")));
        return json.RootElement.GetProperty("Gateway").GetProperty("MaxRequestBodyBytes").GetInt64();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ComplaintsPlatform.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("ComplaintsPlatform.sln not found above the test's output folder.");
    }
}
