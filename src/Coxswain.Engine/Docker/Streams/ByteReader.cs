namespace Coxswain.Engine.Docker;

/// <summary>A small read buffer over a network stream: wait for at least N bytes, look at them, consume them.</summary>
internal sealed class ByteReader(Stream stream, int bufferSize = 32 * 1024)
{
    private byte[] buffer = new byte[bufferSize];
    private int start;
    private int end;

    public int Available => end - start;

    public ReadOnlySpan<byte> Span => buffer.AsSpan(start, end - start);

    public void Consume(int count) => start += count;

    /// <summary>Reads until at least <paramref name="minimum"/> bytes are buffered; false when the stream ends first
    /// (whatever arrived stays available).</summary>
    public async ValueTask<bool> FillAsync(int minimum, CancellationToken cancellationToken)
    {
        while (Available < minimum)
        {
            if (Available == 0)
            {
                start = end = 0;
            }
            else if (buffer.Length - start < minimum)
            {
                if (minimum > buffer.Length)
                {
                    Array.Resize(ref buffer, minimum);
                }

                Buffer.BlockCopy(buffer, start, buffer, 0, Available);
                end -= start;
                start = 0;
            }

            var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }

            end += read;
        }

        return true;
    }
}
