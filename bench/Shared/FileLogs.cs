using Microsoft.Extensions.Logging;

namespace ComplaintsPlatform.Bench;

/// <summary>A benchmark's platform or service logs, to a file: the console shows only its tables.</summary>
internal sealed class FileLogs(string path) : ILoggerProvider
{
    private readonly StreamWriter _file = new(path, append: false) { AutoFlush = true };

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose() => _file.Dispose();

    private sealed class FileLogger(FileLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            lock (owner._file)
            {
                owner._file.WriteLine($"{DateTime.UtcNow:O} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.GetType().Name)}");
            }
        }
    }
}
