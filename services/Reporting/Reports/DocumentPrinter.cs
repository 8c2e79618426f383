using System.Diagnostics;
using ComplaintsPlatform.Hosting.Errors;

namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>Reporting:Pdf: the Chromium that prints documents, how many print at once, and how long one may take.</summary>
public sealed class PrinterOptions
{
    public string Chromium { get; set; } = "/usr/bin/chromium";

    /// <summary>
    /// The DevTools HTTP endpoint of a Chromium running beside Reporting (a deployment's sidecar, e.g.
    /// <c>http://127.0.0.1:9222</c>). When set, documents print there and <see cref="Chromium"/> is not started.
    /// </summary>
    public string? DevTools { get; set; }

    public int Concurrency { get; set; } = 1;

    public int TimeoutSeconds { get; set; } = 120;
}

/// <summary>
/// Prints a document's HTML to PDF with headless Chromium (docs/decisions/0019): the same HTML the
/// browser shows, its A4 @page rules and page numbers included. Either a Chromium beside Reporting
/// prints it over the DevTools protocol (<see cref="PrinterOptions.DevTools"/>), or a browser is started
/// for the print with its own temporary folder and profile, deleted afterwards. Prints are queued so a
/// burst of requests cannot start a browser, or open a page, each.
/// </summary>
public sealed class DocumentPrinter(Microsoft.Extensions.Options.IOptions<PrinterOptions> options, IHttpClientFactory http, ILogger<DocumentPrinter> logger)
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.Concurrency));

    public Task<byte[]> PrintAsync(string html, CancellationToken ct) =>
        options.Value.DevTools is { Length: > 0 } devTools ? PrintBesideAsync(new Uri(devTools), html, ct) : PrintInProcessAsync(html, ct);

    private async Task<byte[]> PrintBesideAsync(Uri devTools, string html, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
            return await DevToolsPrint.PrintAsync(http.CreateClient(nameof(DocumentPrinter)), devTools, html, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or System.Net.WebSockets.WebSocketException)
        {
            // The address only: nothing of the document is logged.
            logger.LogError(e, "The Chromium at {DevTools} could not be reached to print a document", devTools);
            throw new global::Grpc.Core.RpcException(new global::Grpc.Core.Status(global::Grpc.Core.StatusCode.Unavailable, "PDF printing is unavailable for the moment: the printer could not be reached. The HTML document can be printed from a browser."));
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<byte[]> PrintInProcessAsync(string html, CancellationToken ct)
    {
        var chromium = options.Value.Chromium;
        if (!File.Exists(chromium))
        {
            throw new RuleViolationException("PDF printing is not available: Chromium was not found (Reporting:Pdf:Chromium). The HTML document can be printed from a browser.");
        }
        var folder = Directory.CreateTempSubdirectory("reporting-pdf-");
        await _slots.WaitAsync(ct);
        try
        {
            var input = Path.Combine(folder.FullName, "document.html");
            var output = Path.Combine(folder.FullName, "document.pdf");
            await File.WriteAllTextAsync(input, html, ct);
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            // --no-pdf-header-footer: the page numbers are the document's own (@page margin boxes), not Chromium's.
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
                "--user-data-dir=" + Path.Combine(folder.FullName, "profile"), "--no-pdf-header-footer",
                "--print-to-pdf=" + output, new Uri(input).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
            var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(timeout.Token), process.StandardError.ReadToEndAsync(timeout.Token));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
                await drain;
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                // Chromium's own output may quote the file path only: nothing of the document is logged.
                logger.LogError("Chromium exited with {ExitCode} printing a document", process.ExitCode);
                throw new InvalidOperationException("Chromium could not print the document.");
            }
            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            _slots.Release();
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A profile file still held by an exiting browser: the temporary folder is cleared by the system.
            }
        }
    }
}
