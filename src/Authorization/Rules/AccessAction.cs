namespace CollectionStore.Authorization.Rules;

/// <summary>What a request does to a document; the <c>to:</c> list of an <c>@allow</c> grant names these.</summary>
public enum AccessAction
{
    /// <summary>Reading a document or its fields (queries and events).</summary>
    Read,

    /// <summary>Creating a document; the new document is checked.</summary>
    Create,

    /// <summary>Changing a document; the stored document and the result are both checked.</summary>
    Update,

    /// <summary>Deleting a document; the stored document is checked.</summary>
    Delete,
}
