namespace CollectionStore.Authorization.Rules;

/// <summary>What the rules read about the subject and the clock; cohort and cache keys are built from it.</summary>
internal sealed class RuleUsage
{
    private readonly SortedSet<string> _attributes = new(StringComparer.Ordinal);

    public bool SubjectId { get; private set; }

    public bool SubjectRoles { get; private set; }

    public bool Now { get; private set; }

    /// <summary>The attribute names referenced through <c>$subject.attributes.&lt;name&gt;</c>, in ordinal order.</summary>
    public IReadOnlyCollection<string> Attributes => _attributes;

    public void Add(RuleVariable variable)
    {
        switch (variable.Kind)
        {
            case RuleVariableKind.SubjectId:
                SubjectId = true;
                break;
            case RuleVariableKind.SubjectRoles:
                SubjectRoles = true;
                break;
            case RuleVariableKind.Now:
                Now = true;
                break;
            default:
                _attributes.Add(variable.Attribute!);
                break;
        }
    }
}
