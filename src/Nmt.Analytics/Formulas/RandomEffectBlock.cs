using MathNet.Numerics.LinearAlgebra;

namespace Nmt.Analytics.Formulas;

/// <summary>
/// One random-effects term of a mixed-model formula, evaluated on the rows used by the fit:
/// e.g. <c>(1 + session | client_id)</c> gives <see cref="Group"/> = <c>client_id</c>,
/// <see cref="Terms"/> = <c>["(Intercept)", "session"]</c> and a two-column <see cref="Z"/>.
/// </summary>
/// <remarks>
/// Uncorrelated terms <c>(1 + x || g)</c> become one block per term (as lme4 expands them), and nested
/// groups <c>(1 | a/b)</c> become <c>(1 | a) + (1 | a:b)</c>, the second with <see cref="Group"/> = <c>a:b</c>.
/// Within a block the covariance of the <see cref="Terms"/> is unstructured.
/// </remarks>
public sealed class RandomEffectBlock
{
    /// <summary>Creates a block; <paramref name="z"/> has one row per used observation and one column per term.</summary>
    public RandomEffectBlock(string group, IReadOnlyList<string> terms, int[] groupIndex, IReadOnlyList<string> levels, Matrix<double> z)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(groupIndex);
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(z);
        if (z.ColumnCount != terms.Count || z.RowCount != groupIndex.Length)
        {
            throw new ArgumentException("Z must have one row per observation and one column per term.", nameof(z));
        }
        Group = group;
        Terms = terms;
        GroupIndex = groupIndex;
        Levels = levels;
        Z = z;
    }

    /// <summary>Grouping factor name as lme4 prints it (<c>client_id</c>, <c>clinic_id:client_id</c>).</summary>
    public string Group { get; }

    /// <summary>Term names in R's convention, e.g. <c>(Intercept)</c>, <c>session</c>.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>For each used observation, the 0-based index of its level in <see cref="Levels"/>.</summary>
    public int[] GroupIndex { get; }

    /// <summary>The grouping factor's levels (in sorted order, as R's factor levels).</summary>
    public IReadOnlyList<string> Levels { get; }

    /// <summary>The term model matrix: one row per used observation, one column per term.</summary>
    public Matrix<double> Z { get; }
}
