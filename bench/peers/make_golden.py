#!/usr/bin/python3
"""Golden values for Connective.Graph, computed by the reference tools (issue 3, section 6).

Run with Debian's Python, which has the reference tools installed:

    /usr/bin/python3 bench/peers/make_golden.py                 # every file in ../shared/data/networks
    /usr/bin/python3 bench/peers/make_golden.py --only karate   # one graph
    /usr/bin/python3 bench/peers/make_golden.py --generated     # also the generated 10k and 1M graphs
    /usr/bin/python3 bench/peers/make_golden.py --update --only power --nx-max-edges 100000
                                  # keep committed values; recompute eigenvector centrality, cross-check with NetworkX

Inputs: the edge lists in ../shared/data/networks (read in place) and, with --generated, graphs written by
`connective graph generate` with the fixed models and seeds in GENERATED below (into a temporary folder;
the CLI is run with `dotnet run --project src/Connective.Cli` unless --cli gives a command).

Outputs, in tests/Connective.Graph.Tests/Golden/, one pair per graph:
  <name>.json         scalars, sorted component sizes, bridges, Leiden runs, tool versions, definitions used
  <name>.nodes.csv.gz per-node values keyed by the external node id (all nodes, or the sampled nodes of a 1M graph)

Definitions (issue 3, section 6), which every peer and Connective follow:
  * node set: every id in an edge plus 0..N-1 when the file declares `# nodes N`;
  * "simple view": repeated edges merged, self-loops dropped; undirected graphs stay undirected, directed graphs
    keep their direction (repeated arcs merged). Components, cores, triangles, clustering, bridges, articulation
    points, brokerage and Leiden use the UNDIRECTED simple view; PageRank, reach, betweenness, closeness,
    harmonic centrality and eigenvector centrality use the simple view with direction kept;
  * PageRank: igraph PRPACK, damping 0.85, dangling nodes spread uniformly;
  * eigenvector centrality: igraph eigenvector_centrality(scale=False) scaled to unit L2 norm, positive, on the
    undirected simple view when it is connected, otherwise on its largest component (other nodes left empty);
    not on directed graphs;
  * betweenness: unnormalised, unordered pairs once on undirected graphs (igraph betweenness());
  * closeness: NetworkX closeness_centrality(wf_improved=True); harmonic: NetworkX harmonic_centrality.
    On directed graphs NetworkX uses distances TO the node; the *_out columns use distances FROM the node;
  * reach within k: igraph neighborhood_size(order=k, mode="out") - 1;
  * Burt's constraint and effective size: NetworkX definitions on the undirected simple view (empty = undefined,
    i.e. isolated nodes);
  * Leiden: igraph community_leiden(objective_function="modularity", n_iterations=-1), seeds 0..9 via
    random.seed(seed), modularity of each run by igraph modularity(); the golden value is the median.
    Louvain: igraph community_multilevel() the same way (full-golden graphs). Both on the UNDIRECTED simple view,
    which is what Connective's Leiden and Louvain optimise on directed input (reciprocal arcs once, no self-loops).
Measures are computed by igraph and, up to --nx-max-edges edges, checked against NetworkX measure by measure, each
within --nx-budget seconds (the script stops if the two disagree beyond 1e-9 relative); the golden JSON records in
"networkx_cross_check" which measures NetworkX confirmed and which ran out of time. The 1M-node graphs are not run
in NetworkX. Slow runs (the four largest networks with the full NetworkX check take about an hour):

    nice -n 10 timeout 7200 /usr/bin/python3 bench/peers/make_golden.py --update --only power hep-th cond-mat as-22july06 --nx-max-edges 100000
"""

import argparse
import csv
import gzip
import hashlib
import io
import json
import math
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

import graph_tool
import igraph as ig
import networkx as nx
import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.linalg as spla

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
NETWORKS = os.path.abspath(os.path.join(REPO, "..", "shared", "data", "networks"))
GOLDEN = os.path.join(REPO, "tests", "Connective.Graph.Tests", "Golden")

TOOLS = {
    "networkx": nx.__version__,
    "igraph": ig.__version__,
    "graph-tool": graph_tool.__version__.split(" ")[0],
    "numpy": np.__version__,
    "scipy": scipy.__version__,
    "python": sys.version.split(" ")[0],
}

LEIDEN_SEEDS = list(range(10))
PAGERANK_DAMPING = 0.85
# NetworkX is run as a cross-check up to this many edges (--nx-max-edges), each measure within a time budget
# (--nx-budget seconds); the golden JSON records which measures NetworkX confirmed and which ran out of time.
NX_CHECK_MAX_EDGES = 10000
NX_BUDGET_SECONDS = 600
# Sampled nodes for large graphs: fixed seed, so anyone gets the same sample.
SAMPLE_SIZE = 1000
SAMPLE_SEED = 20260101
# Per-node floats are written with 13 significant digits: rounding error 5e-13 relative, far inside every tolerance.
FLOAT_FORMAT = "{:.13g}"

# Generated graphs: `connective graph generate <model> --nodes N --seed S ...` (see --generated).
GENERATED = [
    {"name": "gen-community-10k", "model": "community", "nodes": 10_000, "seed": 42, "extra": [], "full": True},
    {"name": "gen-ba-10k", "model": "barabasi-albert", "nodes": 10_000, "seed": 42, "extra": ["--m", "10"], "full": True},
    {"name": "gen-community-1m", "model": "community", "nodes": 1_000_000, "seed": 42, "extra": [], "full": False, "leiden": True},
    # Leiden goldens on the 1M BA graph are left out by default (10 igraph runs of about a minute each); --leiden-ba adds them.
    {"name": "gen-ba-1m", "model": "barabasi-albert", "nodes": 1_000_000, "seed": 42, "extra": ["--m", "10"], "full": False, "leiden": False},
]


def log(msg):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


# ---------------------------------------------------------------------------------------------------------------
# Reading: the node set of issue 3 section 6.

def read_edgelist(path):
    """Returns (node_ids sorted, edges as (u, v) external-id pairs, directed flag, declared N or None)."""
    declared = None
    directed = False
    edges = []
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            s = line.strip()
            if not s:
                continue
            if s.startswith("#"):
                parts = s[1:].split()
                if len(parts) >= 2 and parts[0] == "nodes":
                    declared = int(parts[1])
                    if "directed" in parts:
                        directed = parts[parts.index("directed") + 1] == "True"
                continue
            a, b = s.split()[:2]
            edges.append((int(a), int(b)))
    ids = set()
    for u, v in edges:
        ids.add(u)
        ids.add(v)
    if declared is not None:
        ids.update(range(declared))
    return sorted(ids), edges, directed, declared


def read_edgelist_fast(path):
    """Large generated files: integer ids only, read with numpy (no Python loop per line)."""
    declared = None
    directed = False
    with open(path, "r", encoding="utf-8") as f:
        header = []
        for line in f:
            if not line.startswith("#"):
                break
            header.append(line)
    for h in header:
        parts = h[1:].split()
        if len(parts) >= 2 and parts[0] == "nodes":
            declared = int(parts[1])
            if "directed" in parts:
                directed = parts[parts.index("directed") + 1] == "True"
    with open(path, "r", encoding="utf-8") as f:
        text = f.read()
    # numpy's C parser: the '#' lines are blanked first (np.loadtxt would take minutes on 10M lines).
    text = re.sub(r"(?m)^#.*$", "", text)
    arr = np.fromstring(text, dtype=np.int64, sep=" ").reshape(-1, 2)
    del text
    n = int(arr.max()) + 1 if arr.size else 0
    if declared is not None:
        n = max(n, declared)
    return n, arr, directed, declared


class Views:
    """The same graph in each tool, on dense indices 0..n-1 that map to the sorted external ids."""

    def __init__(self, ids, index_edges, directed):
        self.ids = ids
        self.n = len(ids)
        self.directed = directed
        raw = ig.Graph(n=self.n, edges=index_edges, directed=directed)
        self.raw_edge_count = raw.ecount()
        self.self_loops = sum(1 for u, v in index_edges if u == v)
        # Simple view keeping direction: repeated arcs merged, self-loops dropped.
        self.g = raw.copy()
        self.g.simplify(multiple=True, loops=True)
        # Undirected simple view.
        if directed:
            self.u = self.g.as_undirected(mode="collapse")
        else:
            self.u = self.g
        self.u.simplify(multiple=True, loops=True)
        self.small = self.u.ecount() <= NX_CHECK_MAX_EDGES

    def nx_undirected(self):
        G = nx.Graph()
        G.add_nodes_from(range(self.n))
        G.add_edges_from(self.u.get_edgelist())
        return G

    def nx_directed_simple(self):
        G = nx.DiGraph() if self.directed else nx.Graph()
        G.add_nodes_from(range(self.n))
        G.add_edges_from(self.g.get_edgelist())
        return G


def check_close(name, a, b, rel=1e-9, abs_=1e-12):
    for i, (x, y) in enumerate(zip(a, b)):
        if x is None or y is None or (isinstance(x, float) and math.isnan(x)) or (isinstance(y, float) and math.isnan(y)):
            if not ((x is None or math.isnan(x)) and (y is None or math.isnan(y))):
                raise SystemExit(f"cross-check {name}: node index {i}: {x} vs {y}")
            continue
        if abs(x - y) > max(abs_, rel * max(abs(x), abs(y))):
            raise SystemExit(f"cross-check {name}: node index {i}: {x!r} vs {y!r}")


# ---------------------------------------------------------------------------------------------------------------
# Measures.

def component_sizes(clustering):
    return sorted((len(c) for c in clustering), reverse=True)


def triangles_per_node(u):
    """Exact triangle counts from igraph's triangle list (small and medium graphs)."""
    t = np.zeros(u.vcount(), dtype=np.int64)
    tri = np.array(u.list_triangles(), dtype=np.int64).reshape(-1, 3)
    for col in range(3):
        np.add.at(t, tri[:, col], 1)
    return t


def triangles_large(u):
    """Per-node triangle counts for large graphs from igraph's local transitivity c = t / (d(d-1)/2): t is an integer
    far below 2^53, so rounding c * d(d-1)/2 recovers it exactly (the total is checked to be a multiple of 3)."""
    deg = np.array(u.degree(), dtype=np.float64)
    c = np.array(u.transitivity_local_undirected(mode="zero"), dtype=np.float64)
    t = np.rint(c * deg * (deg - 1.0) / 2.0).astype(np.int64)
    assert int(t.sum()) % 3 == 0, "per-node triangle counts do not add up to whole triangles"
    return t


def local_clustering(u, tri):
    deg = np.array(u.degree(), dtype=np.float64)
    c = np.zeros(u.vcount())
    mask = deg >= 2
    c[mask] = 2.0 * tri[mask] / (deg[mask] * (deg[mask] - 1.0))
    return c


def pagerank(g):
    return g.pagerank(damping=PAGERANK_DAMPING, directed=g.is_directed(), implementation="prpack")


def eigenvector_scipy(u):
    """Perron vector of the adjacency matrix by SciPy (a second, independent solver for the cross-check)."""
    el = np.array(u.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    n = u.vcount()
    rows = np.concatenate([el[:, 0], el[:, 1]])
    cols = np.concatenate([el[:, 1], el[:, 0]])
    a = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    if n < 400:
        w, v = np.linalg.eigh(a.toarray())
        x = v[:, -1]
    else:
        w, v = spla.eigsh(a, k=1, which="LA", tol=0)
        x = v[:, 0]
    x = x / np.linalg.norm(x)
    if x.sum() < 0:
        x = -x
    return x


def eigenvector_reference(u, name):
    """igraph eigenvector_centrality(scale=False) scaled to unit L2 norm, positive, on the undirected simple view:
    on the whole graph when it is connected, otherwise on its largest component (the measure is defined on
    connected graphs, issue 3 section 6). Returns (values over all nodes, None outside the scope, scope) or
    (None, reason) when undefined. Callers pass only undirected graphs' views (directed graphs have no golden). Checked against SciPy's eigsh on the same (sub)graph to 1e-12 absolute."""
    n = u.vcount()
    if u.is_directed() or n < 2:
        return None, "undefined (directed or fewer than 2 nodes)"
    comps = u.connected_components()
    sizes = comps.sizes()
    largest = max(sizes)
    if sizes.count(largest) > 1:
        return None, "undefined (no single largest component)"
    if largest < 2:
        return None, "undefined (no edges)"
    which = sizes.index(largest)
    members = [i for i, c in enumerate(comps.membership) if c == which]
    sub = u.induced_subgraph(members) if largest < n else u
    x = np.array(sub.eigenvector_centrality(directed=False, scale=False), dtype=np.float64)
    x = x / np.linalg.norm(x)
    if x.sum() < 0:
        x = -x
    y = eigenvector_scipy(sub)
    worst = float(np.abs(x - y).max())
    if worst > 1e-12:
        raise SystemExit(f"cross-check eigenvector ({name}): igraph and SciPy differ by {worst}")
    values = [None] * n
    for i, node in enumerate(members):
        values[node] = float(x[i])
    return values, ("graph" if largest == n else "largest_component")


def reach_sizes(g, order, vertices=None):
    return [s - 1 for s in g.neighborhood_size(vertices=vertices, order=order, mode="out")]


def closeness_nx_def(g, mode, vertices=None):
    """NetworkX closeness_centrality(wf_improved=True) from igraph: ((r-1)/(n-1)) * ((r-1)/sum d), r reachable
    including the node. mode "in" = distances to the node (NetworkX's choice on directed graphs)."""
    n = g.vcount()
    vs = range(n) if vertices is None else vertices
    raw = g.closeness(vertices=vs, mode=mode, normalized=False)
    if g.is_directed():
        reach = [s for s in g.neighborhood_size(vertices=vs, order=n, mode=mode)]
    else:
        memb = g.connected_components().membership
        sizes = np.bincount(memb)
        reach = [int(sizes[memb[v]]) for v in vs]
    out = []
    for c, r in zip(raw, reach):
        if r <= 1 or c is None or (isinstance(c, float) and math.isnan(c)) or n <= 1:
            out.append(0.0)
        else:
            total = 1.0 / c  # igraph: 1 / sum of distances to reached nodes
            out.append(((r - 1) / (n - 1)) * ((r - 1) / total))
    return out


def harmonic(g, mode):
    return g.harmonic_centrality(mode=mode, normalized=False)


def constraint_nx_def(u):
    c = u.constraint()
    deg = u.degree()
    return [float("nan") if d == 0 else x for x, d in zip(c, deg)]


def effective_size_nx_def(u, tri):
    deg = u.degree()
    return [float("nan") if d == 0 else d - 2.0 * t / d for d, t in zip(deg, tri)]


def leiden_runs(u):
    runs = []
    for seed in LEIDEN_SEEDS:
        random.seed(seed)
        part = u.community_leiden(objective_function="modularity", n_iterations=-1)
        runs.append(u.modularity(part.membership))
    return runs


def louvain_runs(u):
    """igraph community_multilevel (Louvain), the reference for Connective's Louvain, seeded like Leiden."""
    runs = []
    for seed in LEIDEN_SEEDS:
        random.seed(seed)
        part = u.community_multilevel()
        runs.append(u.modularity(part.membership))
    return runs


def sha256_int32(values):
    return hashlib.sha256(np.asarray(values, dtype="<i4").tobytes()).hexdigest()


# ---------------------------------------------------------------------------------------------------------------
# NetworkX cross-checks (small graphs): stop the script when the tools disagree.

class OverBudget(Exception):
    pass


def _alarm(signum, frame):
    raise OverBudget()


def timed_check(report, measure, budget, fn):
    """Runs one NetworkX cross-check under a wall-clock budget (SIGALRM interrupts NetworkX's pure-Python loops) and
    records in `report` whether it agreed (with its time) or ran out of time. A disagreement stops the script."""
    t0 = time.time()
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(max(1, int(budget)))
    try:
        fn()
        report[measure] = f"agrees ({time.time() - t0:.1f} s)"
    except OverBudget:
        report[measure] = f"not checked: NetworkX over the {int(budget)} s budget"
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    log(f"  NetworkX {measure}: {report[measure]}")


def cross_check(v, cols, bridges_idx, art, avg, trans, budget):
    """Every measure again in NetworkX on the same node set. Returns {measure: result}; stops the script when the
    two tools disagree."""
    G = v.nx_undirected()
    D = v.nx_directed_simple()
    n = v.n
    report = {}

    def cores():
        core = nx.core_number(G)
        assert [core[i] for i in range(n)] == list(cols["core"]), "core numbers: igraph and NetworkX differ"

    def triangles_and_clustering():
        tri = nx.triangles(G)
        assert [tri[i] for i in range(n)] == list(cols["triangles"]), "triangles differ"
        cl = nx.clustering(G)
        check_close("clustering", [cl[i] for i in range(n)], cols["clustering"])
        check_close("average clustering", [avg], [nx.average_clustering(G)])
        trans_nx = nx.transitivity(G)
        check_close("transitivity", [trans], [trans_nx if trans_nx else 0.0])

    def pagerank_nx():
        pr = nx.pagerank(D, alpha=PAGERANK_DAMPING, tol=1e-15, max_iter=10000)
        check_close("pagerank (NetworkX at tol 1e-15)", [pr[i] for i in range(n)], cols["pagerank"], rel=1e-7, abs_=1e-10)

    def eigenvector_nx():
        scope = [i for i in range(n) if cols["eigenvector"][i] is not None]
        ev = nx.eigenvector_centrality_numpy(G.subgraph(scope))
        check_close("eigenvector", [ev[i] for i in scope], [cols["eigenvector"][i] for i in scope], rel=1e-7, abs_=1e-10)

    def cuts():
        br = sorted(tuple(sorted(e)) for e in nx.bridges(G))
        assert br == bridges_idx, "bridges differ"
        assert sorted(nx.articulation_points(G)) == sorted(art), "articulation points differ"

    def brokerage():
        con = nx.constraint(G)
        check_close("constraint", [con[i] for i in range(n)], cols["constraint"])
        es = nx.effective_size(G)
        check_close("effective_size", [es[i] for i in range(n)], cols["effective_size"])

    def reach():
        for i in range(n):
            lengths = nx.single_source_shortest_path_length(D, i, cutoff=3)
            counts = [0, 0, 0, 0]
            for d in lengths.values():
                counts[d] += 1
            for k in (1, 2, 3):
                if sum(counts[1:k + 1]) != cols[f"reach{k}"][i]:
                    raise SystemExit(f"cross-check reach{k}: node index {i}")

    def closeness():
        cc = nx.closeness_centrality(D, wf_improved=True)
        check_close("closeness", [cc[i] for i in range(n)], cols["closeness"])
        if v.directed:
            cco = nx.closeness_centrality(D.reverse(copy=True), wf_improved=True)
            check_close("closeness_out", [cco[i] for i in range(n)], cols["closeness_out"])

    def harmonic_nx():
        hc = nx.harmonic_centrality(D)
        check_close("harmonic", [hc[i] for i in range(n)], cols["harmonic"])
        if v.directed:
            hco = nx.harmonic_centrality(D.reverse(copy=True))
            check_close("harmonic_out", [hco[i] for i in range(n)], cols["harmonic_out"])

    def betweenness():
        bt = nx.betweenness_centrality(D, normalized=False)
        check_close("betweenness", [bt[i] for i in range(n)], cols["betweenness"], abs_=1e-9)

    # Cheap measures first, so a budget overrun costs only the all-pairs ones.
    checks = [("core", cores), ("triangles, clustering, average clustering, transitivity", triangles_and_clustering),
              ("pagerank", pagerank_nx)]
    if cols.get("eigenvector") is not None:
        checks.append(("eigenvector", eigenvector_nx))
    checks += [("bridges, articulation points", cuts), ("constraint, effective size", brokerage),
               ("reach 1-3", reach), ("closeness", closeness), ("harmonic", harmonic_nx), ("betweenness", betweenness)]
    for measure, fn in checks:
        timed_check(report, measure, budget, fn)
    return report


# ---------------------------------------------------------------------------------------------------------------
# Writing.

def fmt(x):
    if x is None:
        return ""
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    x = float(x)
    if math.isnan(x):
        return ""
    return FLOAT_FORMAT.format(x)


def write_nodes_csv(path, ids, cols, order):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id"] + order)
    for i, ext in enumerate(ids):
        w.writerow([ext] + [fmt(cols[c][i]) for c in order])
    data = buf.getvalue().encode("utf-8")
    # mtime=0 keeps the file byte-identical between runs.
    with open(path, "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as gz:
            gz.write(data)


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, separators=(",", ":"), sort_keys=False)
        f.write("\n")


DEFINITIONS = (
    "issue 3 section 6; see bench/peers/make_golden.py docstring: simple views, PageRank PRPACK d=0.85, "
    "betweenness unnormalised, closeness NetworkX wf_improved=True (directed: distances to the node; *_out: from), "
    "reach = igraph neighborhood_size(order=k, mode=out)-1, Leiden median of 10 igraph runs seeds 0..9"
)


# ---------------------------------------------------------------------------------------------------------------
# Full golden set (real networks and 10k generated graphs).

def golden_full(name, source, ids, edges_ext, directed, declared):
    t0 = time.time()
    index = {x: i for i, x in enumerate(ids)}
    index_edges = [(index[a], index[b]) for a, b in edges_ext]
    v = Views(ids, index_edges, directed)
    u, g, n = v.u, v.g, v.n
    cols = {}
    cols["degree"] = u.degree()
    if directed:
        cols["out_degree"] = g.outdegree()
        cols["in_degree"] = g.indegree()
    cols["core"] = u.coreness()
    tri = triangles_per_node(u)
    cols["triangles"] = tri
    cols["clustering"] = local_clustering(u, tri)
    check_close("clustering vs igraph", cols["clustering"], u.transitivity_local_undirected(mode="zero"))
    cols["pagerank"] = pagerank(g)
    ev, ev_scope = eigenvector_reference(u, name) if not directed else (None, "undefined (directed graph)")
    cols["eigenvector"] = ev
    log(f"{name}: cores, triangles, clustering, PageRank")
    cols["betweenness"] = g.betweenness(directed=directed)
    log(f"{name}: betweenness")
    cols["closeness"] = closeness_nx_def(g, "in" if directed else "all")
    cols["harmonic"] = harmonic(g, "in" if directed else "all")
    if directed:
        cols["closeness_out"] = closeness_nx_def(g, "out")
        cols["harmonic_out"] = harmonic(g, "out")
    for k in (1, 2, 3):
        cols[f"reach{k}"] = reach_sizes(g, k)
    log(f"{name}: closeness, harmonic, reach")
    cols["constraint"] = constraint_nx_def(u)
    cols["effective_size"] = effective_size_nx_def(u, tri)
    art = set(u.articulation_points())
    cols["articulation"] = [1 if i in art else 0 for i in range(n)]
    bridges_idx = sorted(tuple(sorted(u.es[e].tuple)) for e in u.bridges())
    avg = float(np.mean(cols["clustering"])) if n else 0.0
    trans = u.transitivity_undirected()
    if v.small:
        networkx_report = cross_check(v, cols, bridges_idx, art, avg, trans if not math.isnan(trans) else 0.0, NX_BUDGET_SECONDS)
        checked = "networkx" if all(r.startswith("agrees") for r in networkx_report.values()) else "networkx (partly, see networkx_cross_check)"
    else:
        networkx_report = None
        checked = "none (over --nx-max-edges edges, or --no-cross-check)"
    leiden = leiden_runs(u)
    louvain = louvain_runs(u)
    order = ["degree"] + (["out_degree", "in_degree"] if directed else []) + [
        "core", "triangles", "clustering", "pagerank"] + (["eigenvector"] if ev is not None else []) + [
        "betweenness", "closeness", "harmonic"] + (["closeness_out", "harmonic_out"] if directed else []) + [
        "reach1", "reach2", "reach3", "constraint", "effective_size", "articulation"]
    nodes_file = f"{name}.nodes.csv.gz"
    write_nodes_csv(os.path.join(GOLDEN, nodes_file), ids, cols, order)
    obj = {
        "graph": name,
        "source": source,
        "tools": TOOLS,
        "definitions": DEFINITIONS,
        "cross_checked_with": checked,
        "networkx_cross_check": networkx_report,
        "directed": directed,
        "declared_nodes": declared,
        "nodes": n,
        "edge_lines": v.raw_edge_count,
        "self_loops": v.self_loops,
        "edges_simple_undirected": u.ecount(),
        "arcs_simple": g.ecount() if directed else None,
        "weak_components": component_sizes(g.connected_components(mode="weak")),
        "strong_components": component_sizes(g.connected_components(mode="strong")) if directed else None,
        "max_core": int(max(cols["core"])) if n else 0,
        "triangles_total": int(tri.sum() // 3),
        "average_clustering": avg,
        "transitivity": trans if not math.isnan(trans) else 0.0,
        "connected": bool(u.is_connected()),
        "eigenvector_available": ev is not None,
        "eigenvector_scope": ev_scope,
        "bridges": [[ids[a], ids[b]] for a, b in bridges_idx],
        "articulation_points": sorted(ids[i] for i in art),
        "leiden_modularity_runs": leiden,
        "leiden_modularity_median": statistics.median(leiden),
        "louvain_modularity_runs": louvain,
        "louvain_modularity_median": statistics.median(louvain),
        "per_node_file": nodes_file,
        "per_node_columns": order,
        "per_node_float_format": FLOAT_FORMAT,
    }
    write_json(os.path.join(GOLDEN, f"{name}.json"), obj)
    log(f"{name}: n={n} m={u.ecount()} done in {time.time() - t0:.1f}s (cross-check: {checked})")


# ---------------------------------------------------------------------------------------------------------------
# Updating committed golden files without recomputing them (--update): the igraph all-pairs kernels and 10 Leiden
# runs take long on the larger networks, while eigenvector centrality and the NetworkX cross-check need only the graph.

def read_nodes_csv(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def update_existing(name, source, ids, edges_ext, directed):
    """Recomputes the eigenvector column (igraph, see eigenvector_reference) of a committed golden file and, up to
    --nx-max-edges edges, cross-checks the committed per-node values and cuts with NetworkX; other values are kept."""
    t0 = time.time()
    json_path = os.path.join(GOLDEN, f"{name}.json")
    with open(json_path, encoding="utf-8") as f:
        obj = json.load(f)
    nodes_path = os.path.join(GOLDEN, obj["per_node_file"])
    header, rows = read_nodes_csv(nodes_path)
    assert [int(r[0]) for r in rows] == list(ids), f"{name}: committed per-node rows are not the graph's node set"
    index = {x: i for i, x in enumerate(ids)}
    v = Views(ids, [(index[a], index[b]) for a, b in edges_ext], directed)
    ev, ev_scope = eigenvector_reference(v.u, name) if not directed else (None, "undefined (directed graph)")
    order = [c for c in header[1:] if c != "eigenvector"]
    cols = {}
    for c in order:
        k = header.index(c)
        cols[c] = [None if r[k] == "" else (int(r[k]) if re.fullmatch(r"-?[0-9]+", r[k]) else float(r[k])) for r in rows]
    if ev is not None:
        cols["eigenvector"] = ev
        order.insert(order.index("pagerank") + 1, "eigenvector")
    log(f"{name}: eigenvector ({ev_scope})")
    if v.small:
        bridges_idx = sorted(tuple(sorted((index[a], index[b]))) for a, b in obj["bridges"])
        art = {index[x] for x in obj["articulation_points"]}
        floats = {c: [float("nan") if x is None else x for x in cols[c]] for c in ("constraint", "effective_size")}
        report = cross_check(v, {**cols, **floats}, bridges_idx, art, obj["average_clustering"], obj["transitivity"], NX_BUDGET_SECONDS)
        obj["networkx_cross_check"] = report
        obj["cross_checked_with"] = "networkx" if all(r.startswith("agrees") for r in report.values()) else "networkx (partly, see networkx_cross_check)"
    write_nodes_csv(nodes_path, ids, cols, order)
    obj["tools"] = TOOLS
    obj["eigenvector_available"] = ev is not None
    obj["eigenvector_scope"] = ev_scope
    obj["per_node_columns"] = order
    write_json(json_path, obj)
    log(f"{name}: updated in {time.time() - t0:.1f}s (cross-check: {obj.get('cross_checked_with')})")


# ---------------------------------------------------------------------------------------------------------------
# Aggregates for 1M-node generated graphs.

def golden_aggregate(name, source, path, leiden=True):
    t0 = time.time()
    n, arr, directed, declared = read_edgelist_fast(path)
    edge_lines = len(arr)
    self_loops = int(np.count_nonzero(arr[:, 0] == arr[:, 1]))
    log(f"{name}: read {edge_lines} edge lines, n={n}")
    # igraph's own C reader on a copy without the '#' header lines (a Python list of 10M pairs would need gigabytes).
    del arr
    stripped = path + ".noheader"
    with open(path, "r", encoding="utf-8") as src, open(stripped, "w", encoding="utf-8") as dst:
        for line in src:
            if not line.startswith("#"):
                dst.write(line)
    raw = ig.Graph.Read_Edgelist(stripped, directed=directed)
    os.remove(stripped)
    if raw.vcount() < n:
        raw.add_vertices(n - raw.vcount())
    assert raw.ecount() == edge_lines
    g = raw
    g.simplify(multiple=True, loops=True)
    u = g.as_undirected(mode="collapse") if directed else g
    log(f"{name}: simple m={u.ecount()}")
    deg = np.array(u.degree(), dtype=np.int64)
    core = np.array(u.coreness(), dtype=np.int64)
    log(f"{name}: cores")
    tri = triangles_large(u)
    log(f"{name}: triangles")
    clustering = local_clustering(u, tri)
    pr = pagerank(g)
    log(f"{name}: pagerank")
    ev, ev_scope = eigenvector_reference(u, name) if not directed else (None, "undefined (directed graph)")
    log(f"{name}: eigenvector ({ev_scope})")
    rng = random.Random(SAMPLE_SEED)
    sample = sorted(rng.sample(range(n), SAMPLE_SIZE))
    reach = {k: reach_sizes(g, k, vertices=sample) for k in (1, 2, 3)}
    log(f"{name}: reach")
    cols = {
        "degree": [int(deg[i]) for i in sample],
        "core": [int(core[i]) for i in sample],
        "triangles": [int(tri[i]) for i in sample],
        "clustering": [float(clustering[i]) for i in sample],
        "pagerank": [float(pr[i]) for i in sample],
    }
    if ev is not None:
        cols["eigenvector"] = [ev[i] for i in sample]
    cols.update({"reach1": reach[1], "reach2": reach[2], "reach3": reach[3]})
    order = list(cols)
    nodes_file = f"{name}.nodes.csv.gz"
    write_nodes_csv(os.path.join(GOLDEN, nodes_file), sample, cols, order)
    hist = np.bincount(core)
    obj = {
        "graph": name,
        "source": source,
        "tools": TOOLS,
        "definitions": DEFINITIONS,
        "cross_checked_with": "eigenvector: SciPy eigsh; triangle total: multiple of 3 (NetworkX is not run on 1M-node graphs)",
        "directed": directed,
        "declared_nodes": declared,
        "nodes": n,
        "edge_lines": edge_lines,
        "self_loops": self_loops,
        "edges_simple_undirected": u.ecount(),
        "weak_components": component_sizes(g.connected_components(mode="weak")),
        "max_core": int(core.max()),
        "core_histogram": [int(x) for x in hist],
        "triangles_total": int(tri.sum() // 3),
        "average_clustering": float(clustering.mean()),
        "transitivity": u.transitivity_undirected(),
        "eigenvector_available": ev is not None,
        "eigenvector_scope": ev_scope,
        "hashes": {
            "encoding": "SHA-256 of the vector as little-endian int32 in node-id order",
            "degree": sha256_int32(deg),
            "core": sha256_int32(core),
            "triangles": sha256_int32(tri),
        },
        "sample": {"size": SAMPLE_SIZE, "seed": SAMPLE_SEED, "method": "Python random.Random(seed).sample(range(n), size), sorted"},
        "per_node_file": nodes_file,
        "per_node_columns": order,
        "per_node_float_format": FLOAT_FORMAT,
        "seconds_before_leiden": round(time.time() - t0, 1),
    }
    # Written before Leiden too, so the slow part (10 Leiden runs on a million nodes) cannot lose the rest.
    write_json(os.path.join(GOLDEN, f"{name}.json"), obj)
    log(f"{name}: aggregates written")
    if leiden:
        runs, seconds = [], []
        for seed in LEIDEN_SEEDS:
            t1 = time.time()
            random.seed(seed)
            part = u.community_leiden(objective_function="modularity", n_iterations=-1)
            runs.append(u.modularity(part.membership))
            seconds.append(round(time.time() - t1, 1))
            log(f"{name}: Leiden seed {seed}: Q={runs[-1]:.6f} in {seconds[-1]} s")
            obj["leiden_modularity_runs"] = runs
            obj["leiden_seconds_per_run"] = seconds
            # After every run, so an interrupted job still leaves the runs it finished (the median needs all 10).
            if len(runs) == len(LEIDEN_SEEDS):
                obj["leiden_modularity_median"] = statistics.median(runs)
            write_json(os.path.join(GOLDEN, f"{name}.json"), obj)
    log(f"{name}: done in {time.time() - t0:.1f}s")


def generate(spec, cli, folder):
    path = os.path.join(folder, spec["name"] + ".edgelist")
    cmd = cli + ["graph", "generate", spec["model"], "--nodes", str(spec["nodes"]), "--seed", str(spec["seed"])] + spec["extra"] + ["--output", path]
    log("running: " + " ".join(cmd))
    subprocess.run(cmd, check=True, cwd=REPO)
    return path, "connective " + " ".join(cmd[len(cli):-2])


def main():
    global NX_CHECK_MAX_EDGES, NX_BUDGET_SECONDS
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", help="graph names (file stem or generated name) to compute")
    ap.add_argument("--generated", action="store_true", help="also compute the generated graphs (needs the CLI)")
    ap.add_argument("--no-networks", action="store_true", help="skip ../shared/data/networks")
    ap.add_argument("--no-cross-check", action="store_true", help="skip the NetworkX cross-checks (igraph values only)")
    ap.add_argument("--leiden-ba", action="store_true", help="also run the 10 Leiden runs on the 1M Barabasi-Albert graph")
    ap.add_argument("--cli", default="dotnet run -c Release --project src/Connective.Cli --",
                    help="command that runs `connective`")
    ap.add_argument("--update", action="store_true",
                    help="networks: keep the committed values, recompute only eigenvector centrality and run the NetworkX cross-check")
    ap.add_argument("--nx-max-edges", type=int, default=NX_CHECK_MAX_EDGES, help="cross-check with NetworkX up to this many edges")
    ap.add_argument("--nx-budget", type=int, default=NX_BUDGET_SECONDS, help="seconds NetworkX may spend on each measure")
    args = ap.parse_args()
    NX_CHECK_MAX_EDGES = -1 if args.no_cross_check else args.nx_max_edges
    NX_BUDGET_SECONDS = args.nx_budget
    os.makedirs(GOLDEN, exist_ok=True)
    if not args.no_networks:
        for fn in sorted(os.listdir(NETWORKS)):
            if not fn.endswith(".edgelist"):
                continue
            name = fn[: -len(".edgelist")]
            if args.only and name not in args.only:
                continue
            ids, edges, directed, declared = read_edgelist(os.path.join(NETWORKS, fn))
            if args.update:
                update_existing(name, f"../shared/data/networks/{fn}", ids, edges, directed)
            else:
                golden_full(name, f"../shared/data/networks/{fn}", ids, edges, directed, declared)
    if args.generated:
        folder = tempfile.mkdtemp(prefix="connective-golden-")
        try:
            for spec in GENERATED:
                if args.only and spec["name"] not in args.only:
                    continue
                path, source = generate(spec, args.cli.split(), folder)
                if spec["full"]:
                    ids, edges, directed, declared = read_edgelist(path)
                    golden_full(spec["name"], source, ids, edges, directed, declared)
                else:
                    golden_aggregate(spec["name"], source, path, leiden=spec["leiden"] or args.leiden_ba)
                os.remove(path)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
