using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Coxswain.Engine.Docker;

/// <summary>Turns container output (logs, exec) into lines, incrementally, as bytes arrive from the network: demultiplexes the
/// engine's framed format (or passes a TTY's raw bytes), keeps partial lines per stream across frames and reads, and
/// parses the timestamps the engine puts before each message when asked. Big frames are never held whole.</summary>
internal static class LogStreamReader
{
    private const int HeaderLength = 8;

    public static async IAsyncEnumerable<LogLine> ReadAsync(Stream stream, LogFraming framing, bool timestamps, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = new ByteReader(stream);
        var lines = new List<LogLine>();
        if (framing == LogFraming.Detect)
        {
            framing = await DetectAsync(reader, cancellationToken).ConfigureAwait(false);
        }

        var stdout = new LogLineAssembler(LogStream.Stdout, timestampPerLine: timestamps && framing == LogFraming.Raw);
        var stderr = new LogLineAssembler(LogStream.Stderr, timestampPerLine: false);
        var raw = framing == LogFraming.Raw;
        while (true)
        {
            if (raw)
            {
                if (reader.Available == 0 && !await reader.FillAsync(1, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                stdout.Append(reader.Span, lines);
                reader.Consume(reader.Available);
            }
            else
            {
                if (!await reader.FillAsync(HeaderLength, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                if (!TryReadHeader(reader.Span, out var kind, out var remaining))
                {
                    // Not a frame header after all: treat everything from here on as raw output.
                    raw = true;
                    continue;
                }

                reader.Consume(HeaderLength);
                var assembler = kind == LogStream.Stderr ? stderr : stdout;
                if (timestamps && remaining > 0)
                {
                    await reader.FillAsync((int)Math.Min(remaining, LogTimestamp.MaxPrefixLength), cancellationToken).ConfigureAwait(false);
                    var prefix = StripTimestamp(reader, assembler, remaining);
                    remaining -= prefix;
                }

                while (remaining > 0)
                {
                    if (reader.Available == 0 && !await reader.FillAsync(1, cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }

                    var take = (int)Math.Min(reader.Available, remaining);
                    assembler.Append(reader.Span[..take], lines);
                    reader.Consume(take);
                    remaining -= take;
                    foreach (var line in lines)
                    {
                        yield return line;
                    }

                    lines.Clear();
                }
            }

            foreach (var line in lines)
            {
                yield return line;
            }

            lines.Clear();
        }

        stdout.Flush(lines);
        stderr.Flush(lines);
        foreach (var line in lines)
        {
            yield return line;
        }
    }

    /// <summary>Reads a frame header: stream byte 0–3, three zero bytes, big-endian payload length.</summary>
    internal static bool TryReadHeader(ReadOnlySpan<byte> header, out LogStream stream, out long length)
    {
        stream = header[0] is 2 or 3 ? LogStream.Stderr : LogStream.Stdout;
        length = BinaryPrimitives.ReadUInt32BigEndian(header[4..8]);
        return header[0] <= 3 && header[1] == 0 && header[2] == 0 && header[3] == 0;
    }

    private static async ValueTask<LogFraming> DetectAsync(ByteReader reader, CancellationToken cancellationToken)
    {
        if (!await reader.FillAsync(1, cancellationToken).ConfigureAwait(false) || reader.Span[0] > 3)
        {
            return LogFraming.Raw;
        }

        return await reader.FillAsync(HeaderLength, cancellationToken).ConfigureAwait(false) && TryReadHeader(reader.Span, out _, out _)
            ? LogFraming.Multiplexed
            : LogFraming.Raw;
    }

    private static int StripTimestamp(ByteReader reader, LogLineAssembler assembler, long remaining)
    {
        var window = reader.Span[..(int)Math.Min(reader.Available, remaining)];
        if (LogTimestamp.TrySplit(window, out var timestamp, out var length))
        {
            assembler.BeginMessage(timestamp);
            reader.Consume(length);
            return length;
        }

        assembler.BeginMessage(null);
        return 0;
    }
}
