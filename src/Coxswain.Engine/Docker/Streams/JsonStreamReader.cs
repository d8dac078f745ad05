using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Coxswain.Engine.Docker;

/// <summary>Reads a stream of JSON values (events, stats, pull and build progress) one value at a time as bytes arrive.
/// Values may be separated by newlines (Docker), "\r\n", or nothing at all; a value split across reads is completed
/// by the next read. Nothing is buffered beyond the value being read.</summary>
internal static class JsonStreamReader
{
    private const int InitialBufferSize = 16 * 1024;

    public static async IAsyncEnumerable<T> ReadAsync<T>(Stream stream, JsonTypeInfo<T> type, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[InitialBufferSize];
        int start = 0, end = 0;
        while (true)
        {
            while (true)
            {
                start = SkipWhitespace(buffer, start, end);
                var length = start == end ? 0 : CompleteValueLength(buffer.AsSpan(start, end - start));
                if (length == 0)
                {
                    break;
                }

                var value = JsonSerializer.Deserialize(buffer.AsSpan(start, length), type);
                start += length;
                if (value is not null)
                {
                    yield return value;
                }
            }

            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }

            if (end == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                if (end > 0)
                {
                    throw new JsonException($"the stream ended inside a JSON value: '{System.Text.Encoding.UTF8.GetString(buffer, 0, Math.Min(end, 200))}'");
                }

                yield break;
            }

            end += read;
        }
    }

    /// <summary>The length of the first JSON value in <paramref name="data"/>, or 0 when it is not complete yet.</summary>
    internal static int CompleteValueLength(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock: false, state: default);
        if (!reader.Read())
        {
            return 0;
        }

        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            // A bare scalar: only complete when something follows it.
            return reader.BytesConsumed < data.Length ? (int)reader.BytesConsumed : 0;
        }

        return reader.TrySkip() ? (int)reader.BytesConsumed : 0;
    }

    private static int SkipWhitespace(byte[] buffer, int start, int end)
    {
        while (start < end && buffer[start] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            start++;
        }

        return start;
    }
}
