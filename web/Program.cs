using ComplaintsPlatform.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddWebServices();

var app = builder.Build();
// Listening for other replicas' configuration changes from the start, before any page has asked.
_ = app.Services.GetRequiredService<ComplaintsPlatform.Web.Infrastructure.ConfigurationCaches>();

app.UseWebPipeline();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
