using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ComplaintsPlatform.Hosting.Errors;

/// <summary>
/// A ceiling on every free-text field of every request, nested and repeated ones included, so no RPC
/// accepts unbounded text even where its own validation sets no tighter limit. A longer field is
/// INVALID_ARGUMENT naming it (<c>issues[2].summary</c>), before the service does anything.
/// Client-streamed uploads (history imports) carry bytes, not text, and are bounded by their own limits.
/// </summary>
public sealed class TextLimitInterceptor : Interceptor
{
    /// <summary>The longest text any field may hold: a complaint's full description is the longest there is.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>A whole file sent as text (a field named <c>…_csv</c>, such as the Ombudsman's annual letter files).</summary>
    public const int MaxFileTextLength = 1_000_000;

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ThrowIfTooLong(request as IMessage);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ThrowIfTooLong(request as IMessage);
        return continuation(request, responseStream, context);
    }

    public static void ThrowIfTooLong(IMessage? message)
    {
        if (message is null)
        {
            return;
        }
        var violations = new List<FieldViolation>();
        Visit(message, "", violations);
        if (violations.Count > 0)
        {
            throw new ValidationException(violations);
        }
    }

    private static void Visit(IMessage message, string prefix, List<FieldViolation> violations)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.IsMap || value is null)
            {
                continue;
            }
            if (field.IsRepeated)
            {
                var i = 0;
                foreach (var item in (System.Collections.IEnumerable)value)
                {
                    Check(field, item, $"{path}[{i++}]", violations);
                }
            }
            else
            {
                Check(field, value, path, violations);
            }
        }
    }

    private static void Check(FieldDescriptor field, object value, string path, List<FieldViolation> violations)
    {
        var limit = field.Name.EndsWith("_csv", StringComparison.Ordinal) ? MaxFileTextLength : MaxTextLength;
        if (field.FieldType == FieldType.String && value is string text && text.Length > limit)
        {
            violations.Add(new FieldViolation(path, $"must be at most {limit} characters"));
        }
        else if (field.FieldType == FieldType.Message && value is IMessage nested)
        {
            Visit(nested, path + ".", violations);
        }
    }
}
