using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Reporting;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddReportingServices();

var app = builder.Build();

app.MapPlatformEndpoints();
app.MapReportingEndpoints();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
