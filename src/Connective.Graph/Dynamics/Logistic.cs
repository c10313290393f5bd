namespace Connective.Graph.Dynamics;

/// <summary>A logistic-regression coefficient with its cluster-robust standard error and 95% interval (log-odds scale).</summary>
/// <param name="Name">What the coefficient multiplies.</param>
/// <param name="Value">The estimate (log-odds).</param>
/// <param name="StandardError">The cluster-robust (sandwich) standard error, clustered by ego.</param>
/// <param name="Low">The lower end of the 95% Wald interval.</param>
/// <param name="High">The upper end of the 95% Wald interval.</param>
public sealed record Coefficient(string Name, double Value, double StandardError, double Low, double High)
{
    /// <summary>The odds ratio, exp(<see cref="Value"/>).</summary>
    public double OddsRatio => Math.Exp(Value);
}

/// <summary>
/// Logistic regression by iteratively reweighted least squares, with cluster-robust (sandwich) standard errors so that
/// repeated egos in ego–alter pairs do not make intervals too narrow (Liang and Zeger 1986, independence working model).
/// </summary>
internal static class Logistic
{
    public static Coefficient[]? Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> outcome, IReadOnlyList<int> cluster, string[] names)
    {
        var p = names.Length;
        var beta = new double[p];
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var information = new double[p, p];
            var score = new double[p];
            for (var i = 0; i < rows.Count; i++)
            {
                var x = rows[i];
                var mu = Mean(x, beta);
                var w = mu * (1 - mu);
                var residual = (outcome[i] ? 1 : 0) - mu;
                for (var a = 0; a < p; a++)
                {
                    score[a] += x[a] * residual;
                    for (var b = 0; b < p; b++)
                    {
                        information[a, b] += x[a] * x[b] * w;
                    }
                }
            }
            var step = Solve(information, score);
            if (step is null)
            {
                return null;
            }
            var change = 0.0;
            for (var a = 0; a < p; a++)
            {
                beta[a] += step[a];
                change = Math.Max(change, Math.Abs(step[a]));
            }
            if (change < 1e-9)
            {
                break;
            }
        }
        // Sandwich: A⁻¹ B A⁻¹ with B the sum over clusters of (Σ score contributions)(Σ …)ᵀ.
        var bread = new double[p, p];
        var sums = new Dictionary<int, double[]>();
        for (var i = 0; i < rows.Count; i++)
        {
            var x = rows[i];
            var mu = Mean(x, beta);
            var residual = (outcome[i] ? 1 : 0) - mu;
            for (var a = 0; a < p; a++)
            {
                for (var b = 0; b < p; b++)
                {
                    bread[a, b] += x[a] * x[b] * mu * (1 - mu);
                }
            }
            if (!sums.TryGetValue(cluster[i], out var sum))
            {
                sums[cluster[i]] = sum = new double[p];
            }
            for (var a = 0; a < p; a++)
            {
                sum[a] += x[a] * residual;
            }
        }
        var meat = new double[p, p];
        foreach (var sum in sums.Values)
        {
            for (var a = 0; a < p; a++)
            {
                for (var b = 0; b < p; b++)
                {
                    meat[a, b] += sum[a] * sum[b];
                }
            }
        }
        var inverse = Invert(bread);
        if (inverse is null)
        {
            return null;
        }
        var result = new Coefficient[p];
        for (var a = 0; a < p; a++)
        {
            var variance = 0.0;
            for (var b = 0; b < p; b++)
            {
                for (var c = 0; c < p; c++)
                {
                    variance += inverse[a, b] * meat[b, c] * inverse[c, a];
                }
            }
            var se = Math.Sqrt(Math.Max(variance, 0));
            result[a] = new Coefficient(names[a], beta[a], se, beta[a] - (1.959963984540054 * se), beta[a] + (1.959963984540054 * se));
        }
        return result;
    }

    private static double Mean(double[] x, double[] beta)
    {
        var eta = 0.0;
        for (var a = 0; a < x.Length; a++)
        {
            eta += x[a] * beta[a];
        }
        return 1 / (1 + Math.Exp(-Math.Clamp(eta, -30, 30)));
    }

    private static double[]? Solve(double[,] matrix, double[] vector)
    {
        var inverse = Invert(matrix);
        if (inverse is null)
        {
            return null;
        }
        var p = vector.Length;
        var result = new double[p];
        for (var a = 0; a < p; a++)
        {
            for (var b = 0; b < p; b++)
            {
                result[a] += inverse[a, b] * vector[b];
            }
        }
        return result;
    }

    /// <summary>Gauss–Jordan inversion with partial pivoting; null when the matrix is (numerically) singular.</summary>
    private static double[,]? Invert(double[,] matrix)
    {
        var p = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        var inverse = new double[p, p];
        for (var i = 0; i < p; i++)
        {
            inverse[i, i] = 1;
        }
        for (var column = 0; column < p; column++)
        {
            var pivot = column;
            for (var row = column + 1; row < p; row++)
            {
                if (Math.Abs(a[row, column]) > Math.Abs(a[pivot, column]))
                {
                    pivot = row;
                }
            }
            if (Math.Abs(a[pivot, column]) < 1e-12)
            {
                return null;
            }
            for (var k = 0; k < p; k++)
            {
                (a[column, k], a[pivot, k]) = (a[pivot, k], a[column, k]);
                (inverse[column, k], inverse[pivot, k]) = (inverse[pivot, k], inverse[column, k]);
            }
            var scale = a[column, column];
            for (var k = 0; k < p; k++)
            {
                a[column, k] /= scale;
                inverse[column, k] /= scale;
            }
            for (var row = 0; row < p; row++)
            {
                if (row == column || a[row, column] == 0)
                {
                    continue;
                }
                var factor = a[row, column];
                for (var k = 0; k < p; k++)
                {
                    a[row, k] -= factor * a[column, k];
                    inverse[row, k] -= factor * inverse[column, k];
                }
            }
        }
        return inverse;
    }
}
