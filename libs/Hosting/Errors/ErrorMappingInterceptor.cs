using System.Net.Sockets;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Npgsql;
using Status = Google.Rpc.Status;

namespace ComplaintsPlatform.Hosting.Errors;

/// <summary>
/// The one place where exceptions become gRPC statuses. Known refusals keep their message; an
/// unreachable database or dependency is UNAVAILABLE (retryable); anything else is INTERNAL with no
/// detail. Exception messages are never logged: they can carry personal data (e.g. a key value).
/// </summary>
public sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    private RpcException Map(Exception ex, ServerCallContext context)
    {
        if (context.CancellationToken.IsCancellationRequested && ex is OperationCanceledException)
        {
            return new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "The call was cancelled."));
        }
        switch (ex)
        {
            case ValidationException invalid:
                var badRequest = new BadRequest();
                badRequest.FieldViolations.AddRange(invalid.Violations.Select(v =>
                    new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
                return new Status
                {
                    Code = (int)Code.InvalidArgument,
                    Message = invalid.Message,
                    Details = { Any.Pack(badRequest) },
                }.ToRpcException();
            case RuleViolationException rule:
                return Simple(Code.FailedPrecondition, rule.Message);
            case NotFoundException notFound:
                return Simple(Code.NotFound, notFound.Message);
            case AlreadyExistsException exists:
                return Simple(Code.AlreadyExists, exists.Message);
            case AccessDeniedException denied:
                return Simple(Code.PermissionDenied, denied.Message);
            case ConcurrencyConflictException conflict:
                return Simple(Code.Aborted, conflict.Message);
        }
        if (IsUnavailable(ex))
        {
            logger.LogWarning("Dependency unavailable in {Method}: {ExceptionType}", context.Method, ex.GetType().Name);
            return Simple(Code.Unavailable, "A dependency is unavailable; retry later.");
        }
        logger.LogError("Unhandled {ExceptionType} in {Method}{StackTrace}", ex.GetType().FullName, context.Method,
            Environment.NewLine + ex.StackTrace);
        return Simple(Code.Internal, "An internal error occurred.");
    }

    private static RpcException Simple(Code code, string message) =>
        new Status { Code = (int)code, Message = message }.ToRpcException();

    internal static bool IsUnavailable(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }:
                    return true;
                case NpgsqlException npgsql when npgsql.InnerException is IOException or SocketException:
                    return true;
            }
            if (e.GetType().Name is "RedisConnectionException" or "RedisTimeoutException")
            {
                return true;
            }
        }
        return false;
    }
}
