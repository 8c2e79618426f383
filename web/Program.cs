using ComplaintsPlatform.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddWebServices();

var app = builder.Build();

app.UseWebPipeline();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
