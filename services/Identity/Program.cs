using ComplaintsPlatform.Identity;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIdentityServices();

var app = builder.Build();

app.UseIdentityPipeline();
app.MapIdentityEndpoints();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
