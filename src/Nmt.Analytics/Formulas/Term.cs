namespace Nmt.Analytics.Formulas;

/// <summary>
/// One fixed-effects term: a main effect (<c>stress</c>) or an interaction (<c>stress:region</c>).
/// Its variables are in the order they first appear in the formula, as R labels terms.
/// </summary>
public sealed class Term
{
    /// <summary>Creates a term from its variables (formula order).</summary>
    public Term(IReadOnlyList<ModelVariable> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (variables.Count == 0)
        {
            throw new ArgumentException("A term needs at least one variable.", nameof(variables));
        }
        Variables = variables;
        Label = string.Join(":", variables.Select(v => v.Name));
    }

    /// <summary>The variables multiplied together in this term.</summary>
    public IReadOnlyList<ModelVariable> Variables { get; }

    /// <summary>R's term label, e.g. <c>stress:region</c>.</summary>
    public string Label { get; }

    /// <summary>The interaction order (1 for main effects).</summary>
    public int Order => Variables.Count;

    /// <inheritdoc/>
    public override string ToString() => Label;
}
