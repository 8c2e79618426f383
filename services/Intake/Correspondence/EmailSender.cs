using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ComplaintsPlatform.Intake.Correspondence;

/// <summary>SMTP settings (configuration section <c>Smtp</c>).</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    public bool UseTls { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "complaints@council.example";
    public string FromName { get; set; } = "Complaints Team";
}

/// <summary>Sends emails over SMTP with MailKit, one connection per batch.</summary>
public sealed class EmailSender(SmtpOptions options)
{
    public async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        var client = new SmtpClient { Timeout = 10_000 };
        await client.ConnectAsync(options.Host, options.Port, options.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
        }
        return client;
    }

    // Several addresses make one email to all of them (the link officers share one reminder).
    public MimeMessage Build(string toName, IEnumerable<string> toAddresses, string subject, string text, string html, Guid messageId)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        foreach (var address in toAddresses)
        {
            message.To.Add(new MailboxAddress(toName, address));
        }
        message.Subject = subject;
        message.MessageId = $"{messageId:N}@complaints-platform";
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }
}
