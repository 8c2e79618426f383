using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>
/// A browser page of one journey test: every page it reaches is saved as a screenshot
/// (TestResults/screenshots beside the project, or SCREENSHOTS_DIR) and checked with axe against the
/// WCAG 2.x A and AA rules.
/// </summary>
public sealed class WebPages(IPage page, string journey, bool javaScript = true) : IAsyncDisposable
{
    private static readonly AxeRunOptions s_wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    private int _step;

    public IPage Page => page;

    public static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("SCREENSHOTS_DIR") is { Length: > 0 } dir
            ? dir
            : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "screenshots"));

    public static async Task<WebPages> OpenAsync(PlatformFixture platform, string journey, int width = 1024, string? storageState = null, bool javaScript = true)
    {
        var context = await platform.Browser.NewContextAsync(new()
        {
            BaseURL = platform.GatewayHttp.ToString().TrimEnd('/'),
            ViewportSize = new() { Width = width, Height = 900 },
            JavaScriptEnabled = javaScript,
            StorageState = storageState,
        });
        return new WebPages(await context.NewPageAsync(), journey, javaScript);
    }

    /// <summary>Screenshot and axe for the page as it is now; fails on any violation, listing them.</summary>
    public async Task CheckAsync(string step)
    {
        _step++;
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{journey}-{_step:D2}-{step}.png"), FullPage = true });
        var result = javaScript ? await page.RunAxe(s_wcag) : await AxeWithoutScriptAsync();
        var violations = result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})").ToList();
        Assert.True(violations.Count == 0, $"axe found on '{step}' ({page.Url}):\n" + string.Join("\n", violations));
    }

    /// <summary>
    /// axe is itself a script, and never finishes in a page whose scripts are switched off. So the
    /// markup this page shows is served again, scripts removed, at the same address to a page that may
    /// run axe: the same elements and the same style sheets are checked.
    /// </summary>
    private async Task<AxeResult> AxeWithoutScriptAsync()
    {
        var url = page.Url;
        var html = Regex.Replace(await page.ContentAsync(), "<script\\b[^>]*>.*?</script>", "", RegexOptions.Singleline | RegexOptions.IgnoreCase);
        // A page that refreshes itself (an import's progress) would leave the copy while axe runs.
        html = Regex.Replace(html, "<meta[^>]+http-equiv=\"refresh\"[^>]*>", "", RegexOptions.IgnoreCase);
        await using var context = await page.Context.Browser!.NewContextAsync(new() { ViewportSize = new() { Width = page.ViewportSize!.Width, Height = page.ViewportSize.Height } });
        var copy = await context.NewPageAsync();
        await copy.RouteAsync(u => u == url, route => route.FulfillAsync(new() { Body = html, ContentType = "text/html; charset=utf-8" }));
        await copy.GotoAsync(url);
        return await copy.RunAxe(s_wcag);
    }

    public async ValueTask DisposeAsync() => await page.Context.DisposeAsync();

    public static async Task<JsonElement[]> MessagesAsync(PlatformFixture platform)
    {
        using var http = new HttpClient { BaseAddress = platform.MailHttp };
        using var json = JsonDocument.Parse(await http.GetStringAsync("/api/messages?pageSize=500"));
        var root = json.RootElement;
        var items = root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("results");
        return items.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    public static async Task<string> MessageTextAsync(PlatformFixture platform, string id)
    {
        using var http = new HttpClient { BaseAddress = platform.MailHttp };
        return await http.GetStringAsync($"/api/messages/{id}/plaintext");
    }
}
