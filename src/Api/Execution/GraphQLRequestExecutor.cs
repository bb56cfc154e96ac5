using System.Security.Claims;
using System.Text.Json;
using CollectionStore.Api.Configuration;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CollectionStore.Api.Execution;

/// <summary>
/// Runs one GraphQL request for any transport: applies every document limit, parses, selects the operation,
/// checks the transport allows its type, validates (depth, complexity, aliases, the spec's rules), executes
/// with a timeout for queries and mutations, and masks unexpected exceptions.
/// </summary>
internal sealed class GraphQLRequestExecutor(
    ISchema schema,
    GraphQLSerializer serializer,
    IOptions<LimitsOptions> limits,
    IOptions<SecurityOptions> security,
    ILogger<GraphQLRequestExecutor> logger)
{
    private readonly DocumentExecuter _documentExecuter = new();
    private readonly Func<UnhandledExceptionContext, Task> _maskUnexpected = ErrorMasking.CreateDelegate(logger);
    private readonly LimitsOptions _limits = limits.Value;

    public ISchema Schema => schema;

    public Task<GraphQLExecutionOutcome> ExecuteAsync(
        GraphQLExecutionRequest request,
        ClaimsPrincipal? user,
        IServiceProvider requestServices,
        AllowedOperations allowedOperations,
        CancellationToken cancellationToken) =>
        ExecuteAsync(request, user, requestServices, allowedOperations, userContext: null, cancellationToken);

    /// <summary>
    /// As the other overload, with the execution's user context given by the caller: the subscription engine
    /// uses it to tell a subscription's stream resolver which cohort it runs for.
    /// </summary>
    public async Task<GraphQLExecutionOutcome> ExecuteAsync(
        GraphQLExecutionRequest request,
        ClaimsPrincipal? user,
        IServiceProvider requestServices,
        AllowedOperations allowedOperations,
        IDictionary<string, object?>? userContext,
        CancellationToken cancellationToken)
    {
        var error = DocumentGuard.CheckSize(request.Query, _limits)
            ?? CheckJsonDepth(request.Variables, "variables")
            ?? CheckJsonDepth(request.Extensions, "extensions")
            ?? DocumentGuard.CheckTokens(request.Query, _limits);
        if (error is not null)
        {
            return RequestError(error, null);
        }

        var document = DocumentGuard.Parse(request.Query, _limits, out error);
        if (document is null)
        {
            return RequestError(error!, null);
        }

        var operation = DocumentGuard.SelectOperation(document, request.OperationName);
        if (operation is not null && !IsAllowed(operation.Operation, allowedOperations))
        {
            var notAllowed = DocumentGuard.LimitError(
                ErrorCodes.OperationNotAllowed,
                $"A {operation.Operation.ToString().ToLowerInvariant()} operation cannot be executed over this transport or method.");
            return new GraphQLExecutionOutcome(new ExecutionResult(notAllowed), ExecutionOutcomeKind.OperationNotAllowed, operation.Operation);
        }

        var options = CreateOptions(request, document, operation, user, requestServices, cancellationToken);
        if (userContext is not null)
        {
            options.UserContext = userContext;
        }

        options.UserContext[Identity.RequestClient.UserContextKey] = request.Client;

        var result = await _documentExecuter.ExecuteAsync(options);
        ErrorMasking.Apply(result);
        if (result.Errors?.Any(e => e is TimeoutError) == true)
        {
            ExecutionLog.TimedOut(logger, request.OperationName, _limits.ExecutionTimeout);
        }

        var kind = result.Executed ? ExecutionOutcomeKind.Executed : ExecutionOutcomeKind.RequestError;
        return new GraphQLExecutionOutcome(result, kind, operation?.Operation);
    }

    private ExecutionOptions CreateOptions(
        GraphQLExecutionRequest request,
        GraphQLDocument document,
        GraphQLOperationDefinition? operation,
        ClaimsPrincipal? user,
        IServiceProvider requestServices,
        CancellationToken cancellationToken)
    {
        var options = new ExecutionOptions
        {
            Schema = schema,
            Query = request.Query,
            Document = document,
            OperationName = request.OperationName,
            Variables = ReadInputs(request.Variables),
            Extensions = ReadInputs(request.Extensions),
            User = user,
            RequestServices = requestServices,
            CancellationToken = cancellationToken,
            ValidationRules = [
                .. DocumentValidator.CoreRules,
                ComplexityLimits.CreateRule(_limits),
                new MaxAliasesValidationRule(_limits.MaxAliases),
            ],
            UnhandledExceptionDelegate = _maskUnexpected,
            ThrowOnUnhandledException = false,
        };

        if (!security.Value.AnonymousIntrospection && user?.Identity?.IsAuthenticated != true)
        {
            options.ValidationRules = [.. options.ValidationRules, GraphQL.Validation.Rules.Custom.NoIntrospectionValidationRule.Instance];
        }

        // Subscription streams live as long as the client wants; only queries and mutations are bounded.
        if (operation?.Operation != OperationType.Subscription)
        {
            options.Timeout = _limits.ExecutionTimeout;
            options.TimeoutAction = TimeoutAction.ReturnTimeoutError;
        }

        foreach (var listener in requestServices.GetServices<IDocumentExecutionListener>())
        {
            options.Listeners.Add(listener);
        }

        return options;
    }

    private ExecutionError? CheckJsonDepth(JsonElement? element, string name) =>
        element is { } value && JsonDepth.Exceeds(value, _limits.MaxVariablesDepth)
            ? DocumentGuard.LimitError(
                ErrorCodes.MaxVariablesDepthExceeded,
                $"The {name} are nested more than {_limits.MaxVariablesDepth} levels deep.")
            : null;

    private Inputs? ReadInputs(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } value ? serializer.ReadNode<Inputs>(value) : null;

    private static bool IsAllowed(OperationType type, AllowedOperations allowed) => type switch
    {
        OperationType.Query => allowed.HasFlag(AllowedOperations.Query),
        OperationType.Mutation => allowed.HasFlag(AllowedOperations.Mutation),
        OperationType.Subscription => allowed.HasFlag(AllowedOperations.Subscription),
        _ => false,
    };

    private static GraphQLExecutionOutcome RequestError(ExecutionError error, OperationType? type) =>
        new(new ExecutionResult(error), ExecutionOutcomeKind.RequestError, type);
}
