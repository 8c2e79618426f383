using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using ComplaintsPlatform.Reporting.Domain;
using ComplaintsPlatform.Reporting.Reports;
using ComplaintsPlatform.Reporting.V1;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComplaintsPlatform.Reporting.Tests;

/// <summary>
/// A deployment prints on a Chromium beside Reporting (its pod's sidecar) over the DevTools protocol:
/// here a real headless Chromium listening on a port of its own, as the sidecar does.
/// </summary>
[Collection(DocumentsCollection.Name)]
public sealed class DevToolsPrintTests(DocumentsFixture fixture) : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly DirectoryInfo _profile = Directory.CreateTempSubdirectory("devtools-print-");
    private Process? _chromium;
    private ServiceProvider? _services;

    [Fact]
    public async Task The_annual_report_prints_on_A4_pages_on_a_Chromium_beside_Reporting()
    {
        var html = (await fixture.Documents("complaints_team").GetDocumentAsync(new DocumentRequest
        {
            Kind = DocumentKind.AnnualReport, Format = DocumentFormat.Html, Period = new Period { Kind = PeriodKind.FinancialYear, Year = 2025 },
        })).Content;

        var bytes = await Printer(await DevToolsAsync()).PrintAsync(html, CancellationToken.None);

        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        var text = Encoding.Latin1.GetString(bytes);
        Assert.Matches(@"/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]", text);
        Assert.True(Regex.Matches(text, @"/Type /Page[^s]").Count >= 3, "pages: " + Regex.Matches(text, @"/Type /Page[^s]").Count);
        // Each print has its own browser context, thrown away afterwards: nothing is left open.
        Assert.Equal(await PagesOpenAsync(), await PagesOpenAsync(afterPrintOf: html));
    }

    [Fact]
    public async Task A_printer_that_cannot_be_reached_is_unavailable_and_says_the_HTML_still_prints()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Printer("http://127.0.0.1:9").PrintAsync("<p>x</p>", CancellationToken.None));
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("HTML document can be printed from a browser", error.Status.Detail);
    }

    private DocumentPrinter Printer(string devTools) => new(
        Options.Create(new PrinterOptions { DevTools = devTools, TimeoutSeconds = 60 }),
        _services!.GetRequiredService<IHttpClientFactory>(), NullLogger<DocumentPrinter>.Instance);

    private async Task<int> PagesOpenAsync(string? afterPrintOf = null)
    {
        var devTools = await DevToolsAsync();
        if (afterPrintOf is not null)
        {
            await Printer(devTools).PrintAsync(afterPrintOf, CancellationToken.None);
        }
        using var http = new HttpClient();
        var targets = await http.GetStringAsync(new Uri(new Uri(devTools), "/json/list"));
        return Regex.Matches(targets, "\"type\": \"page\"").Count;
    }

    /// <summary>The port Chromium chose, from the file it writes in its profile once it listens.</summary>
    private async Task<string> DevToolsAsync()
    {
        // Chromium creates the file before it writes the port: wait for the port, not the file.
        var file = Path.Combine(_profile.FullName, "DevToolsActivePort");
        for (var waited = 0; waited < 300; waited++)
        {
            if (File.Exists(file) && (await File.ReadAllLinesAsync(file)).FirstOrDefault() is { Length: > 0 } port)
            {
                return $"http://127.0.0.1:{port}";
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("Chromium did not say its DevTools port within 30 s.");
    }

    public Task InitializeAsync()
    {
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var start = new ProcessStartInfo(ChromiumPath) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=" + _profile.FullName, "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }
        _chromium = Process.Start(start);
        _chromium!.BeginErrorReadLine();
        _chromium.BeginOutputReadLine();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _chromium?.Kill(entireProcessTree: true);
        _chromium?.WaitForExit(10_000);
        _chromium?.Dispose();
        _services?.Dispose();
        try
        {
            _profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the exiting browser: the temporary folder is cleared by the system.
        }
        return Task.CompletedTask;
    }
}
