using ComplaintsPlatform.Common.V1;
using Grpc.Core;

namespace ComplaintsPlatform.Import;

/// <summary>
/// The file behind a client-streaming import call: its name and dry-run flag from the first chunk,
/// and its bytes as a stream read on demand, so a large file is never held in memory whole.
/// </summary>
public sealed class ImportUpload : Stream
{
    private readonly IAsyncStreamReader<ImportChunk> _chunks;
    private ReadOnlyMemory<byte> _current;
    private bool _ended;

    private ImportUpload(IAsyncStreamReader<ImportChunk> chunks, ImportChunk first)
    {
        _chunks = chunks;
        _current = first.Data.Memory;
        SourceFile = first.SourceFile.Trim();
        DryRun = first.DryRun;
    }

    public string SourceFile { get; }

    public bool DryRun { get; }

    /// <summary>Reads the first chunk; null when the call carried no chunk at all.</summary>
    public static async Task<ImportUpload?> OpenAsync(IAsyncStreamReader<ImportChunk> chunks, CancellationToken ct)
    {
        return await chunks.MoveNext(ct) ? new ImportUpload(chunks, chunks.Current) : null;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_current.IsEmpty && !_ended)
        {
            if (await _chunks.MoveNext(cancellationToken))
            {
                _current = _chunks.Current.Data.Memory;
            }
            else
            {
                _ended = true;
            }
        }
        var n = Math.Min(buffer.Length, _current.Length);
        _current[..n].CopyTo(buffer);
        _current = _current[n..];
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("An import upload is read asynchronously.");

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
