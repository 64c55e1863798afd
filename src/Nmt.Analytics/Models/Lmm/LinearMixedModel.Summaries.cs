using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Models.Lmm;

public static partial class LinearMixedModel
{
    /// <summary>
    /// Fits the model from per-cell sufficient statistics computed elsewhere (see <see cref="CrossProductCells"/>).
    /// <paramref name="frame"/> carries no rows: it names the formula, the fixed-effect columns and the random-effects
    /// blocks with their levels, whose indices the cells use. The estimates are those of <see cref="Fit(ModelFrame, LmmOptions?)"/> on the rows.
    /// </summary>
    internal static LmmFit Fit(ModelFrame frame, CrossProductCells cells, LmmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(cells);
        options ??= new LmmOptions();
        if (cells.N <= cells.P)
        {
            throw new NmtInputException($"The model has {cells.P} fixed-effect coefficients but only {cells.N} usable rows; it needs more rows than coefficients.");
        }
        var layout = new ThetaLayout(frame.RandomBlocks);
        return Fit(frame, layout, new CrossProducts(cells, frame.RandomBlocks, layout, options.MaxSecondaryRandomEffects), options);
    }
}
