namespace CollectionStore.Domain.Model;

/// <summary>
/// A relation field: <c>@belongsTo(field:)</c> resolves the document of <see cref="TargetCollection"/>
/// whose id is in this collection's <see cref="ForeignKeyField"/>; <c>@hasMany(field:)</c> resolves the
/// documents of <see cref="TargetCollection"/> whose <see cref="ForeignKeyField"/> holds this document's id.
/// </summary>
public sealed record RelationDefinition(
    string Name,
    RelationKind Kind,
    string TargetCollection,
    string ForeignKeyField,
    bool NonNull,
    SourceLocation Location)
{
    /// <summary>Every directive on the relation field (<c>@belongsTo</c>/<c>@hasMany</c>, <c>@allow</c> …), in source order.</summary>
    public IReadOnlyList<DirectiveUse> Directives { get; init; } = [];
}

/// <summary>The direction of a relation.</summary>
public enum RelationKind
{
    /// <summary>This document holds the foreign key.</summary>
    BelongsTo,

    /// <summary>The target documents hold the foreign key.</summary>
    HasMany,
}
