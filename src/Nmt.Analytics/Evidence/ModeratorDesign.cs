using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Evidence;

/// <summary>
/// The design matrix of a single moderator with an intercept, named as R names it: a numeric moderator gives
/// <c>intrcpt, ablat</c>; a categorical one gives treatment contrasts against the first level in sorted order
/// (<c>intrcpt, allocrandom, allocsystematic</c>).
/// </summary>
internal sealed class ModeratorDesign
{
    private ModeratorDesign(Matrix<double> x, IReadOnlyList<string> terms, IReadOnlyList<string>? levels)
    {
        X = x;
        Terms = terms;
        Levels = levels;
    }

    public Matrix<double> X { get; }

    public IReadOnlyList<string> Terms { get; }

    /// <summary>Levels of a categorical moderator (first = reference); null for a numeric one.</summary>
    public IReadOnlyList<string>? Levels { get; }

    public static ModeratorDesign Build(TableColumn column)
    {
        var k = column.Length;
        if (column is NumericColumn numeric)
        {
            var x = Matrix<double>.Build.Dense(k, 2, (i, j) => j == 0 ? 1 : numeric[i]);
            return new ModeratorDesign(x, ["intrcpt", column.Name], null);
        }
        var text = column as TextColumn ?? throw new NmtInputException("a moderator must be numeric or categorical.", null, column.Name);
        var levels = text.Levels();
        if (levels.Count < 2)
        {
            throw new NmtInputException($"moderator has a single level ('{levels.FirstOrDefault()}'); it cannot explain differences.", null, column.Name);
        }
        var design = Matrix<double>.Build.Dense(k, levels.Count, (i, j) => j == 0 ? 1 : (text[i] == levels[j] ? 1 : 0));
        return new ModeratorDesign(design, ["intrcpt", .. levels.Skip(1).Select(l => column.Name + l)], levels);
    }
}
