using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Whether this process has somewhere to send telemetry (an OTLP endpoint: the run command's dashboard or
/// a deployment's collector). Without one, spans and metrics would be collected on every call and SQL
/// command and thrown away, so neither these defaults nor the database and Redis clients collect them (ADR 0026).
/// </summary>
public static class TelemetryExport
{
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
}
