namespace Connective.Graph.Layout;

/// <summary>
/// A quadtree over the nodes' positions with each cell's total mass and centre of mass, rebuilt once per iteration and
/// then only read, so every node's repulsion can be computed on any thread with the same result.
/// </summary>
/// <remarks>
/// Cells are stored in arrays in the order they are created (breadth first), the four (or fewer) children of a cell
/// side by side; the bodies of every cell are a contiguous range of <see cref="_bodyX"/>/<see cref="_bodyY"/>/<see cref="_bodyMass"/>,
/// copied in tree order so that scanning a leaf reads memory in sequence. The arrays are kept between builds.
/// </remarks>
internal sealed class BarnesHutTree
{
    /// <summary>A cell with this many bodies or fewer is not split: scanning a few bodies costs less than more cells.</summary>
    internal const int LeafSize = 8;

    /// <summary>Cells stop splitting at this depth, so coincident positions end in one leaf instead of splitting forever.</summary>
    internal const int MaxDepth = 40;

    /// <summary>Enough stack for a depth-first walk: at most three siblings wait at each level, plus the root.</summary>
    internal const int WalkStackSize = (3 * MaxDepth) + 8;

    private int[] _order = [];
    private int[] _scratch = [];
    private double[] _bodyX = [], _bodyY = [], _bodyMass = [];
    private int[] _bodyId = [];

    private int _cellCount;
    private double[] _cellMinX = [], _cellMinY = [], _cellWidth = [];
    private double[] _cellMass = [], _cellCentreX = [], _cellCentreY = [];
    private int[] _cellFirstBody = [], _cellBodyEnd = [], _cellFirstChild = [], _cellChildCount = [];
    private byte[] _cellDepth = [];

    /// <summary>Rebuilds the tree over all nodes' current positions.</summary>
    public void Build(double[] x, double[] y, double[] mass)
    {
        var n = x.Length;
        EnsureBodies(n);
        var minX = double.PositiveInfinity;
        var minY = double.PositiveInfinity;
        var maxX = double.NegativeInfinity;
        var maxY = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            _order[i] = i;
            minX = Math.Min(minX, x[i]);
            maxX = Math.Max(maxX, x[i]);
            minY = Math.Min(minY, y[i]);
            maxY = Math.Max(maxY, y[i]);
        }
        // A square root cell (quadrants stay square, so one width describes every cell), slightly enlarged so the largest
        // coordinate falls strictly inside.
        var width = Math.Max(maxX - minX, maxY - minY);
        width = width > 0 ? width * (1 + 1e-9) : 1;
        _cellCount = 0;
        AddCell(minX, minY, width, 0, n, 0);
        // Cells are appended as they are split, so this loop visits every cell, parents before children.
        for (var cell = 0; cell < _cellCount; cell++)
        {
            if (_cellBodyEnd[cell] - _cellFirstBody[cell] > LeafSize && _cellDepth[cell] < MaxDepth)
            {
                Split(cell, x, y);
            }
        }
        for (var k = 0; k < n; k++)
        {
            var id = _order[k];
            _bodyId[k] = id;
            _bodyX[k] = x[id];
            _bodyY[k] = y[id];
            _bodyMass[k] = mass[id];
        }
        // Children come after their parent, so a backward pass sums every cell after its children (a fixed order).
        for (var cell = _cellCount - 1; cell >= 0; cell--)
        {
            double m = 0, mx = 0, my = 0;
            if (_cellChildCount[cell] == 0)
            {
                for (var k = _cellFirstBody[cell]; k < _cellBodyEnd[cell]; k++)
                {
                    m += _bodyMass[k];
                    mx += _bodyMass[k] * _bodyX[k];
                    my += _bodyMass[k] * _bodyY[k];
                }
            }
            else
            {
                var first = _cellFirstChild[cell];
                for (var child = first; child < first + _cellChildCount[cell]; child++)
                {
                    m += _cellMass[child];
                    mx += _cellMass[child] * _cellCentreX[child];
                    my += _cellMass[child] * _cellCentreY[child];
                }
            }
            _cellMass[cell] = m;
            _cellCentreX[cell] = m > 0 ? mx / m : _cellMinX[cell] + (_cellWidth[cell] / 2);
            _cellCentreY[cell] = m > 0 ? my / m : _cellMinY[cell] + (_cellWidth[cell] / 2);
        }
    }

    /// <summary>
    /// The ForceAtlas2 repulsion on node <paramref name="node"/> at (<paramref name="x"/>, <paramref name="y"/>) with mass
    /// <paramref name="mass"/>: Σ kr·m·m'/d away from every other node, with distant groups taken as one body when their
    /// cell width is below θ times their distance. A cell holding the node itself is always opened, so a node never
    /// repels itself. <paramref name="stack"/> needs <see cref="WalkStackSize"/> entries.
    /// </summary>
    public (double Fx, double Fy) Repulsion(int node, double x, double y, double mass, double repulsion, double theta, Span<int> stack)
    {
        double fx = 0, fy = 0;
        var thetaSquared = theta * theta;
        var top = 0;
        stack[top++] = 0;
        while (top > 0)
        {
            var cell = stack[--top];
            var dx = x - _cellCentreX[cell];
            var dy = y - _cellCentreY[cell];
            var distanceSquared = (dx * dx) + (dy * dy);
            var width = _cellWidth[cell];
            var contains = x >= _cellMinX[cell] && x < _cellMinX[cell] + width && y >= _cellMinY[cell] && y < _cellMinY[cell] + width;
            if (!contains && width * width < thetaSquared * distanceSquared)
            {
                var factor = repulsion * mass * _cellMass[cell] / distanceSquared;
                fx += dx * factor;
                fy += dy * factor;
            }
            else if (_cellChildCount[cell] == 0)
            {
                for (var k = _cellFirstBody[cell]; k < _cellBodyEnd[cell]; k++)
                {
                    var bx = x - _bodyX[k];
                    var by = y - _bodyY[k];
                    var d2 = (bx * bx) + (by * by);
                    // Coincident nodes (and the node itself) exert no force: the direction is undefined.
                    if (d2 > 0 && _bodyId[k] != node)
                    {
                        var factor = repulsion * mass * _bodyMass[k] / d2;
                        fx += bx * factor;
                        fy += by * factor;
                    }
                }
            }
            else
            {
                var first = _cellFirstChild[cell];
                for (var child = first + _cellChildCount[cell] - 1; child >= first; child--)
                {
                    stack[top++] = child;
                }
            }
        }
        return (fx, fy);
    }

    private void Split(int cell, double[] x, double[] y)
    {
        var start = _cellFirstBody[cell];
        var end = _cellBodyEnd[cell];
        var half = _cellWidth[cell] / 2;
        var midX = _cellMinX[cell] + half;
        var midY = _cellMinY[cell] + half;
        Span<int> counts = stackalloc int[4];
        for (var k = start; k < end; k++)
        {
            counts[Quadrant(_order[k], x, y, midX, midY)]++;
        }
        Span<int> next = stackalloc int[4];
        next[0] = start;
        for (var q = 1; q < 4; q++)
        {
            next[q] = next[q - 1] + counts[q - 1];
        }
        // A stable counting sort into the scratch array keeps bodies in id order within each quadrant.
        for (var k = start; k < end; k++)
        {
            var id = _order[k];
            _scratch[next[Quadrant(id, x, y, midX, midY)]++] = id;
        }
        Array.Copy(_scratch, start, _order, start, end - start);
        var firstChild = _cellCount;
        var depth = _cellDepth[cell] + 1;
        var bodyStart = start;
        for (var q = 0; q < 4; q++)
        {
            if (counts[q] > 0)
            {
                AddCell((q & 1) == 0 ? _cellMinX[cell] : midX, (q & 2) == 0 ? _cellMinY[cell] : midY, half, bodyStart, bodyStart + counts[q], depth);
            }
            bodyStart += counts[q];
        }
        _cellFirstChild[cell] = firstChild;
        _cellChildCount[cell] = _cellCount - firstChild;
    }

    private static int Quadrant(int id, double[] x, double[] y, double midX, double midY) =>
        (x[id] >= midX ? 1 : 0) | (y[id] >= midY ? 2 : 0);

    private void AddCell(double minX, double minY, double width, int firstBody, int bodyEnd, int depth)
    {
        if (_cellCount == _cellWidth.Length)
        {
            var size = Math.Max(64, _cellCount * 2);
            Array.Resize(ref _cellMinX, size);
            Array.Resize(ref _cellMinY, size);
            Array.Resize(ref _cellWidth, size);
            Array.Resize(ref _cellMass, size);
            Array.Resize(ref _cellCentreX, size);
            Array.Resize(ref _cellCentreY, size);
            Array.Resize(ref _cellFirstBody, size);
            Array.Resize(ref _cellBodyEnd, size);
            Array.Resize(ref _cellFirstChild, size);
            Array.Resize(ref _cellChildCount, size);
            Array.Resize(ref _cellDepth, size);
        }
        var cell = _cellCount++;
        _cellMinX[cell] = minX;
        _cellMinY[cell] = minY;
        _cellWidth[cell] = width;
        _cellFirstBody[cell] = firstBody;
        _cellBodyEnd[cell] = bodyEnd;
        _cellFirstChild[cell] = 0;
        _cellChildCount[cell] = 0;
        _cellDepth[cell] = (byte)depth;
    }

    private void EnsureBodies(int n)
    {
        if (_order.Length < n)
        {
            _order = new int[n];
            _scratch = new int[n];
            _bodyX = new double[n];
            _bodyY = new double[n];
            _bodyMass = new double[n];
            _bodyId = new int[n];
        }
    }
}
