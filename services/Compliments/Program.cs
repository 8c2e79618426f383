using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.Compliments;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddComplimentsServices();

var app = builder.Build();

app.MapPlatformEndpoints();
app.MapComplimentsEndpoints();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
