#!/usr/bin/python3
"""Check that graphs written by Connective read back in NetworkX and igraph unchanged.

For every network in ../shared/data/networks, `connective graph convert` writes it (in a temporary directory) as an
edge list, CSV tables, GraphML, GEXF, GML and Pajek. Each file is read back with NetworkX (every format) and igraph
(every format it reads; it has no GEXF reader, and CSV tables go through Graph.DictList) and compared with the
original: the same node ids, the same edge multiset (with weights) and the same node attributes.

Run from the repository root with /usr/bin/python3 (Debian's networkx and igraph):
    dotnet build src/Connective.Cli
    /usr/bin/python3 bench/peers/check_roundtrip.py [--cli PATH/connective.dll] [--only NAME ...]
Prints a table and exits with status 1 on any mismatch. "n/a": igraph has no reader for the format (GEXF).
"refused": Connective declined to write the format with a clear error (an edge list cannot hold ids with spaces).
Node attributes are compared in every format that can hold them (not edge lists, not Pajek).
"""

import argparse
import collections
import csv
import os
import subprocess
import sys
import tempfile

import igraph
import networkx as nx

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NETWORKS = os.path.join(os.path.dirname(REPO), "shared", "data", "networks")
FORMATS = ["edgelist", "csv", "graphml", "gexf", "gml", "net"]
# Formats with no place for node attributes: an edge list, and Pajek (only drawing parameters; igraph and Pajek refuse
# others, so Connective does not write them). Attributes are compared in every other format.
NO_ATTRIBUTES = {"edgelist", "net"}
# Attributes a reader adds for its own bookkeeping, not part of the graph's data.
READER_ATTRIBUTES = {
    "graphml": {"id"},
    "gexf": {"label"},
    "gml": {"id", "label"},
    "net": {"id", "x", "y", "shape", "name"},
    "csv": {"id", "name"},
    "edgelist": {"name"},
}


class Snapshot:
    """A graph as plain data: node ids (str), edge multiset with weights, node attributes, direction."""

    def __init__(self, directed, nodes, edges, attributes, weighted):
        self.directed = directed
        self.nodes = set(nodes)
        self.edges = collections.Counter(edges)
        self.attributes = attributes  # {node: {name: value}}
        self.weighted = weighted


def edge_key(directed, u, v, w):
    u, v = str(u), str(v)
    if not directed and v < u:
        u, v = v, u
    return (u, v, None if w is None else float(w))


def normal(value):
    """Attribute values compared as numbers when they are numbers (readers differ in int/float/str typing)."""
    if isinstance(value, bool):
        return str(value).lower()
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)


def read_edgelist_file(path):
    """The reference reading of an edge list: '#' comments, '# nodes N ... directed B', 'u v [w]' lines."""
    directed, declared, rows = False, 0, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            if line.startswith("#"):
                words = line.lstrip("#").split()
                if len(words) >= 2 and words[0] == "nodes":
                    declared = int(words[1])
                    if "directed" in words:
                        directed = words[words.index("directed") + 1].lower() == "true"
                continue
            rows.append(line.split())
    return directed, declared, rows


def original_snapshot(path):
    if path.endswith(".graphml"):
        return networkx_snapshot(nx.read_graphml(path, force_multigraph=True), "graphml")
    directed, declared, rows = read_edgelist_file(path)
    weighted = bool(rows) and len(rows[0]) == 3
    nodes = {str(i) for i in range(declared)} | {r[0] for r in rows} | {r[1] for r in rows}
    edges = [edge_key(directed, r[0], r[1], r[2] if weighted else None) for r in rows]
    return Snapshot(directed, nodes, edges, {}, weighted)


def networkx_snapshot(g, fmt):
    weighted = any("weight" in d for _, _, d in g.edges(data=True))
    edges = [edge_key(g.is_directed(), u, v, d.get("weight", 1.0) if weighted else None) for u, v, d in g.edges(data=True)]
    skip = READER_ATTRIBUTES[fmt]
    attributes = {str(n): {k: normal(v) for k, v in d.items() if k not in skip} for n, d in g.nodes(data=True)}
    return Snapshot(g.is_directed(), [str(n) for n in g.nodes], edges, attributes, weighted)


def igraph_snapshot(g, fmt, name_attribute):
    names = [str(v) for v in g.vs[name_attribute]] if name_attribute in g.vs.attributes() else [str(i) for i in range(g.vcount())]
    weighted = "weight" in g.es.attributes()
    edges = [edge_key(g.is_directed(), names[e.source], names[e.target], e["weight"] if weighted else None) for e in g.es]
    skip = READER_ATTRIBUTES[fmt] | {name_attribute}
    attributes = {}
    for v in g.vs:
        attributes[names[v.index]] = {k: normal(x) for k, x in v.attributes().items() if k not in skip and x is not None and x == x}
    return Snapshot(g.is_directed(), names, edges, attributes, weighted)


# ---------------------------------------------------------------- readers of the written files


def nx_read(path, fmt, directed):
    if fmt == "edgelist":
        d, declared, rows = read_edgelist_file(path)
        g = nx.MultiDiGraph() if d else nx.MultiGraph()
        body = [" ".join(r) for r in rows]
        weighted = bool(rows) and len(rows[0]) == 3
        h = nx.parse_edgelist(body, nodetype=str, data=[("weight", float)] if weighted else False, create_using=g)
        h.add_nodes_from(str(i) for i in range(declared))  # the '# nodes N' isolates, added by hand (NetworkX ignores comments)
        return networkx_snapshot(h, fmt)
    if fmt == "csv":
        g = nx.MultiDiGraph() if directed else nx.MultiGraph()
        with open(node_table(path), newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                node = row.pop("id")
                g.add_node(node, **{k: v for k, v in row.items() if v != ""})
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                data = {"weight": float(row["weight"])} if "weight" in row else {}
                g.add_edge(row["source"], row["target"], **data)
        return networkx_snapshot(g, fmt)
    if fmt == "graphml":
        return networkx_snapshot(nx.read_graphml(path, force_multigraph=True), fmt)
    if fmt == "gexf":
        return networkx_snapshot(nx.read_gexf(path), fmt)
    if fmt == "gml":
        return networkx_snapshot(nx.read_gml(path), fmt)
    if fmt == "net":
        return networkx_snapshot(nx.read_pajek(path), fmt)
    raise ValueError(fmt)


def ig_read(path, fmt, directed):
    if fmt == "edgelist":
        # igraph's readers reject '#' lines, so strip them (issue 3 §6) and add the declared isolates by hand.
        d, declared, rows = read_edgelist_file(path)
        stripped = path + ".ncol"
        with open(stripped, "w", encoding="utf-8") as f:
            f.writelines(" ".join(r) + "\n" for r in rows)
        g = igraph.Graph.Read_Ncol(stripped, names=True, weights="if_present", directed=d)
        present = set(g.vs["name"]) if g.vcount() else set()
        missing = [str(i) for i in range(declared) if str(i) not in present]
        g.add_vertices(missing)
        return igraph_snapshot(g, fmt, "name")
    if fmt == "csv":
        with open(node_table(path), newline="", encoding="utf-8") as f:
            vertices = [{k: v for k, v in row.items() if v != ""} for row in csv.DictReader(f)]
        with open(path, newline="", encoding="utf-8") as f:
            edges = [dict(row, weight=float(row["weight"])) if "weight" in row else dict(row) for row in csv.DictReader(f)]
        g = igraph.Graph.DictList(vertices, edges, directed=directed, vertex_name_attr="id", edge_foreign_keys=("source", "target"))
        return igraph_snapshot(g, fmt, "id")
    if fmt == "graphml":
        return igraph_snapshot(igraph.Graph.Read_GraphML(path), fmt, "id")
    if fmt == "gml":
        return igraph_snapshot(igraph.Graph.Read_GML(path), fmt, "label")
    if fmt == "net":
        return igraph_snapshot(igraph.Graph.Read_Pajek(path), fmt, "id")
    return None  # igraph has no reader for this format (GEXF)


def node_table(edge_path):
    return os.path.splitext(edge_path)[0] + ".nodes.csv"


# ---------------------------------------------------------------- comparison


def compare(expected, actual, fmt):
    problems = []
    if actual.directed != expected.directed:
        problems.append(f"directed {actual.directed} != {expected.directed}")
    if actual.nodes != expected.nodes:
        missing, extra = expected.nodes - actual.nodes, actual.nodes - expected.nodes
        problems.append(f"nodes: {len(missing)} missing {sorted(missing)[:3]}, {len(extra)} extra {sorted(extra)[:3]}")
    exp_edges = expected.edges if expected.weighted else collections.Counter({(u, v, None): c for (u, v, _), c in expected.edges.items()})
    act_edges = actual.edges if expected.weighted else collections.Counter({(u, v, None): c for (u, v, _), c in actual.edges.items()})
    if exp_edges != act_edges:
        diff = (exp_edges - act_edges) + (act_edges - exp_edges)
        problems.append(f"edges differ ({sum(diff.values())} entries, e.g. {list(diff)[:2]})")
    if fmt not in NO_ATTRIBUTES:
        for node in expected.nodes & actual.nodes:
            want = expected.attributes.get(node, {})
            got = actual.attributes.get(node, {})
            if want != got:
                problems.append(f"attributes of {node}: {got} != {want}")
                break
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", help="path to connective.dll (default: artifacts/bin/Connective.Cli/{release,debug}/connective.dll)")
    parser.add_argument("--only", nargs="*", help="network file names (without extension) to check")
    args = parser.parse_args()
    cli = args.cli or next(
        (p for p in (os.path.join(REPO, "artifacts", "bin", "Connective.Cli", c, "connective.dll") for c in ("release", "debug")) if os.path.exists(p)),
        None)
    if cli is None:
        sys.exit("Build the CLI first: dotnet build src/Connective.Cli")
    files = sorted(f for f in os.listdir(NETWORKS) if f.endswith((".edgelist", ".graphml")))
    if args.only:
        files = [f for f in files if os.path.splitext(f)[0] in args.only]

    print(f"NetworkX {nx.__version__}, igraph {igraph.__version__}; CLI {os.path.relpath(cli, REPO)}")
    print(f"{'network':28} {'format':9} {'nodes':>6} {'edges':>6}  {'NetworkX':10} {'igraph':10}")
    failures = []
    with tempfile.TemporaryDirectory(prefix="connective-roundtrip-") as tmp:
        for name in files:
            source = os.path.join(NETWORKS, name)
            expected = original_snapshot(source)
            for fmt in FORMATS:
                stem = name.replace(".", "_")
                out = os.path.join(tmp, f"{stem}.{fmt}")
                run = subprocess.run(["dotnet", cli, "graph", "convert", source, out], capture_output=True, text=True)
                results = {}
                if run.returncode == 1 and "cannot be written to an edge list" in run.stderr:
                    # A deliberate, explained refusal (e.g. ids with spaces), not a silent loss: reported, not failed.
                    print(f"{name:28} {fmt:9} {len(expected.nodes):6} {sum(expected.edges.values()):6}  {'refused':10} {'refused':10}")
                    print(f"    {run.stderr.strip()}")
                    continue
                if run.returncode != 0:
                    results = {"NetworkX": ["convert failed: " + run.stderr.strip()], "igraph": ["convert failed"]}
                else:
                    for reader_name, reader in (("NetworkX", nx_read), ("igraph", ig_read)):
                        try:
                            snapshot = reader(out, fmt, expected.directed)
                            results[reader_name] = None if snapshot is None else compare(expected, snapshot, fmt)
                        except Exception as e:  # a reader refusing the file is a mismatch, reported, not a crash
                            results[reader_name] = [f"{type(e).__name__}: {e}"]
                cells = {k: ("n/a" if v is None else "ok" if not v else "MISMATCH") for k, v in results.items()}
                print(f"{name:28} {fmt:9} {len(expected.nodes):6} {sum(expected.edges.values()):6}  {cells['NetworkX']:10} {cells['igraph']:10}")
                for reader_name, problems in results.items():
                    for problem in problems or []:
                        failures.append(f"{name} {fmt} {reader_name}: {problem}")
                        print(f"    {reader_name}: {problem}")
    if failures:
        print(f"\n{len(failures)} mismatch(es).")
        sys.exit(1)
    print("\nAll round trips match.")


if __name__ == "__main__":
    main()
