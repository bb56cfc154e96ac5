namespace CollectionStore.Domain.Model.Binding;

/// <summary>What a type name declared in the model stands for.</summary>
internal enum TypeCategory
{
    Collection,
    Embedded,
    Enum,
}
