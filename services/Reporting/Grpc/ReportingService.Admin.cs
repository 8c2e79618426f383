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
        var status = new FeedStatus { Generation = await db.State.Select(s => s.Generation).FirstOrDefaultAsync(ct) };
        foreach (var source in Extensions.Sources)
        {
            var checkpoint = checkpoints.GetValueOrDefault(source);
            var lag = new FeedLag { Source = source, Checkpoint = checkpoint?.Position ?? 0 };
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

    /// <summary>Forgets every read model and resets all four checkpoints in one transaction; the consumers replay from position 1.</summary>
    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override async Task<RebuildResponse> Rebuild(RebuildRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var first = true;
        foreach (var source in Extensions.Sources)
        {
            await FeedReplay.ResetAsync(db, Extensions.ConsumerName, source, first ? ClearAsync : null, ct);
            first = false;
        }
        var state = await db.State.FirstOrDefaultAsync(ct);
        if (state is null)
        {
            db.State.Add(state = new ReadModelState());
        }
        state.Generation++;
        state.RebuiltAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new RebuildResponse { Generation = state.Generation, Sources = { Extensions.Sources } };
    }

    private static async Task ClearAsync(ReportingDbContext db, CancellationToken ct)
    {
        await db.Counters.ExecuteDeleteAsync(ct);
        await db.Cases.ExecuteDeleteAsync(ct);
        await db.Contacts.ExecuteDeleteAsync(ct);
        await db.Compliments.ExecuteDeleteAsync(ct);
        await db.Directory.ExecuteDeleteAsync(ct);
        await db.Council.ExecuteDeleteAsync(ct);
        // The self-assessment register and its audit are Reporting's own data and are kept; these come from feeds.
        await db.Set<BenchmarkFigure>().ExecuteDeleteAsync(ct);
        await db.Set<PolicyConformanceRow>().ExecuteDeleteAsync(ct);
        await db.Set<OmbudsmanReferral>().ExecuteDeleteAsync(ct);
        await db.Set<OmbudsmanEnquiryFact>().ExecuteDeleteAsync(ct);
        await db.Set<OmbudsmanRecommendationFact>().ExecuteDeleteAsync(ct);
        await db.Set<OmbudsmanOrderFact>().ExecuteDeleteAsync(ct);
        await db.Set<RemedyFact>().ExecuteDeleteAsync(ct);
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
