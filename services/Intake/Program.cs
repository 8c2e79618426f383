using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Intake;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIntakeServices();

var app = builder.Build();

app.MapPlatformEndpoints();
app.MapIntakeEndpoints();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
