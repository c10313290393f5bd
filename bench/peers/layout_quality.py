#!/usr/bin/python3
"""Layout quality and time: Connective's ForceAtlas2 beside graph-tool's sfdp_layout and igraph's layouts.

    /usr/bin/python3 bench/peers/layout_quality.py [--graphs karate,power,...] [--repeat 3] [--out layout-quality.json]

For every edge list in ../shared/data/networks (ids 0..N-1 as declared by `# nodes N`; at most --max-nodes nodes),
on the undirected simple view (repeated edges merged, self-loops dropped, direction ignored), it computes:

* connective: `connective graph layout FILE --seed S` with the default options (ForceAtlas2, 500 iterations,
  Barnes-Hut theta 1), run through the Release build of the CLI; its time is the in-process time of
  ForceLayout.Compute that the CLI reports with --progress (the graph's loading is not counted);
* sfdp: graph-tool's sfdp_layout with its defaults (multilevel, Hu 2005) after seeding graph-tool's and numpy's
  generators, timed in-process;
* fr: igraph's layout_fruchterman_reingold (its default 500 iterations; grid above 1,000 nodes), timed in-process;
* random: uniform positions, the floor every measure is read against.

Every layout is measured by the same code:

* stress: normalised stress after optimal scaling, mean over node pairs (i, j) of ((a*|x_i - x_j| - d_ij) / d_ij)^2,
  where d_ij is the shortest-path distance (pairs in different components are left out) and a the scale that
  minimises it (a = sum(e/d) / sum(e^2/d^2)). Exact on graphs of up to 2,000 nodes; above that over the pairs from
  1,000 sources drawn with a fixed seed (the same for every layout). Lower is better; 0 would be a perfect embedding.
* neighbourhood preservation (NP): for every node with k >= 1 neighbours, the fraction of its k graph neighbours
  among its k nearest nodes in the layout, averaged over those nodes. Higher is better; 1 is perfect.

Times are medians of --repeat runs each. Prints a Markdown table (worst Connective NP relative to sfdp first) and
writes every figure to --out as JSON.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings

warnings.simplefilter("ignore")  # graph-tool warns that cairo and matplotlib are missing; layouts do not need them

import igraph  # noqa: E402
import numpy as np  # noqa: E402
from scipy.sparse import csr_matrix  # noqa: E402
from scipy.sparse.csgraph import shortest_path  # noqa: E402
from scipy.spatial import cKDTree  # noqa: E402

import graph_tool.all as gt  # noqa: E402
from graph_tool.draw import sfdp_layout as gt_sfdp_layout  # noqa: E402  (graph_tool.all skips draw without cairo)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NETWORKS = os.path.join(ROOT, "..", "shared", "data", "networks")
CLI = os.path.join(ROOT, "artifacts", "bin", "Connective.Cli", "release", "connective.dll")
EXACT_STRESS_UP_TO = 2000
STRESS_SOURCES = 1000


def read_edges(path):
    """The undirected simple view: (node count, array of pairs u < v)."""
    declared = 0
    pairs = set()
    with open(path, "r", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                parts = line[1:].split()
                if len(parts) >= 2 and parts[0] == "nodes":
                    declared = int(parts[1])
                continue
            parts = line.split()
            if len(parts) < 2:
                continue
            u, v = int(parts[0]), int(parts[1])
            declared = max(declared, u + 1, v + 1)
            if u != v:
                pairs.add((min(u, v), max(u, v)))
    return declared, np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)


def adjacency(n, edges):
    rows = np.concatenate([edges[:, 0], edges[:, 1]])
    cols = np.concatenate([edges[:, 1], edges[:, 0]])
    return csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))


class Measures:
    """Distances and neighbour sets computed once per graph, then applied to every layout."""

    def __init__(self, n, edges):
        self.n = n
        matrix = adjacency(n, edges)
        self.indptr, self.indices = matrix.indptr, matrix.indices
        rng = np.random.default_rng(12345)
        sources = np.arange(n) if n <= EXACT_STRESS_UP_TO else np.sort(rng.choice(n, STRESS_SOURCES, replace=False))
        distances = shortest_path(matrix, method="D", unweighted=True, indices=sources)
        src, dst = np.nonzero(np.isfinite(distances) & (distances > 0))
        if n <= EXACT_STRESS_UP_TO:
            keep = sources[src] < dst  # each unordered pair once
            src, dst = src[keep], dst[keep]
        self.pair_i = sources[src]
        self.pair_j = dst
        self.pair_d = distances[src, dst]

    def stress(self, xy):
        e = np.hypot(xy[self.pair_i, 0] - xy[self.pair_j, 0], xy[self.pair_i, 1] - xy[self.pair_j, 1])
        ratio = e / self.pair_d
        denominator = np.sum(ratio * ratio)
        scale = np.sum(ratio) / denominator if denominator > 0 else 0.0
        return float(np.mean((scale * ratio - 1.0) ** 2))

    def neighbourhood_preservation(self, xy):
        degrees = np.diff(self.indptr)
        if degrees.max(initial=0) == 0:
            return float("nan")
        tree = cKDTree(xy)
        kmax = int(degrees.max())
        _, nearest = tree.query(xy, k=min(self.n, kmax + 1))
        nearest = nearest.reshape(self.n, -1)
        scores = []
        for u in range(self.n):
            k = degrees[u]
            if k == 0:
                continue
            near = [v for v in nearest[u, : k + 1] if v != u][:k]
            neighbours = set(self.indices[self.indptr[u]: self.indptr[u + 1]].tolist())
            scores.append(len(neighbours.intersection(near)) / k)
        return float(np.mean(scores))


def connective_layout(path, seed, n, extra):
    with tempfile.NamedTemporaryFile(suffix=".csv") as out:
        completed = subprocess.run(
            ["dotnet", CLI, "graph", "layout", path, "--undirected", "--seed", str(seed), "-o", out.name, "--progress", *extra],
            check=True, capture_output=True, text=True)
        seconds = None
        for line in completed.stderr.splitlines():
            if "layout:" in line and "iterations in" in line:
                seconds = float(line.split(" in ")[1].split()[0])
        xy = np.zeros((n, 2))
        with open(out.name, "r", encoding="utf-8") as f:
            next(f)
            for line in f:
                node, x, y = line.rstrip("\n").split(",")
                xy[int(node)] = (float(x), float(y))
    return xy, seconds


def sfdp_layout(n, edges, seed):
    g = gt.Graph(directed=False)
    g.add_vertex(n)
    g.add_edge_list(edges)
    gt.seed_rng(seed)
    np.random.seed(seed)
    start = time.perf_counter()
    pos = gt_sfdp_layout(g)
    seconds = time.perf_counter() - start
    return np.array(pos.get_2d_array([0, 1]).T), seconds


def fr_layout(n, edges, seed):
    g = igraph.Graph(n=n, edges=edges.tolist())
    igraph.set_random_number_generator(None)
    import random
    random.seed(seed)
    start = time.perf_counter()
    layout = g.layout_fruchterman_reingold()
    seconds = time.perf_counter() - start
    return np.array(layout.coords), seconds


def random_layout(n, seed):
    return np.random.default_rng(seed).random((n, 2)), 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graphs", help="comma-separated names (default: every edge list in the shared networks)")
    parser.add_argument("--max-nodes", type=int, default=40000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per tool and graph; the median time is reported")
    parser.add_argument("--tools", default="connective,sfdp,fr,random")
    parser.add_argument("--out", default="layout-quality.json")
    parser.add_argument("--connective-args", default="", help="extra options for `connective graph layout` (to try settings)")
    args = parser.parse_args()
    names = args.graphs.split(",") if args.graphs else sorted(
        f[: -len(".edgelist")] for f in os.listdir(NETWORKS) if f.endswith(".edgelist"))
    tools = args.tools.split(",")
    results = []
    for name in names:
        path = os.path.join(NETWORKS, name + ".edgelist")
        n, edges = read_edges(path)
        if n > args.max_nodes:
            continue
        measures = Measures(n, edges)
        row = {"graph": name, "nodes": n, "edges": len(edges)}
        for tool in tools:
            stresses, nps, times = [], [], []
            for run in range(args.repeat):
                seed = run + 1
                if tool == "connective":
                    xy, seconds = connective_layout(path, seed, n, args.connective_args.split())
                elif tool == "sfdp":
                    xy, seconds = sfdp_layout(n, edges, seed)
                elif tool == "fr":
                    xy, seconds = fr_layout(n, edges, seed)
                else:
                    xy, seconds = random_layout(n, seed)
                if not np.all(np.isfinite(xy)):
                    raise SystemExit(f"{tool} gave a non-finite position on {name}")
                stresses.append(measures.stress(xy))
                nps.append(measures.neighbourhood_preservation(xy))
                times.append(seconds)
            row[tool] = {
                "stress": statistics.median(stresses), "np": statistics.median(nps),
                "seconds": statistics.median(times), "stress_runs": stresses, "np_runs": nps, "seconds_runs": times,
            }
            print(f"{name} {tool}: stress {row[tool]['stress']:.4f} NP {row[tool]['np']:.4f} "
                  f"time {row[tool]['seconds']:.3f} s", file=sys.stderr, flush=True)
        results.append(row)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"igraph": igraph.__version__, "graph_tool": gt.__version__, "rows": results}, f, indent=1)
    print_table(results, tools)


def print_table(results, tools):
    def gap(row):
        if "connective" in row and "sfdp" in row:
            return row["connective"]["np"] - row["sfdp"]["np"]
        return 0.0

    measured = [t for t in tools if t != "random"]
    header = "| graph | nodes | edges | " + " | ".join(f"{t} stress | {t} NP" for t in tools)
    header += " | " + " | ".join(f"{t} s" for t in measured)
    if "connective" in tools and "sfdp" in tools:
        header += " | time ratio connective/sfdp"
    print(header + " |")
    print("|" + "---|" * (header.count("|") - 0))
    for row in sorted(results, key=gap):
        cells = [row["graph"], f"{row['nodes']:,}", f"{row['edges']:,}"]
        cells += [f"{row[t]['stress']:.3f} | {row[t]['np']:.3f}" for t in tools]
        cells += [f"{row[t]['seconds']:.2f}" for t in measured]
        if "connective" in tools and "sfdp" in tools:
            cells.append(f"{row['connective']['seconds'] / row['sfdp']['seconds']:.2f}")
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
