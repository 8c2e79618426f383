using System.Text;
using ComplaintsPlatform.Reporting.V1;
using Google.Protobuf;

namespace ComplaintsPlatform.Reporting.Grpc;

/// <summary>
/// The REST export routes (GET …/csv) answer with the CSV itself, as a spreadsheet or an analyst's tool
/// expects: text/csv with the file name as an attachment, not the JSON of CsvExport. gRPC callers keep
/// the message; an error keeps its JSON status.
/// </summary>
internal static class CsvRoutes
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static void UseCsvRoutes(this WebApplication app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) || request.Path.Value is not { } path
            || !path.StartsWith("/api/reporting/", StringComparison.Ordinal) || !path.EndsWith("/csv", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }
        buffer.Position = 0;
        if (context.Response.StatusCode != StatusCodes.Status200OK || context.Response.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            await buffer.CopyToAsync(body, context.RequestAborted);
            return;
        }
        var export = Parser.Parse<CsvExport>(Encoding.UTF8.GetString(buffer.ToArray()));
        var csv = Encoding.UTF8.GetBytes(export.Csv);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.ContentLength = csv.Length;
        context.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = export.FileName, DispositionType = "attachment" }.ToString();
        await body.WriteAsync(csv, context.RequestAborted);
    });
}
