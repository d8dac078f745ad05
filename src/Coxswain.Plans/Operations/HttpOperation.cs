using System.Net;

namespace Coxswain.Plans.Operations;

/// <summary>
/// An HTTP GET check: succeeds (Unchanged) when the URL answers with the expected status (and,
/// if given, a body containing some text); fails otherwise. It never changes anything.
/// </summary>
public sealed class HttpOperation : IOperation
{
    /// <summary>The YAML type name: "http".</summary>
    public const string TypeName = "http";

    /// <summary>The status expected when none is given: 200.</summary>
    public const int DefaultExpectedStatus = 200;

    private static readonly HttpClient SharedClient = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly HttpClient client;

    /// <summary>Creates the check.</summary>
    /// <param name="url">An absolute http or https URL.</param>
    /// <param name="expectedStatus">The status code that means success.</param>
    /// <param name="bodyContains">Text the body must contain; null for no check.</param>
    /// <param name="client">The client to use; a shared one when null. Limit the time with the task's timeout.</param>
    public HttpOperation(Uri url, int expectedStatus = DefaultExpectedStatus, string? bodyContains = null, HttpClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{url}' is not an absolute http or https URL.", nameof(url));
        }

        Url = url;
        ExpectedStatus = expectedStatus;
        BodyContains = bodyContains;
        this.client = client ?? SharedClient;
    }

    /// <summary>The URL checked.</summary>
    public Uri Url { get; }

    /// <summary>The status code that means success.</summary>
    public int ExpectedStatus { get; }

    /// <summary>Text the body must contain, if any.</summary>
    public string? BodyContains { get; }

    /// <inheritdoc />
    public string Kind => TypeName;

    /// <inheritdoc />
    public string Description => $"http: GET {Url} expect {ExpectedStatus}";

    /// <inheritdoc />
    public string Fingerprint => $"http url={Url} status={ExpectedStatus} contains={BodyContains}";

    /// <inheritdoc />
    public async ValueTask<TaskResult> ExecuteAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(Url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new HttpRequestException($"Task '{context.TaskName}': GET {Url} failed: {ex.Message}", ex, ex.StatusCode);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status != ExpectedStatus)
            {
                throw new HttpRequestException($"Task '{context.TaskName}': GET {Url} answered {status} {response.ReasonPhrase}, expected {ExpectedStatus}.", null, response.StatusCode);
            }

            if (BodyContains is { } text)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (!body.Contains(text, StringComparison.Ordinal))
                {
                    throw new HttpRequestException($"Task '{context.TaskName}': GET {Url} answered {status} but the body does not contain '{text}'.", null, (HttpStatusCode)status);
                }
            }

            return TaskResult.UnchangedWith($"GET {Url}: {status}");
        }
    }

    /// <inheritdoc />
    public ValueTask<CheckResult> CheckAsync(TaskContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CheckResult.NoChange("an http check changes nothing"));
}
