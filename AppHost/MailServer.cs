using ComplaintsPlatform.LocalInfrastructure;
using Microsoft.Extensions.Configuration;

namespace ComplaintsPlatform.AppHost;

/// <summary>
/// A mail server that keeps what it receives, with a web inbox and an HTTP API (smtp4dev): Intake's
/// letters and emails can be read locally instead of waiting for a real server. Local mode runs the
/// repository's .NET tool (.config/dotnet-tools.json), container mode its image.
/// Settings <c>ComplaintsPlatform:MailSmtpPort</c> (2525) and <c>MailHttpPort</c> (5025); 0 = any free port.
/// </summary>
internal static class MailServer
{
    public static IResourceBuilder<IResourceWithEndpoints> Add(IDistributedApplicationBuilder builder, InfrastructureMode mode)
    {
        if (mode == InfrastructureMode.Containers)
        {
            return builder.AddContainer("mail", "rnwood/smtp4dev", "v3")
                .WithHttpEndpoint(targetPort: 80, name: "http")
                .WithEndpoint(targetPort: 25, name: "smtp", scheme: "tcp");
        }
        var smtp = Port(builder, "MailSmtpPort", 2525);
        var http = Port(builder, "MailHttpPort", 5025);
        var repository = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        return builder.AddExecutable("mail", "dotnet", repository,
                "smtp4dev", $"--smtpport={smtp}", $"--urls=http://localhost:{http}", "--db=", "--nousersettings",
                "--bindaddress=127.0.0.1", $"--imapport={FreePort.Next()}", $"--pop3port={FreePort.Next()}",
                // Its default keeps the last 100: a load or chaos run sends more, and every one is counted.
                "--messagestokeep=100000")
            .WithHttpEndpoint(port: http, targetPort: http, name: "http", isProxied: false)
            .WithEndpoint(port: smtp, targetPort: smtp, scheme: "tcp", name: "smtp", isProxied: false)
            .WithHttpHealthCheck("/", endpointName: "http");
    }

    /// <summary>Points Intake's SMTP settings at the mail server.</summary>
    public static IResourceBuilder<ProjectResource> WithMailServer(this IResourceBuilder<ProjectResource> service, IResourceBuilder<IResourceWithEndpoints> mail)
    {
        var smtp = mail.GetEndpoint("smtp");
        return service
            .WithEnvironment("Smtp__Host", smtp.Property(EndpointProperty.Host))
            .WithEnvironment("Smtp__Port", smtp.Property(EndpointProperty.Port));
    }

    private static int Port(IDistributedApplicationBuilder builder, string key, int fallback)
    {
        var port = builder.Configuration.GetValue($"ComplaintsPlatform:{key}", fallback);
        return port == 0 ? FreePort.Next() : port;
    }
}
