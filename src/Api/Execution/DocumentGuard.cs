using System.Text;
using CollectionStore.Api.Configuration;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace CollectionStore.Api.Execution;

/// <summary>
/// The checks that run before and while a document is parsed: byte size, token count and the parser's
/// recursion guard. Each is cheap and none recurses, so a hostile document is refused before anything can
/// overflow the stack.
/// </summary>
internal static class DocumentGuard
{
    public static ExecutionError? CheckSize(string query, LimitsOptions limits)
    {
        // Every char is at least one UTF-8 byte, so the length alone can already reject without counting.
        if (query.Length > limits.MaxDocumentBytes || Encoding.UTF8.GetByteCount(query) > limits.MaxDocumentBytes)
        {
            return LimitError(ErrorCodes.DocumentTooLarge, $"The document is larger than {limits.MaxDocumentBytes} bytes.");
        }

        return null;
    }

    public static ExecutionError? CheckTokens(string query, LimitsOptions limits)
    {
        ROM source = query;
        var position = 0;
        var count = 0;
        try
        {
            while (true)
            {
                var token = Lexer.Lex(source, position);
                if (token.Kind == TokenKind.EOF)
                {
                    return null;
                }

                if (++count > limits.MaxTokens)
                {
                    return LimitError(ErrorCodes.MaxTokensExceeded, $"The document has more than {limits.MaxTokens} tokens.");
                }

                position = token.End;
            }
        }
        catch (GraphQLSyntaxErrorException)
        {
            // The parser reports the lexical error with its location.
            return null;
        }
    }

    public static GraphQLDocument? Parse(string query, LimitsOptions limits, out ExecutionError? error)
    {
        try
        {
            error = null;
            return new GraphQLDocumentBuilder { MaxDepth = limits.MaxParserDepth }.Build(query);
        }
        catch (Exception ex) when (ex is GraphQLMaxDepthExceededException || ex.InnerException is GraphQLMaxDepthExceededException)
        {
            error = LimitError(ErrorCodes.MaxParserDepthExceeded, $"The document is nested more than {limits.MaxParserDepth} levels deep.");
        }
        catch (SyntaxError ex)
        {
            ex.Code = ErrorCodes.SyntaxError;
            error = ex;
        }

        return null;
    }

    /// <summary>Finds the operation a request selects, or null when the executor must report that itself.</summary>
    public static GraphQLOperationDefinition? SelectOperation(GraphQLDocument document, string? operationName)
    {
        GraphQLOperationDefinition? selected = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not GraphQLOperationDefinition operation)
            {
                continue;
            }

            if (string.IsNullOrEmpty(operationName))
            {
                if (selected is not null)
                {
                    return null;
                }

                selected = operation;
            }
            else if (operation.Name is not null && operation.Name.StringValue == operationName)
            {
                return operation;
            }
        }

        return selected;
    }

    public static ExecutionError LimitError(string code, string message) => new(message) { Code = code };
}
