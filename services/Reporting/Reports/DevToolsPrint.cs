using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ComplaintsPlatform.Reporting.Reports;

/// <summary>
/// One print over the Chrome DevTools Protocol, for a Chromium that runs beside Reporting rather than
/// inside its image (the deployment's sidecar; docs/decisions/0019): the document is loaded into a
/// fresh browser context of its own (no cookies, cache or storage shared with any other print),
/// printed with its own @page size and margin boxes, and the context is thrown away.
/// </summary>
internal sealed class DevToolsPrint : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private int _nextId;

    private DevToolsPrint()
    {
    }

    /// <summary>Prints <paramref name="html"/> on the Chromium whose DevTools HTTP endpoint is <paramref name="endpoint"/>.</summary>
    public static async Task<byte[]> PrintAsync(HttpClient http, Uri endpoint, string html, CancellationToken ct)
    {
        await using var print = new DevToolsPrint();
        await print._socket.ConnectAsync(await BrowserSocketAsync(http, endpoint, ct), ct);
        var context = (await print.SendAsync("Target.createBrowserContext", new JsonObject { ["disposeOnDetach"] = true }, null, ct))["browserContextId"]!.GetValue<string>();
        try
        {
            var target = (await print.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank", ["browserContextId"] = context }, null, ct))["targetId"]!.GetValue<string>();
            var session = (await print.SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target, ["flatten"] = true }, null, ct))["sessionId"]!.GetValue<string>();
            var frame = (await print.SendAsync("Page.getFrameTree", new JsonObject(), session, ct))["frameTree"]!["frame"]!["id"]!.GetValue<string>();
            await print.SendAsync("Page.setDocumentContent", new JsonObject { ["frameId"] = frame, ["html"] = html }, session, ct);
            // The document is self-contained (inline SVG and one style element); its fonts are the last thing to settle.
            await print.SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = "document.fonts.ready.then(() => true)", ["awaitPromise"] = true }, session, ct);
            var pdf = await print.SendAsync("Page.printToPDF", new JsonObject
            {
                ["printBackground"] = true,
                // The document's @page rules (A4, margins, "Page n of m") decide, not Chromium's defaults.
                ["preferCSSPageSize"] = true,
                ["displayHeaderFooter"] = false,
            }, session, ct);
            return Convert.FromBase64String(pdf["data"]!.GetValue<string>());
        }
        finally
        {
            if (print._socket.State == WebSocketState.Open)
            {
                using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await print.SendAsync("Target.disposeBrowserContext", new JsonObject { ["browserContextId"] = context }, null, closing.Token);
            }
        }
    }

    /// <summary>
    /// The browser's own socket, from <c>/json/version</c>. Its host and port are the endpoint's: behind a
    /// port forward the browser names the address it listens on, which the caller may not reach.
    /// </summary>
    private static async Task<Uri> BrowserSocketAsync(HttpClient http, Uri endpoint, CancellationToken ct)
    {
        var version = await http.GetFromJsonAsync<JsonObject>(new Uri(endpoint, "/json/version"), ct)
            ?? throw new InvalidOperationException("Chromium's DevTools endpoint answered nothing.");
        var named = new Uri(version["webSocketDebuggerUrl"]?.GetValue<string>()
            ?? throw new InvalidOperationException("Chromium's DevTools endpoint named no browser socket."));
        return new UriBuilder(named) { Host = endpoint.Host, Port = endpoint.Port, Scheme = endpoint.Scheme == "https" ? "wss" : "ws" }.Uri;
    }

    /// <summary>Sends one command and waits for its answer, passing over the events that arrive meanwhile.</summary>
    private async Task<JsonObject> SendAsync(string method, JsonObject parameters, string? session, CancellationToken ct)
    {
        var id = ++_nextId;
        var command = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (session is not null)
        {
            command["sessionId"] = session;
        }
        await _socket.SendAsync(Encoding.UTF8.GetBytes(command.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, ct);
        while (true)
        {
            var message = await ReceiveAsync(ct);
            if (message["id"]?.GetValue<int>() != id)
            {
                continue;
            }
            if (message["error"] is JsonObject error)
            {
                throw new InvalidOperationException($"Chromium refused {method}: {error["message"]?.GetValue<string>()}");
            }
            return message["result"] as JsonObject ?? new JsonObject();
        }
    }

    private async Task<JsonObject> ReceiveAsync(CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        WebSocketReceiveResult received;
        do
        {
            received = await _socket.ReceiveAsync(chunk, ct);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("Chromium closed the DevTools connection.");
            }
            buffer.Write(chunk, 0, received.Count);
        }
        while (!received.EndOfMessage);
        buffer.Position = 0;
        return JsonNode.Parse(buffer) as JsonObject ?? throw new InvalidOperationException("Chromium sent a message that is not an object.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // The browser went first: nothing to close.
            }
        }
        _socket.Dispose();
    }
}
