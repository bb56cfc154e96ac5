using System.Globalization;
using CollectionStore.Api.Execution;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Visitors;
using Microsoft.Extensions.Primitives;

namespace CollectionStore.Api.Transport.Sse;

/// <summary>
/// A reconnecting EventSource sends <c>Last-Event-ID: N</c>, the sequence of the last change it received; that
/// means <c>since: N</c> (PROTOCOLS.md §6). The document is rewritten so every root field of the subscription that
/// takes <c>since</c> gets <c>since: N</c>, replacing the one it was first sent with (the URL of an EventSource
/// never changes, so its original <c>since</c> is older). The engine then sees an ordinary resuming subscription.
/// </summary>
internal static class LastEventIdResume
{
    private const string SinceArgument = "since";

    public static GraphQLExecutionRequest Apply(GraphQLExecutionRequest request, StringValues lastEventId, ISchema schema) =>
        lastEventId.Count == 1 && long.TryParse(lastEventId[0], NumberStyles.None, CultureInfo.InvariantCulture, out var since)
            ? Apply(request, since, schema, keepGiven: false)
            : request;

    /// <summary>
    /// Gives every root field that takes <c>since</c> the value <paramref name="since"/>; with
    /// <paramref name="keepGiven"/>, fields that already have one keep it.
    /// </summary>
    public static GraphQLExecutionRequest Apply(GraphQLExecutionRequest request, long since, ISchema schema, bool keepGiven)
    {
        if (schema.Subscription is not { } subscription)
        {
            return request;
        }

        GraphQLDocument document;
        try
        {
            document = Parser.Parse(request.Query);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            // The executor reports the syntax error itself.
            return request;
        }

        if (SelectOperation(document, request.OperationName) is not { Operation: OperationType.Subscription } operation)
        {
            return request;
        }

        var changed = false;
        foreach (var field in operation.SelectionSet.Selections.OfType<GraphQLField>())
        {
            var given = field.Arguments?.Items.Exists(a => a.Name.StringValue == SinceArgument) == true;
            if (subscription.GetField(field.Name.StringValue)?.Arguments?.Find(SinceArgument) is not null && !(keepGiven && given))
            {
                SetSince(field, since);
                changed = true;
            }
        }

        return changed ? request with { Query = new SDLPrinter().Print(document) } : request;
    }

    private static GraphQLOperationDefinition? SelectOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return operationName is null
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }

    private static void SetSince(GraphQLField field, long since)
    {
        var argument = new GraphQLArgument(new GraphQLName(SinceArgument), new GraphQLIntValue(since));
        field.Arguments ??= new GraphQLArguments([]);
        field.Arguments.Items.RemoveAll(a => a.Name.StringValue == SinceArgument);
        field.Arguments.Items.Add(argument);
    }
}
