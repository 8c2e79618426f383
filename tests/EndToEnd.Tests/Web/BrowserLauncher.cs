using Microsoft.Playwright;

namespace ComplaintsPlatform.EndToEnd.Tests;

/// <summary>
/// The machine's own Chromium (Playwright cannot download browsers here): the path from the
/// environment variable <c>PLAYWRIGHT_CHROMIUM</c>, else <c>/usr/bin/chromium</c>, which
/// scripts/setup.sh installs.
/// </summary>
public static class BrowserLauncher
{
    public const string Setting = "PLAYWRIGHT_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        var path = Environment.GetEnvironmentVariable(Setting) is { Length: > 0 } configured ? configured : DefaultPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"No Chromium at {path}. Install it (bash scripts/setup.sh, or apt-get install chromium) or set {Setting} to the browser's path.");
        }
        // Tests run as root, where Chromium's sandbox refuses to start.
        return await playwright.Chromium.LaunchAsync(new() { ExecutablePath = path, Headless = true, Args = ["--no-sandbox"] });
    }
}
