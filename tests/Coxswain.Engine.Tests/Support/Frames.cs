using System.Buffers.Binary;
using System.Text;

namespace Coxswain.Engine.Tests.Support;

/// <summary>Builds the engine's multiplexed stream: 8-byte header (stream, 0, 0, 0, big-endian length) + payload.</summary>
internal static class Frames
{
    public static byte[] Frame(byte stream, string payload) => Frame(stream, Encoding.UTF8.GetBytes(payload));

    public static byte[] Frame(byte stream, byte[] payload)
    {
        var frame = new byte[8 + payload.Length];
        frame[0] = stream;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame, 8);
        return frame;
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
