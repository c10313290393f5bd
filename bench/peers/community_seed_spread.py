#!/usr/bin/python3
"""Leiden and Louvain modularity over many seeds: Connective beside igraph, on the undirected simple view.

    /usr/bin/python3 bench/peers/community_seed_spread.py [--graphs serengeti-foodweb] [--seeds 100] \
        [--cli artifacts/bin/Connective.Cli/debug/connective]

The golden files (bench/peers/make_golden.py) keep igraph's median of 10 seeds, which the tests hold Connective to.
On a small graph the median of 10 seeds moves by about 1e-3 from one set of seeds to the next, so this script shows
where both tools' whole distributions lie: for each graph in ../shared/data/networks (directed ones by default) it
runs igraph community_multilevel (Louvain) and community_leiden(objective_function="modularity", n_iterations=-1)
with random.seed(s), and `connective graph communities FILE --method M --seed s -f json` (which replaces directed
input by its undirected simple view itself), for s = 0..seeds-1, and prints median, mean, min and max of each, and
the median of seeds 0..9 (the golden's figure). Connective's modularity is the one it reports; igraph's is
igraph's modularity() of its membership on the simple view (reciprocal arcs and repeats once, self-loops dropped).
"""

import argparse
import json
import os
import random
import statistics
import subprocess

import igraph as ig

NETWORKS = "../shared/data/networks"


def read_edgelist(path):
    declared, directed, edges = None, False, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            words = line.split()
            if not words:
                continue
            if words[0] == "#":
                if len(words) > 2 and words[1] == "nodes":
                    declared = int(words[2])
                    if "directed" in words:
                        directed = words[words.index("directed") + 1] == "True"
                continue
            edges.append((int(words[0]), int(words[1])))
    return declared, directed, edges


def simple_view(declared, directed, edges):
    n = declared if declared is not None else 1 + max(max(e) for e in edges)
    g = ig.Graph(n=n, edges=edges, directed=directed)
    u = g.as_undirected(mode="collapse") if directed else g.copy()
    u.simplify()
    return u


def summary(values):
    return {
        "median": statistics.median(values),
        "mean": statistics.mean(values),
        "min": min(values),
        "max": max(values),
        "median_seeds_0_9": statistics.median(values[:10]),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graphs", help="comma-separated names (default: every directed network)")
    ap.add_argument("--seeds", type=int, default=100)
    ap.add_argument("--cli", default="artifacts/bin/Connective.Cli/debug/connective")
    args = ap.parse_args()
    names = args.graphs.split(",") if args.graphs else None
    for fn in sorted(os.listdir(NETWORKS)):
        if not fn.endswith(".edgelist"):
            continue
        name = fn[: -len(".edgelist")]
        path = os.path.join(NETWORKS, fn)
        declared, directed, edges = read_edgelist(path)
        if (names and name not in names) or (not names and not directed):
            continue
        u = simple_view(declared, directed, edges)
        igraph_runs = {"louvain": [], "leiden": []}
        ours = {"louvain": [], "leiden": []}
        for seed in range(args.seeds):
            random.seed(seed)
            igraph_runs["louvain"].append(u.modularity(u.community_multilevel().membership))
            random.seed(seed)
            part = u.community_leiden(objective_function="modularity", n_iterations=-1)
            igraph_runs["leiden"].append(u.modularity(part.membership))
            for method in ("louvain", "leiden"):
                out = subprocess.run([args.cli, "graph", "communities", path, "--method", method, "--seed", str(seed),
                                      "-f", "json", "-q"], check=True, capture_output=True, text=True).stdout
                ours[method].append(json.loads(out)["modularity"])
        print(f"{name} ({'directed, ' if directed else ''}simple view: {u.vcount()} nodes, {u.ecount()} edges), "
              f"seeds 0..{args.seeds - 1}")
        print("| method | tool | median | mean | min | max | median of seeds 0..9 |")
        print("|---|---|---|---|---|---|---|")
        for method in ("louvain", "leiden"):
            for tool, runs in (("igraph", igraph_runs[method]), ("Connective", ours[method])):
                s = summary(runs)
                print(f"| {method} | {tool} | {s['median']:.5f} | {s['mean']:.5f} | {s['min']:.5f} | {s['max']:.5f} "
                      f"| {s['median_seeds_0_9']:.5f} |")


if __name__ == "__main__":
    main()
