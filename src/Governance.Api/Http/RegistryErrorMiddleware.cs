using Governance.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Governance.Api.Http;

/// <summary>
/// The one place where failures become Confluent's error bodies, <c>{"error_code": n, "message": "..."}</c>:
/// registry refusals keep their code, refused requests theirs, unknown routes and methods get Jersey's
/// <c>HTTP 404 Not Found</c> / <c>HTTP 405 Method Not Allowed</c>, and anything unexpected is 500 with 50001.
/// </summary>
public sealed partial class RegistryErrorMiddleware(RequestDelegate next, ILogger<RegistryErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context).ConfigureAwait(false);
            if (!context.Response.HasStarted && context.Response.StatusCode is 404 or 405 && context.Response.ContentLength is null)
            {
                var status = context.Response.StatusCode;
                await WriteAsync(context, status, status, status == 404 ? "HTTP 404 Not Found" : "HTTP 405 Method Not Allowed").ConfigureAwait(false);
            }
        }
        catch (RegistryException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, e.HttpStatus, (int)e.ErrorCode, e.Message).ConfigureAwait(false);
        }
        catch (ApiRequestException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, e.HttpStatus, e.ErrorCode, e.Message).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, e.StatusCode, e.StatusCode, e.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            LogUnexpected(logger, e, context.Request.Method, context.Request.Path);
            await WriteAsync(context, 500, (int)RegistryErrorCode.StoreError, "Error in the backend data store: " + e.GetType().Name).ConfigureAwait(false);
        }
    }

    private static Task WriteAsync(HttpContext context, int status, int errorCode, string message)
    {
        context.Response.Clear();
        return RegistryResponse.Error(status, errorCode, message).ExecuteAsync(context);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure answering {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
