#!/usr/bin/python3
"""Golden values for Connective.Graph, computed by the reference tools (issue 3, section 6).

Run with Debian's Python, which has the reference tools installed:

    /usr/bin/python3 bench/peers/make_golden.py                 # every file in ../shared/data/networks
    /usr/bin/python3 bench/peers/make_golden.py --only karate   # one graph
    /usr/bin/python3 bench/peers/make_golden.py --generated     # also the generated 10k and 1M graphs

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
  * eigenvector centrality: unit L2 norm, positive, only on connected undirected graphs;
  * betweenness: unnormalised, unordered pairs once on undirected graphs (igraph betweenness());
  * closeness: NetworkX closeness_centrality(wf_improved=True); harmonic: NetworkX harmonic_centrality.
    On directed graphs NetworkX uses distances TO the node; the *_out columns use distances FROM the node;
  * reach within k: igraph neighborhood_size(order=k, mode="out") - 1;
  * Burt's constraint and effective size: NetworkX definitions on the undirected simple view (empty = undefined,
    i.e. isolated nodes);
  * Leiden: igraph community_leiden(objective_function="modularity", n_iterations=-1), seeds 0..9 via
    random.seed(seed), modularity of each run by igraph modularity(); the golden value is the median.
Measures are computed by igraph and, where NetworkX finishes quickly, checked against NetworkX (the script stops
if the two disagree beyond 1e-9 relative), so each golden value is confirmed by two tools where that is affordable.
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
# NetworkX is run as a cross-check only where it finishes in seconds.
NX_CHECK_MAX_EDGES = 10000
# Sampled nodes for large graphs: fixed seed, so anyone gets the same sample.
SAMPLE_SIZE = 1000
SAMPLE_SEED = 20260101
# Per-node floats are written with 13 significant digits: rounding error 5e-13 relative, far inside every tolerance.
FLOAT_FORMAT = "{:.13g}"

# Generated graphs: `connective graph generate <model> --nodes N --seed S ...` (see --generated).
GENERATED = [
    {"name": "gen-community-10k", "model": "community", "nodes": 10_000, "seed": 42, "extra": [], "full": True},
    {"name": "gen-ba-10k", "model": "barabasi-albert", "nodes": 10_000, "seed": 42, "extra": ["--m", "10"], "full": True},
    {"name": "gen-community-1m", "model": "community", "nodes": 1_000_000, "seed": 42, "extra": [], "full": False},
    {"name": "gen-ba-1m", "model": "barabasi-albert", "nodes": 1_000_000, "seed": 42, "extra": ["--m", "10"], "full": False},
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


def eigenvector_unit(u):
    """Perron vector of the adjacency matrix, unit L2 norm, positive; None unless connected and undirected."""
    if u.is_directed() or u.vcount() < 2 or not u.is_connected():
        return None
    el = np.array(u.get_edgelist(), dtype=np.int64)
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


def sha256_int32(values):
    return hashlib.sha256(np.asarray(values, dtype="<i4").tobytes()).hexdigest()


# ---------------------------------------------------------------------------------------------------------------
# NetworkX cross-checks (small graphs): stop the script when the tools disagree.

def cross_check(v, cols):
    G = v.nx_undirected()
    D = v.nx_directed_simple()
    n = v.n
    core = nx.core_number(G)
    assert [core[i] for i in range(n)] == list(cols["core"]), "core numbers: igraph and NetworkX differ"
    tri = nx.triangles(G)
    assert [tri[i] for i in range(n)] == list(cols["triangles"]), "triangles differ"
    cl = nx.clustering(G)
    check_close("clustering", [cl[i] for i in range(n)], cols["clustering"])
    bt = nx.betweenness_centrality(D, normalized=False)
    check_close("betweenness", [bt[i] for i in range(n)], cols["betweenness"], abs_=1e-9)
    cc = nx.closeness_centrality(D, wf_improved=True)
    check_close("closeness", [cc[i] for i in range(n)], cols["closeness"])
    hc = nx.harmonic_centrality(D)
    check_close("harmonic", [hc[i] for i in range(n)], cols["harmonic"])
    if v.directed:
        R = D.reverse(copy=True)
        cco = nx.closeness_centrality(R, wf_improved=True)
        check_close("closeness_out", [cco[i] for i in range(n)], cols["closeness_out"])
        hco = nx.harmonic_centrality(R)
        check_close("harmonic_out", [hco[i] for i in range(n)], cols["harmonic_out"])
    con = nx.constraint(G)
    check_close("constraint", [con[i] for i in range(n)], cols["constraint"])
    es = nx.effective_size(G)
    check_close("effective_size", [es[i] for i in range(n)], cols["effective_size"])
    pr = nx.pagerank(D, alpha=PAGERANK_DAMPING, tol=1e-15, max_iter=10000)
    check_close("pagerank (NetworkX at tol 1e-15)", [pr[i] for i in range(n)], cols["pagerank"], rel=1e-7, abs_=1e-10)
    if cols.get("eigenvector") is not None:
        ev = nx.eigenvector_centrality_numpy(G)
        check_close("eigenvector", [ev[i] for i in range(n)], cols["eigenvector"], rel=1e-7, abs_=1e-10)
    for k in (1, 2, 3):
        for i in range(n):
            lengths = nx.single_source_shortest_path_length(D, i, cutoff=k)
            if len(lengths) - 1 != cols[f"reach{k}"][i]:
                raise SystemExit(f"cross-check reach{k}: node index {i}")
    br = sorted(tuple(sorted(e)) for e in nx.bridges(G))
    ap = sorted(nx.articulation_points(G))
    avg = nx.average_clustering(G)
    trans = nx.transitivity(G)
    return br, ap, avg, trans


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
    ev = eigenvector_unit(u) if not directed else None
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
        br, ap, avg_nx, trans_nx = cross_check(v, cols)
        assert br == bridges_idx, "bridges differ"
        assert ap == sorted(art), "articulation points differ"
        check_close("average clustering", [avg], [avg_nx])
        check_close("transitivity", [trans], [trans_nx if trans_nx else 0.0])
        avg = avg_nx
        checked = "networkx"
    else:
        checked = "none (over NX_CHECK_MAX_EDGES edges, or --no-cross-check)"
    leiden = leiden_runs(u)
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
        "bridges": [[ids[a], ids[b]] for a, b in bridges_idx],
        "articulation_points": sorted(ids[i] for i in art),
        "leiden_modularity_runs": leiden,
        "leiden_modularity_median": statistics.median(leiden),
        "per_node_file": nodes_file,
        "per_node_columns": order,
        "per_node_float_format": FLOAT_FORMAT,
    }
    write_json(os.path.join(GOLDEN, f"{name}.json"), obj)
    log(f"{name}: n={n} m={u.ecount()} done in {time.time() - t0:.1f}s (cross-check: {checked})")


# ---------------------------------------------------------------------------------------------------------------
# Aggregates for 1M-node generated graphs.

def golden_aggregate(name, source, path):
    t0 = time.time()
    n, arr, directed, declared = read_edgelist_fast(path)
    log(f"{name}: read {len(arr)} edge lines, n={n}")
    raw = ig.Graph(n=n, edges=arr.tolist(), directed=directed)
    self_loops = int(np.count_nonzero(arr[:, 0] == arr[:, 1]))
    edge_lines = raw.ecount()
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
        "reach1": reach[1],
        "reach2": reach[2],
        "reach3": reach[3],
    }
    order = list(cols)
    nodes_file = f"{name}.nodes.csv.gz"
    write_nodes_csv(os.path.join(GOLDEN, nodes_file), sample, cols, order)
    hist = np.bincount(core)
    obj = {
        "graph": name,
        "source": source,
        "tools": TOOLS,
        "definitions": DEFINITIONS,
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
    }
    # Written before Leiden too, so the slow part (10 Leiden runs on a million nodes) cannot lose the rest.
    write_json(os.path.join(GOLDEN, f"{name}.json"), obj)
    log(f"{name}: aggregates written")
    leiden = leiden_runs(u)
    obj["leiden_modularity_runs"] = leiden
    obj["leiden_modularity_median"] = statistics.median(leiden)
    write_json(os.path.join(GOLDEN, f"{name}.json"), obj)
    log(f"{name}: done in {time.time() - t0:.1f}s")


def generate(spec, cli, folder):
    path = os.path.join(folder, spec["name"] + ".edgelist")
    cmd = cli + ["graph", "generate", spec["model"], "--nodes", str(spec["nodes"]), "--seed", str(spec["seed"])] + spec["extra"] + ["--output", path]
    log("running: " + " ".join(cmd))
    subprocess.run(cmd, check=True, cwd=REPO)
    return path, "connective " + " ".join(cmd[len(cli):-2])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", help="graph names (file stem or generated name) to compute")
    ap.add_argument("--generated", action="store_true", help="also compute the generated graphs (needs the CLI)")
    ap.add_argument("--no-networks", action="store_true", help="skip ../shared/data/networks")
    ap.add_argument("--no-cross-check", action="store_true", help="skip the NetworkX cross-checks (igraph values only)")
    ap.add_argument("--cli", default="dotnet run -c Release --project src/Connective.Cli --",
                    help="command that runs `connective`")
    args = ap.parse_args()
    if args.no_cross_check:
        global NX_CHECK_MAX_EDGES
        NX_CHECK_MAX_EDGES = -1
    os.makedirs(GOLDEN, exist_ok=True)
    if not args.no_networks:
        for fn in sorted(os.listdir(NETWORKS)):
            if not fn.endswith(".edgelist"):
                continue
            name = fn[: -len(".edgelist")]
            if args.only and name not in args.only:
                continue
            ids, edges, directed, declared = read_edgelist(os.path.join(NETWORKS, fn))
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
                    golden_aggregate(spec["name"], source, path)
                os.remove(path)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
