using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.CaseWorkflow;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddCaseWorkflowServices();

var app = builder.Build();

app.MapPlatformEndpoints();
app.MapCaseWorkflowEndpoints();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
