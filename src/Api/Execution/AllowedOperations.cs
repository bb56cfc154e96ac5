namespace CollectionStore.Api.Execution;

/// <summary>Which operation types a transport lets a request run (a GET may only run queries).</summary>
[Flags]
internal enum AllowedOperations
{
    None = 0,
    Query = 1,
    Mutation = 2,
    Subscription = 4,
    QueryAndMutation = Query | Mutation,
    All = Query | Mutation | Subscription,
}
