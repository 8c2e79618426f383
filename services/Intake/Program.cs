using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Intake;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIntakeServices();

var app = builder.Build();

app.MapPlatformEndpoints();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
