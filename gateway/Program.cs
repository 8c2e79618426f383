using ComplaintsPlatform.Gateway;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();
app.UseGateway();
app.Run();

public partial class Program;
