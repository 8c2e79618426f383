using System.Security.Cryptography;
using System.Text;
using ComplaintsPlatform.LocalInfrastructure;
using ComplaintsPlatform.CaseWorkflow.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Intake.Correspondence;
using ComplaintsPlatform.Intake.Domain;
using ComplaintsPlatform.Intake.V1;
using Xunit;

namespace ComplaintsPlatform.Intake.Tests;

public sealed class DomainRuleTests
{
    private static readonly TriageLists Lists = new(new HashSet<string> { "DAMAGES" }, new HashSet<string> { "NHS" }, new HashSet<string> { "waste" });

    [Fact]
    public void More_than_twelve_months_after_knowing_is_possibly_out_of_time_and_twelve_exactly_is_not()
    {
        Assert.True(TriageRules.PossiblyOutOfTime(new DateOnly(2025, 1, 9), new DateOnly(2026, 1, 10)));
        Assert.False(TriageRules.PossiblyOutOfTime(new DateOnly(2025, 1, 10), new DateOnly(2026, 1, 10)));
        Assert.False(TriageRules.PossiblyOutOfTime(null, new DateOnly(2026, 1, 10)));
    }

    [Fact]
    public void Out_of_time_accepted_for_a_good_reason_proceeds_as_a_complaint()
    {
        var accepted = new DecisionInput(TriageDecision.OutOfTime, ComplaintStream.Housing, "", "bereavement", true, "");
        TriageRules.Check(accepted, Lists, null);
        Assert.Equal(TriageDecision.Complaint, TriageRules.Effective(accepted));
        Assert.Equal(TriageDecision.OutOfTime, TriageRules.Effective(accepted with { OutOfTimeAccepted = false }));
    }

    [Fact]
    public void Accepting_out_of_time_applies_only_to_an_out_of_time_decision()
    {
        var ex = Assert.Throws<ValidationException>(() =>
            TriageRules.Check(new DecisionInput(TriageDecision.Enquiry, ComplaintStream.Unspecified, "", "", true, "waste"), Lists, null));
        Assert.Contains(ex.Violations, v => v.Field == "out_of_time_accepted");
    }

    [Fact]
    public void Member_enquiries_are_those_of_a_councillor_or_MP_however_they_arrive()
    {
        Assert.True(TriageRules.IsMemberEnquiry(ContactKind.MemberEnquiry, Channel.Email));
        Assert.True(TriageRules.IsMemberEnquiry(ContactKind.Complaint, Channel.Mp));
        Assert.False(TriageRules.IsMemberEnquiry(ContactKind.Complaint, Channel.Phone));
    }

    [Fact]
    public void Every_template_renders_and_final_responses_and_refusals_signpost_the_Ombudsman()
    {
        foreach (var template in Templates.ForOtherServices.Append(Templates.TriageOutcome).Append(Templates.OfferToComplain))
        {
            Assert.NotEmpty(Templates.Render(template, new Dictionary<string, string>(), "CP-2026-000001").Subject);
        }
        Assert.Contains(Templates.Render(Templates.FinalResponse, new Dictionary<string, string>(), null).Paragraphs, p => p.Contains("Ombudsman"));
        Assert.Contains(Templates.Render(Templates.EscalationDecision, new Dictionary<string, string> { ["decision"] = "refused" }, null).Paragraphs, p => p.Contains("Ombudsman"));
        Assert.DoesNotContain(Templates.Render(Templates.EscalationDecision, new Dictionary<string, string> { ["decision"] = "accepted" }, null).Paragraphs, p => p.Contains("Ombudsman"));
        Assert.Contains(Templates.Render(Templates.ExtensionNotice, new Dictionary<string, string>(), null).Paragraphs, p => p.Contains("Ombudsman"));
    }

    [Fact]
    public void Status_tokens_are_stable_per_contact_and_checked_against_their_hash()
    {
        var tokens = StatusTokens.FromConfiguration("some-status-token-key-0123456789abcdef");
        var id = Guid.NewGuid();
        Assert.Equal(tokens.For(id), tokens.For(id));
        Assert.NotEqual(tokens.For(id), tokens.For(Guid.NewGuid()));
        Assert.True(StatusTokens.Matches(tokens.For(id), StatusTokens.Hash(tokens.For(id))));
        Assert.False(StatusTokens.Matches(tokens.For(Guid.NewGuid()), StatusTokens.Hash(tokens.For(id))));
    }

    [Fact]
    public void Status_links_emailed_before_the_upgrade_still_open_with_the_seeded_key()
    {
        // What earlier versions derived from the platform's shared signing key (HKDF-SHA256, "intake-status-token").
        const string formerSigningKey = "the-former-shared-signing-key-0123456789";
        var formerKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(formerSigningKey), 32,
            info: Encoding.UTF8.GetBytes("intake-status-token"));
        var contact = Guid.NewGuid();
        var emailed = Convert.ToBase64String(HMACSHA256.HashData(formerKey, contact.ToByteArray())).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var seeded = StatusTokens.FromConfiguration(PlatformDataFolder.LegacyStatusTokenKey(formerSigningKey));

        Assert.Equal(emailed, seeded.For(contact));
    }

    [Fact]
    public void The_data_folder_seeds_the_status_token_key_from_the_former_signing_key_once_and_removes_that_key()
    {
        var folder = new PlatformDataFolder(Path.Combine(Path.GetTempPath(), $"cp-seed-{Guid.NewGuid():N}"));
        try
        {
            Directory.CreateDirectory(folder.Root);
            File.WriteAllText(folder.LegacySigningKeyFile, "the-former-shared-signing-key-0123456789");

            var key = folder.StatusTokenKey();

            Assert.Equal(PlatformDataFolder.LegacyStatusTokenKey("the-former-shared-signing-key-0123456789"), key);
            Assert.False(File.Exists(folder.LegacySigningKeyFile));
            Assert.Equal(key, folder.StatusTokenKey());
        }
        finally
        {
            Directory.Delete(folder.Root, recursive: true);
        }
    }
}
