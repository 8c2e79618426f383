using ComplaintsPlatform.Common.V1;
using Google.Protobuf;
using Grpc.Core;

namespace ComplaintsPlatform.ImportTool;

/// <summary>
/// Streams a file to an import RPC in chunks, never holding it whole. One generic call for every kind:
/// each import RPC has the same shape, so the method is built from its names rather than a generated client.
/// </summary>
public sealed class ImportClient(CallInvoker invoker)
{
    public const int DefaultChunkBytes = 64 * 1024;

    private static readonly Marshaller<ImportChunk> Chunks = Marshallers.Create(m => m.ToByteArray(), ImportChunk.Parser.ParseFrom);
    private static readonly Marshaller<ImportReport> Reports = Marshallers.Create(m => m.ToByteArray(), ImportReport.Parser.ParseFrom);

    public async Task<ImportReport> SendAsync(string kind, Stream file, string sourceFile, bool dryRun, string? bearerToken,
        int chunkBytes = DefaultChunkBytes, CancellationToken ct = default)
    {
        if (!ImportKinds.All.TryGetValue(kind, out var target))
        {
            throw new ArgumentException($"Unknown kind '{kind}': one of {string.Join(", ", ImportKinds.All.Keys)}.", nameof(kind));
        }
        var method = new Method<ImportChunk, ImportReport>(MethodType.ClientStreaming, target.Service, target.Method, Chunks, Reports);
        var headers = new Metadata();
        if (!string.IsNullOrEmpty(bearerToken))
        {
            headers.Add("authorization", "Bearer " + bearerToken);
        }
        using var call = invoker.AsyncClientStreamingCall(method, null, new CallOptions(headers, cancellationToken: ct));
        try
        {
            await WriteAsync(call.RequestStream, file, sourceFile, dryRun, chunkBytes, ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // The service ended the call before the whole file was sent (it refused it): its status says
            // why, when the gateway could pass it on.
            return await call.ResponseAsync;
        }
        return await call.ResponseAsync;
    }

    private static async Task WriteAsync(IClientStreamWriter<ImportChunk> requests, Stream file, string sourceFile, bool dryRun, int chunkBytes,
        CancellationToken ct)
    {
        var buffer = new byte[chunkBytes];
        var first = true;
        int read;
        while ((read = await ReadFullAsync(file, buffer, ct)) > 0 || first)
        {
            // The first chunk names the file and says whether this is a dry run, even for an empty file.
            var chunk = new ImportChunk { Data = ByteString.CopyFrom(buffer, 0, read) };
            if (first)
            {
                chunk.SourceFile = sourceFile;
                chunk.DryRun = dryRun;
                first = false;
            }
            await requests.WriteAsync(chunk, ct);
            if (read == 0)
            {
                break;
            }
        }
        await requests.CompleteAsync();
    }

    private static async Task<int> ReadFullAsync(Stream file, byte[] buffer, CancellationToken ct)
    {
        var total = 0;
        int n;
        while (total < buffer.Length && (n = await file.ReadAsync(buffer.AsMemory(total), ct)) > 0)
        {
            total += n;
        }
        return total;
    }
}
