using ComplaintsPlatform.Common.V1;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Messaging.Consumers;
using ComplaintsPlatform.Reporting.Data;
using ComplaintsPlatform.Reporting.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Reporting.Grpc;

public sealed partial class ReportingService
{
    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override async Task<FeedStatus> GetFeedStatus(GetFeedStatusRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var clients = context.GetHttpContext().RequestServices.GetRequiredService<GrpcClientFactory>();
        var checkpoints = await db.Set<FeedCheckpoint>().AsNoTracking()
            .Where(c => c.Consumer == Extensions.ConsumerName).ToDictionaryAsync(c => c.Source, ct);
        var state = await db.State.AsNoTracking().FirstOrDefaultAsync(ct) ?? new ReadModelState();
        var status = new FeedStatus { Generation = state.Generation, ServingGeneration = await db.GenerationAsync(ct), BuildingGeneration = state.Building ?? 0 };
        if (state.SwitchedAt is { } switched)
        {
            status.SwitchedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(switched, DateTimeKind.Utc));
        }
        var rebuilt = new Dictionary<string, long>();
        if (state.Building is { } building && state.RebuiltAt is { } started)
        {
            status.RebuildStartedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(started, DateTimeKind.Utc));
            rebuilt = await ReadModelGenerations.PositionsAsync(db, building, ct);
        }
        var seconds = Math.Max(0.001, (DateTime.UtcNow - (state.RebuiltAt ?? DateTime.UtcNow)).TotalSeconds);
        foreach (var source in Extensions.Sources)
        {
            var checkpoint = checkpoints.GetValueOrDefault(source);
            var lag = new FeedLag { Source = source, Checkpoint = checkpoint?.Position ?? 0 };
            if (rebuilt.TryGetValue(source, out var rebuildPosition))
            {
                lag.RebuildPosition = rebuildPosition;
                lag.RebuildEventsPerSecond = Math.Round(rebuildPosition / seconds, 1);
            }
            if (checkpoint is not null)
            {
                lag.UpdatedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(checkpoint.UpdatedAt, DateTimeKind.Utc));
            }
            try
            {
                var client = clients.CreateClient<EventFeed.EventFeedClient>($"feed:{source}:{Extensions.ConsumerName}");
                var head = await client.GetHeadAsync(new GetHeadRequest(), deadline: DateTime.UtcNow.AddSeconds(3), cancellationToken: ct);
                lag.Head = head.HeadPosition;
                lag.Behind = Math.Max(0, head.HeadPosition - lag.Checkpoint);
            }
            catch (RpcException ex)
            {
                lag.Error = ex.StatusCode.ToString();
            }
            status.Feeds.Add(lag);
        }
        return status;
    }

    /// <summary>
    /// Starts a new generation of the read model (empty tables, checkpoints at 0); the rebuild service
    /// fills it from every feed while reports read the serving one, and switches when it has caught up.
    /// A rebuild already running is abandoned (its tables dropped) for the new one.
    /// </summary>
    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override async Task<RebuildResponse> Rebuild(RebuildRequest request, ServerCallContext context)
    {
        var generation = await ReadModelGenerations.StartAsync(db, context.CancellationToken);
        return new RebuildResponse { Generation = generation, Sources = { Extensions.Sources } };
    }

    // The administrator manages keys as they manage accounts; the complaints team, who answer scrutiny, too.
    [Authorize(Roles = Roles.ComplaintsTeam + "," + Roles.Administrator)]
    public override async Task<IssuedApiKey> IssueApiKey(IssueApiKeyRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            throw new ValidationException([new("name", "Say who the key is for (up to 200 characters).")]);
        }
        var now = DateTime.UtcNow;
        var expires = request.ExpiresAt?.ToDateTime() ?? now.Add(ApiKeyLifetime.Default);
        if (expires <= now || expires > now.Add(ApiKeyLifetime.Longest))
        {
            throw new ValidationException([new("expires_at", "Must be in the future and at most two years away.")]);
        }
        var secret = Audience.NewSecret();
        var row = new ApiKeyRow
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name.Trim(),
            Hash = Audience.Hash(secret),
            IssuedAt = now,
            IssuedBy = Caller.From(context).Subject,
            ExpiresAt = expires,
        };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(context.CancellationToken);
        await Listing(context).ListAsync(row);
        return new IssuedApiKey { Key = ToMessage(row), Secret = secret };
    }

    // The administrator manages keys as they manage accounts; the complaints team, who answer scrutiny, too.
    [Authorize(Roles = Roles.ComplaintsTeam + "," + Roles.Administrator)]
    public override async Task<ApiKey> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.KeyId, out var id))
        {
            throw new ValidationException([new("key_id", "Not a key id.")]);
        }
        var row = await db.ApiKeys.FindAsync([id], context.CancellationToken) ?? throw new NotFoundException($"API key {id}");
        row.RevokedAt ??= DateTime.UtcNow;
        await db.SaveChangesAsync(context.CancellationToken);
        await Listing(context).UnlistAsync(row);
        return ToMessage(row);
    }

    // The administrator manages keys as they manage accounts; the complaints team, who answer scrutiny, too.
    [Authorize(Roles = Roles.ComplaintsTeam + "," + Roles.Administrator)]
    public override async Task<ApiKeyList> ListApiKeys(ListApiKeysRequest request, ServerCallContext context)
    {
        var rows = await db.ApiKeys.AsNoTracking().OrderBy(k => k.IssuedAt).ToListAsync(context.CancellationToken);
        return new ApiKeyList { Keys = { rows.Select(ToMessage) } };
    }

    private static ApiKeyListing Listing(ServerCallContext context) =>
        context.GetHttpContext().RequestServices.GetRequiredService<ApiKeyListing>();

    private static ApiKey ToMessage(ApiKeyRow row)
    {
        var key = new ApiKey
        {
            KeyId = row.Id.ToString(),
            Name = row.Name,
            IssuedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(row.IssuedAt, DateTimeKind.Utc)),
            IssuedBy = row.IssuedBy,
            ExpiresAt = Timestamp.FromDateTime(DateTime.SpecifyKind(row.ExpiresAt, DateTimeKind.Utc)),
        };
        if (row.LastUsedAt is { } used)
        {
            key.LastUsedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(used, DateTimeKind.Utc));
        }
        if (row.RevokedAt is { } revoked)
        {
            key.RevokedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(revoked, DateTimeKind.Utc));
        }
        return key;
    }
}
