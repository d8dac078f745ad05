using System.Net;
using System.Net.Http.Headers;

namespace Coxswain.Engine.Docker;

/// <summary>A request body streamed from the caller's stream (a tar for import or build), never buffered whole and never
/// disposed here: the caller owns it. Sends a Content-Length when the stream knows its length, else chunked.</summary>
internal sealed class UploadContent : HttpContent
{
    private readonly Stream source;

    public UploadContent(Stream source, string mediaType)
    {
        this.source = source;
        Headers.ContentType = new MediaTypeHeaderValue(mediaType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => source.CopyToAsync(stream);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        source.CopyToAsync(stream, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        if (source.CanSeek)
        {
            length = source.Length - source.Position;
            return true;
        }

        length = 0;
        return false;
    }
}
