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
    public static ComplexityValidationRule CreateRule(LimitsOptions limits) =>
        new(new ComplexityOptions
        {
            // The built-in checks report one generic code; the delegate reports depth and cost separately.
            MaxDepth = null,
            MaxComplexity = null,
            ValidateComplexityDelegate = context =>
            {
                context.Error = Check(context, limits);
                return Task.CompletedTask;
            },
        });

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
