#!/usr/bin/python3
"""One peer, one graph, one kernel, in its own process: bench/peers/compare runs this under /usr/bin/time.

    /usr/bin/python3 bench/peers/peer_worker.py --tool igraph --file F --kernel pagerank --repeat 3 [--sources S]

Loads F (timed as the `load` kernel), builds the undirected simple view outside the timings (repeated edges merged,
self-loops dropped: issue 3 section 6), runs the kernel --repeat times and prints one JSON line:
{"tool", "kernel", "seconds": [...], "median_seconds", "result"}. The parameters are the ones every side uses:
PageRank damping 0.85 to an L1 change below 1e-10 (igraph: PRPACK, a direct solver); clustering = local clustering of
every node; reach3 = exact count of nodes within 3 steps of each sampled source; betweenness = exact, unnormalised;
leiden = igraph community_leiden(objective_function="modularity", n_iterations=-1); louvain = igraph
community_multilevel / NetworkX louvain_communities(seed=1). graph-tool runs on 1 thread (OMP_NUM_THREADS=1).
A first run shorter than 1 s is an uncounted warm-up (the same rule as `connective graph bench`).
A run longer than --run-timeout seconds is stopped (prints {"timed_out": T}); runs stop repeating once they took
--repeat-budget seconds, so a slow kernel is timed once.
"""

import argparse
import json
import os
import re
import signal
import statistics
import sys
import time

# A first run shorter than this many seconds is an uncounted warm-up on every side (first-touch page faults, lazy
# imports; Connective's JIT compilation): the same rule as `connective graph bench`.
WARM_UP_LIMIT = 1.0

KERNELS = ["load", "components", "kcore", "pagerank", "clustering", "reach3", "betweenness", "leiden", "louvain"]


class RunTimedOut(Exception):
    pass


def _over_time(signum, frame):
    raise RunTimedOut()


def declared_nodes(path):
    with open(path, "r", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                return None
            parts = line[1:].split()
            if len(parts) >= 2 and parts[0] == "nodes":
                return int(parts[1])
    return None


def read_sources(path):
    with open(path, "r", encoding="utf-8") as f:
        return [int(x) for x in f.read().split()]


# --- igraph -------------------------------------------------------------------------------------------------------

def igraph_load(path, stripped):
    import igraph as ig
    # igraph's edge-list reader rejects '#' lines (issue 3 section 6), so it reads a copy without them.
    g = ig.Graph.Read_Edgelist(stripped, directed=False)
    n = declared_nodes(path)
    if n is not None and g.vcount() < n:
        g.add_vertices(n - g.vcount())
    return g


def igraph_kernels(g, sources):
    import random

    def seeded(community_method):
        # igraph draws from Python's `random`; seeding it before every run makes each repeat the same work, as
        # Connective's bench does with its fixed --seed 1, instead of a different random run each time.
        random.seed(1)
        return g.modularity(community_method().membership)

    return {
        "components": lambda: len(g.connected_components()),
        "kcore": lambda: max(g.coreness()),
        "pagerank": lambda: max(g.pagerank(damping=0.85, implementation="prpack")),
        "clustering": lambda: sum(g.transitivity_local_undirected(mode="zero")),
        "reach3": lambda: sum(g.neighborhood_size(vertices=sources, order=3)) - len(sources),
        "betweenness": lambda: max(g.betweenness()),
        "leiden": lambda: seeded(lambda: g.community_leiden(objective_function="modularity", n_iterations=-1)),
        "louvain": lambda: seeded(g.community_multilevel),
    }


# --- graph-tool ---------------------------------------------------------------------------------------------------

def graphtool_load(path):
    import numpy as np
    import graph_tool as gt
    # graph-tool's load_graph_from_csv parses row by row in Python; numpy's C parser plus add_edge_list is its fast path.
    with open(path, "r", encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"(?m)^#.*$", "", text)
    arr = np.fromstring(text, dtype=np.int64, sep=" ").reshape(-1, 2)
    g = gt.Graph(directed=False)
    n = declared_nodes(path)
    if n is not None:
        g.add_vertex(n)
    g.add_edge_list(arr)
    return g


def graphtool_kernels(g, sources):
    import numpy as np
    import graph_tool.centrality as gc
    import graph_tool.clustering as gcl
    import graph_tool.topology as gtop

    def reach3():
        total = 0
        for s in sources:
            d = gtop.shortest_distance(g, source=g.vertex(s), max_dist=3).a
            total += int(np.count_nonzero(d <= 3)) - 1
        return total

    return {
        "components": lambda: int(gtop.label_components(g)[0].a.max()) + 1,
        "kcore": lambda: int(gtop.kcore_decomposition(g).a.max()),
        "pagerank": lambda: float(gc.pagerank(g, damping=0.85, epsilon=1e-10).a.max()),
        "clustering": lambda: float(gcl.local_clustering(g, undirected=True).a.sum()),
        "reach3": reach3,
        "betweenness": lambda: float(gc.betweenness(g, norm=False)[0].a.max()),
    }


# --- NetworkX -----------------------------------------------------------------------------------------------------

def networkx_load(path):
    import networkx as nx
    g = nx.read_edgelist(path, nodetype=int, create_using=nx.MultiGraph)
    n = declared_nodes(path)
    if n is not None:
        g.add_nodes_from(range(n))
    return g


def networkx_kernels(g, sources):
    import networkx as nx
    n = g.number_of_nodes()
    return {
        "components": lambda: nx.number_connected_components(g),
        "kcore": lambda: max(nx.core_number(g).values()),
        # NetworkX stops when the L1 change is below N * tol: tol = 1e-10 / N gives the same L1 bound as the others.
        "pagerank": lambda: max(nx.pagerank(g, alpha=0.85, tol=1e-10 / n, max_iter=10000).values()),
        "clustering": lambda: sum(nx.clustering(g).values()),
        "reach3": lambda: sum(len(nx.single_source_shortest_path_length(g, s, cutoff=3)) - 1 for s in sources),
        "betweenness": lambda: max(nx.betweenness_centrality(g, normalized=False).values()),
        "louvain": lambda: len(nx.community.louvain_communities(g, seed=1)),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True, choices=["igraph", "graph-tool", "networkx"])
    ap.add_argument("--file", required=True)
    ap.add_argument("--stripped", help="igraph: the same file without '#' lines")
    ap.add_argument("--kernel", required=True, choices=KERNELS)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sources")
    ap.add_argument("--run-timeout", type=int, default=600, help="seconds one run may take (SIGALRM; stops NetworkX's Python loops)")
    ap.add_argument("--repeat-budget", type=float, default=60, help="stop repeating once the runs took this many seconds")
    args = ap.parse_args()
    if args.tool == "graph-tool":
        import graph_tool
        graph_tool.openmp_set_num_threads(1)

    def load():
        if args.tool == "igraph":
            return igraph_load(args.file, args.stripped)
        if args.tool == "graph-tool":
            return graphtool_load(args.file)
        return networkx_load(args.file)

    runs = []
    result = None
    if args.kernel == "load":
        for i in range(args.repeat + 1):
            t = time.perf_counter()
            g = load()
            runs.append(time.perf_counter() - t)
            if i == 0 and runs[0] < WARM_UP_LIMIT:
                runs.clear()  # a short first run is a warm-up, as in `connective graph bench`
            if len(runs) == args.repeat:
                break
        result = "loaded"
    else:
        g = load()
        # The simple view, outside the timings, as on every side.
        if args.tool == "igraph":
            g.simplify(multiple=True, loops=True)
            kernels = igraph_kernels
        elif args.tool == "graph-tool":
            import graph_tool.stats as gs
            gs.remove_parallel_edges(g)
            gs.remove_self_loops(g)
            kernels = graphtool_kernels
        else:
            import networkx as nx
            g = nx.Graph(g)
            g.remove_edges_from(list(nx.selfloop_edges(g)))
            kernels = networkx_kernels
        sources = read_sources(args.sources) if args.sources else []
        table = kernels(g, sources)
        if args.kernel not in table:
            print(json.dumps({"tool": args.tool, "kernel": args.kernel, "unavailable": True}))
            return
        signal.signal(signal.SIGALRM, _over_time)
        for i in range(args.repeat + 1):
            t = time.perf_counter()
            signal.alarm(args.run_timeout)
            try:
                result = table[args.kernel]()
            except RunTimedOut:
                print(json.dumps({"tool": args.tool, "kernel": args.kernel, "timed_out": args.run_timeout}))
                return
            finally:
                signal.alarm(0)
            runs.append(time.perf_counter() - t)
            if i == 0 and runs[0] < WARM_UP_LIMIT:
                runs.clear()  # a short first run is a warm-up, as in `connective graph bench`
            if len(runs) == args.repeat or sum(runs) >= args.repeat_budget:
                break
    print(json.dumps({"tool": args.tool, "kernel": args.kernel, "seconds": runs,
                      "median_seconds": statistics.median(runs), "result": str(result)}))


if __name__ == "__main__":
    sys.exit(main())
