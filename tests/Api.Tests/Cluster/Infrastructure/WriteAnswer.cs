namespace CollectionStore.Api.Tests.Cluster.Infrastructure;

/// <summary>One answer of a <see cref="RecordingWriter"/>: when it arrived, what it was, and the note it created.</summary>
public sealed record WriteAnswer(TimeSpan At, WriteOutcome Outcome, string Text, string? Id, int Status, string? Code, string Body);
