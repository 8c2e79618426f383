using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace ComplaintsPlatform.Identity.Tests;

/// <summary>A token's header and payload, read without validating.</summary>
public static class Jwt
{
    public static JsonElement Header(string token) => Part(token, 0);

    public static JsonElement Payload(string token) => Part(token, 1);

    public static string[] Values(JsonElement payload, string claim) =>
        !payload.TryGetProperty(claim, out var value) ? []
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString()!).ToArray()
        : [value.GetString()!];

    private static JsonElement Part(string token, int index) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(token.Split('.')[index])).RootElement.Clone();
}
