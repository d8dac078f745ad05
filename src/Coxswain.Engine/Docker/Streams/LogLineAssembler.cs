using System.Text;

namespace Coxswain.Engine.Docker;

/// <summary>Collects the bytes of one output stream into lines: a line may arrive split over many frames and reads, and is
/// decoded as UTF-8 only once complete (so multi-byte characters split across frames survive). A trailing "\r" is dropped.</summary>
internal sealed class LogLineAssembler(LogStream stream, bool timestampPerLine)
{
    private byte[] pending = new byte[256];
    private int pendingLength;
    private DateTimeOffset? messageTimestamp;

    /// <summary>Whether part of a line is waiting for its end.</summary>
    public bool HasPartialLine => pendingLength > 0;

    /// <summary>A new message (frame) starts, stamped <paramref name="timestamp"/>; a line continued from an earlier frame keeps its stamp.</summary>
    public void BeginMessage(DateTimeOffset? timestamp)
    {
        if (pendingLength == 0)
        {
            messageTimestamp = timestamp;
        }
    }

    /// <summary>Adds bytes; every line they complete is added to <paramref name="output"/>.</summary>
    public void Append(ReadOnlySpan<byte> data, List<LogLine> output)
    {
        while (!data.IsEmpty)
        {
            var newline = data.IndexOf((byte)'\n');
            if (newline < 0)
            {
                Keep(data);
                return;
            }

            if (pendingLength == 0)
            {
                Emit(data[..newline], output);
            }
            else
            {
                Keep(data[..newline]);
                Emit(pending.AsSpan(0, pendingLength), output);
                pendingLength = 0;
            }

            data = data[(newline + 1)..];
        }
    }

    /// <summary>Emits the last partial line, if any (the stream ended without a final newline).</summary>
    public void Flush(List<LogLine> output)
    {
        if (pendingLength > 0)
        {
            Emit(pending.AsSpan(0, pendingLength), output);
            pendingLength = 0;
        }
    }

    private void Keep(ReadOnlySpan<byte> data)
    {
        if (pendingLength + data.Length > pending.Length)
        {
            Array.Resize(ref pending, Math.Max(pending.Length * 2, pendingLength + data.Length));
        }

        data.CopyTo(pending.AsSpan(pendingLength));
        pendingLength += data.Length;
    }

    private void Emit(ReadOnlySpan<byte> line, List<LogLine> output)
    {
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        var timestamp = messageTimestamp;
        if (timestampPerLine && LogTimestamp.TrySplit(line, out var stamped, out var length))
        {
            timestamp = stamped;
            line = line[length..];
        }

        output.Add(new LogLine(stream, Encoding.UTF8.GetString(line), timestamp));
    }
}
