using Google.Protobuf;

namespace ComplaintsPlatform.CaseWorkflow.Data;

/// <summary>Configuration documents are stored as protobuf JSON with the contract's own field names.</summary>
internal static class ProtoJson
{
    private static readonly JsonFormatter s_formatter = new(JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(true).WithFormatDefaultValues(false));
    private static readonly JsonParser s_parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static string Write(IMessage message) => s_formatter.Format(message);

    public static T Read<T>(string json) where T : IMessage<T>, new() => s_parser.Parse<T>(json);
}
