using CollectionStore.Api.Configuration;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace CollectionStore.Api.Execution;

/// <summary>
/// Depth (counted on the flattened operation, through fragments) and complexity budget, computed by
/// GraphQL.NET's complexity visitor and reported with our own error codes.
/// </summary>
internal static class ComplexityLimits
{
    // GraphQL.NET's own impact function (first/last arguments, list multiplier), used for every data field.
    private static readonly Func<FieldImpactContext, FieldComplexityResult> DataFieldImpact = new ComplexityOptions().DefaultComplexityImpactDelegate;

    public static ComplexityValidationRule CreateRule(LimitsOptions limits) =>
        new(new ComplexityOptions
        {
            // The built-in checks report one generic code; the delegate reports depth and cost separately.
            MaxDepth = null,
            MaxComplexity = null,
            DefaultComplexityImpactDelegate = Impact,
            ValidateComplexityDelegate = context =>
            {
                context.Error = Check(context, limits);
                return Task.CompletedTask;
            },
        });

    // Introspection's lists are bounded by the schema, not by data, so they are counted once instead of
    // multiplied like a page of documents; the standard introspection query of GraphiQL and codegen must pass.
    private static FieldComplexityResult Impact(FieldImpactContext context) =>
        context.ParentType.Name.StartsWith("__", StringComparison.Ordinal) || context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal)
            ? new FieldComplexityResult(1, 1)
            : DataFieldImpact(context);

    private static ValidationError? Check(ComplexityValidationContext context, LimitsOptions limits)
    {
        if (context.MaxDepth > limits.MaxDepth)
        {
            return new ValidationError($"The operation is {context.MaxDepth} levels deep; the maximum is {limits.MaxDepth}.")
            {
                Code = ErrorCodes.MaxDepthExceeded,
            };
        }

        if (context.TotalImpact > limits.MaxComplexity)
        {
            return new ValidationError($"The operation's complexity is {context.TotalImpact:0}; the maximum is {limits.MaxComplexity:0}.")
            {
                Code = ErrorCodes.MaxComplexityExceeded,
            };
        }

        return null;
    }
}
