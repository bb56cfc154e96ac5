namespace CollectionStore.Api.Execution;

/// <summary>
/// Stands in for an unexpected exception inside a result, so its message, type and data never reach the
/// client; only the correlation id that finds it in the log does.
/// </summary>
internal sealed class MaskedException : Exception
{
    public MaskedException(string correlationId)
        : base(ErrorMasking.Message) => CorrelationId = correlationId;

    public MaskedException()
        : base(ErrorMasking.Message) => CorrelationId = string.Empty;

    public MaskedException(string message, Exception innerException)
        : base(message, innerException) => CorrelationId = string.Empty;

    public string CorrelationId { get; }
}
