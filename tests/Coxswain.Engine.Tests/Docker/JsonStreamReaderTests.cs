using System.Text;
using System.Text.Json;
using Coxswain.Engine.Docker;
using Coxswain.Engine.Tests.Support;
using Xunit;

namespace Coxswain.Engine.Tests.Docker;

public sealed class JsonStreamReaderTests
{
    private static async Task<List<ProgressDto>> ReadAll(string text, int chunkSize)
    {
        var items = new List<ProgressDto>();
        var stream = new ChunkedStream(Encoding.UTF8.GetBytes(text), chunkSize);
        await foreach (var item in JsonStreamReader.ReadAsync(stream, EngineJsonContext.Default.ProgressDto, TestContext.Current.CancellationToken))
        {
            items.Add(item);
        }

        return items;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(1000)]
    public async Task ReadAsync_NewlineSeparatedValuesSplitAcrossReads_YieldsEachValue(int chunkSize)
    {
        var items = await ReadAll("{\"status\":\"a\"}\r\n{\"status\":\"b\",\"progressDetail\":{\"current\":1,\"total\":2}}\n", chunkSize);

        Assert.Equal(["a", "b"], items.Select(i => i.Status));
        Assert.Equal(2, items[1].ProgressDetail!.Total);
    }

    [Fact]
    public async Task ReadAsync_ValuesWithNoSeparator_YieldsEachValue()
    {
        var items = await ReadAll("{\"stream\":\"x\\n\"}{\"aux\":{\"ID\":\"sha256:1\"}}", 3);

        Assert.Equal("x\n", items[0].Stream);
        Assert.Equal("sha256:1", items[1].Aux!.ID);
    }

    [Fact]
    public async Task ReadAsync_ValueLargerThanBuffer_IsRead()
    {
        var big = new string('y', 100_000);
        var items = await ReadAll($"{{\"stream\":\"{big}\"}}\n", 4096);

        Assert.Equal(big, Assert.Single(items).Stream);
    }

    [Fact]
    public async Task ReadAsync_StreamEndsInsideValue_Throws()
    {
        await Assert.ThrowsAsync<JsonException>(() => ReadAll("{\"status\":\"a\"}\n{\"status\":", 4));
    }

    [Fact]
    public void CompleteValueLength_IncompleteObject_IsZero()
    {
        Assert.Equal(0, JsonStreamReader.CompleteValueLength("{\"a\":[1,2"u8));
        Assert.Equal(9, JsonStreamReader.CompleteValueLength("{\"a\":[1]}\n{"u8));
    }
}
