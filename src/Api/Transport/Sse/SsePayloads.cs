using System.Text;
using GraphQL;
using GraphQL.SystemTextJson;

namespace CollectionStore.Api.Transport.Sse;

/// <summary>Serialises results and error lists to the UTF-8 JSON carried in <c>data:</c> lines.</summary>
internal static class SsePayloads
{
    public static ReadOnlyMemory<byte> Result(GraphQLSerializer serializer, ExecutionResult result) =>
        Encoding.UTF8.GetBytes(serializer.Serialize(result));

    public static ReadOnlyMemory<byte> Errors(GraphQLSerializer serializer, IEnumerable<ExecutionError> errors)
    {
        var result = new ExecutionResult { Errors = [] };
        foreach (var error in errors)
        {
            result.Errors.Add(error);
        }

        return Result(serializer, result);
    }
}
