using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Compliments.V1;
using ComplaintsPlatform.Intake.V1;
using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.Reporting.V1;
using static ComplaintsPlatform.Reporting.Tests.Published.SeedEvents;
using static ComplaintsPlatform.Reporting.Tests.YearGenerator;

namespace ComplaintsPlatform.Reporting.Tests.Published;

/// <summary>Seed 001 (a county's annual report 2023-24): the contact-types table, entered as two years of history and read back from one request.</summary>
public sealed class Seed001Tests : IAsyncLifetime
{
    private ReportingHost _host = null!;
    private int _n;

    public async Task InitializeAsync()
    {
        _host = await ReportingHost.StartAsync();
        var seed = new SeedEvents(_host, "s001");
        // 2022/23 then 2023/24, as printed: enquiries and informal resolution, corporate, adult, children's, Ombudsman, compliments.
        foreach (var (year, enquiries, corporate, adult, children, ombudsman, compliments) in new[] { (2022, 2037, 781, 204, 86, 80, 211), (2023, 1605, 1112, 382, 81, 82, 335) })
        {
            DateOnly On(int i) => new DateOnly(year, 4, 3).AddDays(i % 360);
            for (var i = 0; i < enquiries; i++)
            {
                // Enquiries, contacts resolved by the team at once, and service requests (the Code's informal resolution).
                Contact(On(i), i % 5 == 0 ? TriageDecision.ResolvedByComplaintsTeam : i % 7 == 0 ? TriageDecision.ServiceRequest : TriageDecision.Enquiry);
            }
            for (var i = 0; i < 40; i++)
            {
                Contact(On(i), TriageDecision.Signpost); // not a row of the table
            }
            foreach (var (stream, count) in new[] { (ComplaintStream.Corporate, corporate), (ComplaintStream.AdultSocialCare, adult), (ComplaintStream.ChildrenSocialCare, children) })
            {
                for (var i = 0; i < count; i++)
                {
                    seed.Open(stream, Council.Areas[i % 3].Area, On(i));
                }
            }
            for (var i = 0; i < ombudsman; i++)
            {
                _host.Ombudsman.Publish(new EnquiryReceived { EnquiryId = $"s001-enq-{year}-{i}", Ombudsman = Ombudsman.V1.Ombudsman.Lgsco, DirectorateId = Council.Environment, ReceivedOn = D(On(i)), Imported = true });
            }
            for (var i = 0; i < compliments; i++)
            {
                _host.Compliments.Publish(new ComplimentRecorded { ComplimentId = $"s001-c-{year}-{i}", ServiceAreaId = Council.Libraries, Channel = Channel.Email, ReceivedOn = D(On(i)) });
            }
        }
        await _host.CaughtUpAsync();
    }

    private void Contact(DateOnly on, TriageDecision decision)
    {
        var id = $"s001-contact-{++_n}";
        _host.Intake.Publish(new ContactTriaged
        {
            ContactId = id, Decision = decision, Kind = ContactKind.Enquiry, Channel = Channel.Email, ServiceAreaId = Council.Libraries,
            ReceivedAt = Noon(on), TriagedAt = Noon(on),
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_contact_types_table_gives_each_printed_row_with_last_year_this_year_and_change_and_a_total_of_all()
    {
        var (client, key) = await ApiKeyAsync(_host);
        var table = await client.GetReportAsync(ReportingHost.Request(ReportKind.ContactTypes, 2023), key);

        Assert.Equal(["2022/23", "2023/24", "% change"], table.Columns.Select(c => c.Label).ToArray());
        Assert.Equal(
        [
            ("Enquiries, comments and informal resolution", 2037.0, 1605.0, -21.2),
            ("Corporate complaints", 781, 1112, 42.4),
            ("Adult social care complaints", 204, 382, 87.3),
            ("Children's social care complaints", 86, 81, -5.8),
            ("Ombudsman enquiries", 80, 82, 2.5),
            ("Compliments", 211, 335, 58.8),
        ], table.Rows.Select(r => (r.Label, r.Cells[0].Value, r.Cells[1].Value, r.Cells[2].Value)).ToArray());
        Assert.Equal(("Total", 3399.0, 3597.0, 5.8), (table.Total.Label, table.Total.Cells[0].Value, table.Total.Cells[1].Value, table.Total.Cells[2].Value));

        var csv = await client.ExportCsvAsync(ReportingHost.Request(ReportKind.ContactTypes, 2023), key);
        Assert.Contains("\"Enquiries, comments and informal resolution\",2037,1605,-21.2\r\n", csv.Csv);
        Assert.EndsWith("Total,3399,3597,5.8\r\n", csv.Csv);
    }
}
