using ComplaintsPlatform.Hosting;
using ComplaintsPlatform.OmbudsmanLiaison;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddOmbudsmanLiaisonServices();

var app = builder.Build();

app.MapPlatformEndpoints();
app.MapOmbudsmanLiaisonEndpoints();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
