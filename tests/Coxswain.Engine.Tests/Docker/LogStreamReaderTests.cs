using System.Text;
using Coxswain.Engine.Docker;
using Coxswain.Engine.Tests.Support;
using Xunit;
using static Coxswain.Engine.Tests.Support.Frames;

namespace Coxswain.Engine.Tests.Docker;

public sealed class LogStreamReaderTests
{
    private static async Task<List<LogLine>> ReadAll(byte[] data, LogFraming framing, int chunkSize, bool timestamps = false)
    {
        var lines = new List<LogLine>();
        await foreach (var line in LogStreamReader.ReadAsync(new ChunkedStream(data, chunkSize), framing, timestamps, TestContext.Current.CancellationToken))
        {
            lines.Add(line);
        }

        return lines;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(4096)]
    public async Task ReadAsync_FramesSplitAcrossReads_YieldsSameLinesPerStream(int chunkSize)
    {
        var data = Concat(Frame(1, "out one\n"), Frame(2, "err one\n"), Frame(1, "out two\nout three\n"));

        var lines = await ReadAll(data, LogFraming.Multiplexed, chunkSize);

        Assert.Equal(
            [new LogLine(LogStream.Stdout, "out one"), new LogLine(LogStream.Stderr, "err one"), new LogLine(LogStream.Stdout, "out two"), new LogLine(LogStream.Stdout, "out three")],
            lines);
    }

    [Fact]
    public async Task ReadAsync_LineContinuedInLaterFrame_IsJoinedPerStreamEvenWhenOtherStreamInterleaves()
    {
        var data = Concat(Frame(1, "par"), Frame(2, "error\n"), Frame(1, "tial\n"));

        var lines = await ReadAll(data, LogFraming.Multiplexed, 5);

        Assert.Equal([new LogLine(LogStream.Stderr, "error"), new LogLine(LogStream.Stdout, "partial")], lines);
    }

    [Fact]
    public async Task ReadAsync_LastLineWithoutNewline_IsFlushedAtEnd()
    {
        var data = Concat(Frame(1, "a\nno newline"), Frame(2, "err tail"));

        var lines = await ReadAll(data, LogFraming.Multiplexed, 64);

        Assert.Equal([new LogLine(LogStream.Stdout, "a"), new LogLine(LogStream.Stdout, "no newline"), new LogLine(LogStream.Stderr, "err tail")], lines);
    }

    [Fact]
    public async Task ReadAsync_BigFrame_IsReadInPiecesAndSplitIntoLines()
    {
        var line = new string('x', 100_000);
        var payload = string.Concat(Enumerable.Repeat(line + "\n", 5));
        var data = Frame(1, payload);

        var lines = await ReadAll(data, LogFraming.Multiplexed, 16 * 1024);

        Assert.Equal(5, lines.Count);
        Assert.All(lines, l => Assert.Equal(line, l.Text));
    }

    [Fact]
    public async Task ReadAsync_MultiByteCharacterSplitAcrossFrames_DecodesWhole()
    {
        var bytes = Encoding.UTF8.GetBytes("héllo\n");
        var data = Concat(Frame(1, bytes[..2]), Frame(1, bytes[2..]));

        var lines = await ReadAll(data, LogFraming.Multiplexed, 1);

        Assert.Equal([new LogLine(LogStream.Stdout, "héllo")], lines);
    }

    [Fact]
    public async Task ReadAsync_RawTtyStream_IsAllStdoutWithCarriageReturnsDropped()
    {
        var data = Encoding.UTF8.GetBytes("one\r\ntwo\r\nthree");

        var lines = await ReadAll(data, LogFraming.Raw, 2);

        Assert.Equal([new LogLine(LogStream.Stdout, "one"), new LogLine(LogStream.Stdout, "two"), new LogLine(LogStream.Stdout, "three")], lines);
    }

    [Fact]
    public async Task ReadAsync_EmptyLines_AreKept()
    {
        var lines = await ReadAll(Frame(1, "a\n\nb\n"), LogFraming.Multiplexed, 3);

        Assert.Equal(["a", "", "b"], lines.Select(l => l.Text));
    }

    [Fact]
    public async Task ReadAsync_Timestamps_AreParsedFromEachFrameAndStripped()
    {
        var data = Concat(
            Frame(1, "2024-05-01T10:00:00.123456789Z first\n"),
            Frame(2, "2024-05-01T10:00:01.5Z second\n"));

        var lines = await ReadAll(data, LogFraming.Multiplexed, 4, timestamps: true);

        Assert.Equal("first", lines[0].Text);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567), lines[0].Timestamp);
        Assert.Equal(LogStream.Stderr, lines[1].Stream);
        Assert.Equal("second", lines[1].Text);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 1, 500, TimeSpan.Zero), lines[1].Timestamp);
    }

    [Fact]
    public async Task ReadAsync_TimestampedPartialMessages_JoinWithoutTheSecondTimestamp()
    {
        // Docker splits a long line into partial messages, each with its own timestamp.
        var data = Concat(
            Frame(1, "2024-05-01T10:00:00Z long "),
            Frame(1, "2024-05-01T10:00:00.5Z line\n"));

        var lines = await ReadAll(data, LogFraming.Multiplexed, 64, timestamps: true);

        var line = Assert.Single(lines);
        Assert.Equal("long line", line.Text);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), line.Timestamp);
    }

    [Fact]
    public async Task ReadAsync_RawStreamWithTimestamps_ParsesEachLine()
    {
        var data = Encoding.UTF8.GetBytes("2024-05-01T10:00:00Z one\r\n2024-05-01T10:00:02+02:00 two\r\n");

        var lines = await ReadAll(data, LogFraming.Raw, 5, timestamps: true);

        Assert.Equal(["one", "two"], lines.Select(l => l.Text));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 0, 2, TimeSpan.Zero), lines[1].Timestamp);
    }

    [Fact]
    public async Task ReadAsync_DetectWithFrameHeader_Demultiplexes()
    {
        var lines = await ReadAll(Concat(Frame(2, "e\n"), Frame(1, "o\n")), LogFraming.Detect, 3);

        Assert.Equal([new LogLine(LogStream.Stderr, "e"), new LogLine(LogStream.Stdout, "o")], lines);
    }

    [Fact]
    public async Task ReadAsync_DetectWithPlainText_ReadsRaw()
    {
        var lines = await ReadAll(Encoding.UTF8.GetBytes("hi\nthere\n"), LogFraming.Detect, 1);

        Assert.Equal(["hi", "there"], lines.Select(l => l.Text));
    }

    [Fact]
    public async Task ReadAsync_TruncatedFrame_YieldsWhatArrived()
    {
        var frame = Frame(1, "complete\nhalf");
        var lines = await ReadAll(frame[..^2], LogFraming.Multiplexed, 4);

        Assert.Equal(["complete", "ha"], lines.Select(l => l.Text));
    }

    [Fact]
    public async Task ReadAsync_EmptyStream_YieldsNothing()
    {
        Assert.Empty(await ReadAll([], LogFraming.Multiplexed, 8));
        Assert.Empty(await ReadAll([], LogFraming.Detect, 8));
    }

    [Fact]
    public void TryReadHeader_ValidHeader_ReturnsStreamAndBigEndianLength()
    {
        byte[] header = [2, 0, 0, 0, 0, 1, 0, 3];

        Assert.True(LogStreamReader.TryReadHeader(header, out var stream, out var length));
        Assert.Equal(LogStream.Stderr, stream);
        Assert.Equal(65539, length);
        Assert.False(LogStreamReader.TryReadHeader([(byte)'h', (byte)'e', (byte)'l', (byte)'l', 0, 0, 0, 1], out _, out _));
    }
}
