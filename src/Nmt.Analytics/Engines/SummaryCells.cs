using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Models.Lmm;

namespace Nmt.Analytics.Engines;

/// <summary>
/// Turns a summary's cells into what the mixed-model code consumes: a row-less model frame naming the fixed columns
/// and each block's levels (sorted as the in-memory frame sorts them: ordinal for text, numeric for numbers, a
/// combination <c>a:b</c> by its parts), and each cell's level index in every block.
/// </summary>
internal static class SummaryCells
{
    public static (ModelFrame Frame, CrossProductCells Cells) Build(SufficientStatistics s)
    {
        var count = s.CellKeys.Count;
        var blocks = new List<RandomEffectBlock>();
        var levelIndex = new int[s.Blocks.Count][];
        for (var b = 0; b < s.Blocks.Count; b++)
        {
            var block = s.Blocks[b];
            var parts = block.Variables.Select(v => IndexOf(s.CellVariables, v)).ToArray();
            var (levels, index) = Levels(s, parts);
            levelIndex[b] = index;
            blocks.Add(new RandomEffectBlock(block.Group, block.Terms, [], levels, Matrix<double>.Build.Dense(0, block.Terms.Count)));
        }
        var frame = new ModelFrame(s.Formula, s.ResponseName, Vector<double>.Build.Dense(0), Matrix<double>.Build.Dense(0, s.P), s.FixedNames, blocks, [], []);
        var cells = new CrossProductCells
        {
            N = checked((int)s.N),
            P = s.P,
            R = s.R,
            XtX = s.XtX,
            Xty = s.Xty,
            Yty = s.Yty,
            Levels = levelIndex,
            ZtZ = s.CellZtZ,
            ZtX = s.CellZtX,
            Zty = s.CellZty,
        };
        return (frame, cells);
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }
        throw new NmtInputException($"the summary's cells lack the grouping column '{value}'.");
    }

    /// <summary>A block's sorted level names and each cell's index among them.</summary>
    private static (List<string> Levels, int[] Index) Levels(SufficientStatistics s, int[] parts)
    {
        var count = s.CellKeys.Count;
        var names = new string[count];
        for (var c = 0; c < count; c++)
        {
            names[c] = parts.Length == 1 ? s.CellKeys[c][parts[0]] : string.Join(":", parts.Select(i => s.CellKeys[c][i]));
        }
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < count; c++)
        {
            first.TryAdd(names[c], c);
        }
        var distinct = first.Values.ToArray();
        Array.Sort(distinct, (x, y) => Compare(s, parts, x, y));
        var position = new Dictionary<string, int>(distinct.Length, StringComparer.Ordinal);
        for (var l = 0; l < distinct.Length; l++)
        {
            position[names[distinct[l]]] = l;
        }
        var index = new int[count];
        for (var c = 0; c < count; c++)
        {
            index[c] = position[names[c]];
        }
        return (distinct.Select(c => names[c]).ToList(), index);
    }

    private static int Compare(SufficientStatistics s, int[] parts, int x, int y)
    {
        foreach (var part in parts)
        {
            string a = s.CellKeys[x][part], b = s.CellKeys[y][part];
            var order = s.CellVariableIsNumeric[part]
                ? double.Parse(a, CultureInfo.InvariantCulture).CompareTo(double.Parse(b, CultureInfo.InvariantCulture))
                : string.CompareOrdinal(a, b);
            if (order != 0)
            {
                return order;
            }
        }
        return 0;
    }
}
