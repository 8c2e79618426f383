using System.Text;

namespace ComplaintsPlatform.Import.Tests;

public class CsvReaderChunkTests
{
    private const string Text = "id,summary,note\r\n1,\"say \"\"hello\"\", then\r\ngo\",\"\"\"\"\r\n2,\"\",\"end\"\"\"\r\n3,plain,\"a,b\"";

    [Fact]
    public async Task A_quote_at_the_end_of_any_read_is_read_the_same_as_in_one_piece_and_never_synchronously()
    {
        var whole = await ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(Text)));
        // One byte per read puts every quote, doubled or closing, at the end of a read.
        var trickle = await ReadAsync(new OneByteAtATime(Encoding.UTF8.GetBytes(Text)));

        Assert.Equal(
            [("2", "say \"hello\", then\ngo", "\""), ("4", "", "end\""), ("5", "plain", "a,b")],
            whole.Select(r => (r.Line.ToString(), r.Optional("summary") ?? "", r.Optional("note") ?? "")).ToList());
        Assert.Equal(whole.Select(Cells), trickle.Select(Cells));
    }

    private static string Cells(CsvRow r) => $"{r.Line}|{r.Optional("id")}|{r.Optional("summary")}|{r.Optional("note")}";

    private static async Task<List<CsvRow>> ReadAsync(Stream stream)
    {
        var rows = new List<CsvRow>();
        await foreach (var row in CsvReader.ReadAsync(stream))
        {
            rows.Add(row);
        }
        return rows;
    }

    // Like an import upload: asynchronous reads only, a little at a time.
    private sealed class OneByteAtATime(byte[] bytes) : Stream
    {
        private int _position;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position == bytes.Length || buffer.Length == 0)
            {
                return ValueTask.FromResult(0);
            }
            buffer.Span[0] = bytes[_position++];
            return ValueTask.FromResult(1);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("asynchronous reads only");
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
}
