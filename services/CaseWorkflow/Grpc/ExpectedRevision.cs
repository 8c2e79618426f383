using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ComplaintsPlatform.CaseWorkflow.Grpc;

/// <summary>
/// Hands a changing request's <c>expected_revision</c> (any request message with that field) to
/// <see cref="CaseWork"/> through the call's user state, so every change of a case is checked in one
/// place: a stale revision is ABORTED and no officer's update is lost.
/// </summary>
public sealed class ExpectedRevisionInterceptor : Interceptor
{
    private const string Field = "expected_revision";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (request is IMessage message && message.Descriptor.FindFieldByName(Field) is { } field
            && field.Accessor.GetValue(message) is int expected and > 0)
        {
            context.UserState[Field] = expected;
        }
        return continuation(request, context);
    }

    /// <summary>The revision the caller expects, or null when it did not say.</summary>
    public static int? Of(ServerCallContext context) => context.UserState.TryGetValue(Field, out var value) ? (int)value : null;
}
