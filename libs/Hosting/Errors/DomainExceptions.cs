namespace ComplaintsPlatform.Hosting.Errors;

/// <summary>A refusal the caller can act on. The interceptor turns each kind into its gRPC status with the message.</summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>The request is well formed but the thing is not in a state that allows it (FAILED_PRECONDITION).</summary>
public sealed class RuleViolationException(string reason) : DomainException(reason);

public sealed class NotFoundException(string what) : DomainException($"{what} was not found.");

public sealed class AlreadyExistsException(string what) : DomainException($"{what} already exists.");

public sealed class AccessDeniedException(string reason) : DomainException(reason);

/// <summary>One bad field of a request, in the shape of <c>google.rpc.BadRequest.FieldViolation</c>.</summary>
public sealed record FieldViolation(string Field, string Description);

public sealed class ValidationException(IReadOnlyList<FieldViolation> violations)
    : DomainException("The request is invalid: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;
}

/// <summary>The thing changed since the caller read it (ABORTED): read it again, then retry.</summary>
public sealed class ConcurrencyConflictException(string reason) : DomainException(reason);
