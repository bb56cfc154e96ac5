namespace CollectionStore.Domain.Model.Binding;

/// <summary>Where in a model a directive is written.</summary>
internal enum DirectiveSite
{
    Schema,
    ObjectType,
    EnumType,
    EnumValue,
    Field,
}
