using ComplaintsPlatform.Gateway;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();

app.UseRateLimiter();
app.MapGrpcService<BackendHealthService>();
app.MapReverseProxy();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
