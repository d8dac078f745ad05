using System.Text.Json;
using Coxswain.Daemon.Events;
using Coxswain.Daemon.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coxswain.Daemon.Hosting;

/// <summary>
/// The daemon's HTTP surface on Kestrel: <c>POST /rpc/v1</c> (JSON-RPC 2.0), <c>GET /events</c> (server-sent events of
/// <see cref="DaemonEventHub"/>, resuming after <c>Last-Event-ID</c>) and <c>GET /healthz</c>. Listens on the unix socket
/// and, when configured, on TCP where every request needs the bearer token.
/// </summary>
public static class DaemonHost
{
    /// <summary>Builds the web application (not started).</summary>
    /// <param name="options">Where to listen and the token.</param>
    /// <param name="methods">The JSON-RPC methods.</param>
    /// <param name="events">The event feed.</param>
    /// <param name="configureLogging">Sets up logging (e.g. JSON lines on stdout); null keeps ASP.NET's defaults.</param>
    /// <exception cref="InvalidOperationException">When TCP is asked for without a token, or another daemon holds the socket.</exception>
    public static WebApplication Build(DaemonOptions options, RpcMethodTable methods, DaemonEventHub events, Action<ILoggingBuilder>? configureLogging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentNullException.ThrowIfNull(events);
        if (options.TcpEndpoint is not null && string.IsNullOrWhiteSpace(options.Token))
        {
            throw new InvalidOperationException("listening on TCP needs a bearer token: give --token-file (or COX_DAEMON_TOKEN), or drop --listen");
        }

        SocketFile.Prepare(options.SocketPath);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        if (configureLogging is not null)
        {
            builder.Logging.ClearProviders();
            configureLogging(builder.Logging);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenUnixSocket(options.SocketPath);
            if (options.TcpEndpoint is { } tcp)
            {
                kestrel.Listen(tcp);
            }

            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
        });
        builder.Services.AddSingleton(events);
        var app = builder.Build();
        app.Lifetime.ApplicationStarted.Register(() => SocketFile.Restrict(options.SocketPath));
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Coxswain.Daemon.Rpc");
        var dispatcher = new JsonRpcDispatcher(methods, log);
        var bearer = new BearerToken(options.Token);
        app.Use(async (context, next) =>
        {
            if (!bearer.Allows(context))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await context.Response.WriteAsync("a TCP caller needs Authorization: Bearer <token> (the daemon's --token-file)\n", context.RequestAborted).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        app.MapPost("/rpc/v1", (HttpContext context) => RpcAsync(context, dispatcher));
        app.MapGet("/events", (HttpContext context) => EventsAsync(context, events));
        app.MapGet("/healthz", (HttpContext context) => context.Response.WriteAsync("ok\n", context.RequestAborted));
        return app;
    }

    private static async Task RpcAsync(HttpContext context, JsonRpcDispatcher dispatcher)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        var answer = await dispatcher.DispatchAsync(body.GetBuffer().AsMemory(0, (int)body.Length), context.RequestAborted).ConfigureAwait(false);
        if (answer is null)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(answer, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task EventsAsync(HttpContext context, DaemonEventHub events)
    {
        var after = long.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), out var last) ? last : 0;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            await foreach (var e in events.SubscribeAsync(after, context.RequestAborted).ConfigureAwait(false))
            {
                var data = JsonSerializer.Serialize(e, JsonRpcDispatcher.Json);
                await context.Response.WriteAsync($"id: {e.Sequence}\nevent: {e.Kind}\ndata: {data}\n\n", context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // the client went away
        }
    }
}
