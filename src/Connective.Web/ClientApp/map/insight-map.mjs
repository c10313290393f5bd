// Insight's network map: draws the people and ties of /api/v1/insight/map with sigma.js (WebGL) on a graphology graph.
// Positions come from the server's force-directed layout; colour is the person's community, size the chosen measure.
// Loaded as a file (no inline script), so it runs under the site's Content Security Policy.
import Graph from "graphology";
import Sigma from "sigma";

// Colours from the GOV.UK palette, distinct enough side by side; communities beyond them repeat.
const palette = ["#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#b58840", "#912b88", "#28a197", "#f499be", "#85994b", "#003078", "#6f72af"];

const container = document.getElementById("insight-map");
if (container) {
  load(container).catch(() => setStatus("The map could not be drawn in this browser; the table below has the same people."));
}

function setStatus(text) {
  const status = document.getElementById("insight-map-status");
  if (status) {
    status.textContent = text;
  }
}

async function load(element) {
  const started = performance.now();
  setStatus("Loading the map…");
  const response = await fetch(element.dataset.src, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  if (!response.ok) {
    setStatus("The map could not be loaded; the table below has the same people.");
    return;
  }
  const data = await response.json();
  const graph = new Graph({ type: "undirected" });
  let largest = 0;
  for (const node of data.nodes) {
    largest = Math.max(largest, node.size);
  }
  for (const node of data.nodes) {
    graph.addNode(String(node.id), {
      x: node.x,
      y: node.y,
      size: 2 + (largest > 0 ? (8 * node.size) / largest : 0),
      color: palette[((node.community % palette.length) + palette.length) % palette.length],
      label: `Resident ${node.id}`,
      ward: node.ward,
      ageBand: node.ageBand,
      community: node.community,
      ties: node.ties,
    });
  }
  for (const [a, b] of data.edges) {
    graph.mergeEdge(String(a), String(b), { color: "#cfd1d3", size: 0.5 });
  }
  element.style.height = "600px";
  const renderer = new Sigma(graph, element, { renderLabels: false, labelRenderedSizeThreshold: 12, zIndex: true });
  let selected = null;
  renderer.setSetting("nodeReducer", (node, attributes) =>
    node === selected ? { ...attributes, highlighted: true, size: attributes.size + 4, zIndex: 1 } : attributes);
  renderer.on("clickNode", ({ node }) => select(node));

  async function select(node) {
    selected = node;
    renderer.refresh();
    const position = renderer.getNodeDisplayData(node);
    if (position) {
      renderer.getCamera().animate({ x: position.x, y: position.y, ratio: 0.3 }, { duration: 400 });
    }
    await showPerson(node, graph.getNodeAttributes(node));
  }

  wireSearch(graph, select);
  const elapsed = Math.round(performance.now() - started);
  element.dataset.ready = "true";
  element.dataset.readyMs = String(elapsed);
  setStatus(`Map ready: ${data.nodes.length.toLocaleString("en-GB")} people and ${data.edges.length.toLocaleString("en-GB")} ties, drawn in ${elapsed} ms. Choose a dot to see more.`);
}

// The side panel asks the server for the person: it answers only within the viewer's wards, and records the view.
async function showPerson(node, attributes) {
  const panel = document.getElementById("insight-map-selected");
  if (!panel) {
    return;
  }
  panel.textContent = `Resident ${node}: community ${attributes.community}, ${attributes.ties} ties, ${attributes.ageBand}, ${attributes.ward}. Loading…`;
  const response = await fetch(`/api/v1/insight/people/${encodeURIComponent(node)}`, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  panel.replaceChildren();
  if (!response.ok) {
    panel.textContent = `Resident ${node}: you may not see more about this person.`;
    return;
  }
  const person = await response.json();
  const link = document.createElement("a");
  link.className = "govuk-link";
  link.href = `/insight/people/${person.residentId}`;
  link.textContent = person.name;
  const details = document.createElement("span");
  details.textContent = `, aged ${person.age}, ${person.ward}: ${person.withinOneStep} ties, ${person.withinTwoSteps} people within two steps, ${person.withinThreeSteps} within three.`;
  panel.append(link, details);
}

function wireSearch(graph, select) {
  const form = document.getElementById("insight-map-search");
  const input = document.getElementById("insight-map-query");
  const matches = document.getElementById("insight-map-matches");
  if (!form || !input || !matches) {
    return;
  }
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    matches.replaceChildren();
    const response = await fetch(`/api/v1/insight/map/search?q=${encodeURIComponent(input.value)}`, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    const found = response.ok ? await response.json() : [];
    if (found.length === 0) {
      const none = document.createElement("li");
      none.textContent = "Nobody found in your wards by that name.";
      matches.append(none);
      return;
    }
    for (const match of found) {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "govuk-button govuk-button--secondary govuk-!-margin-bottom-1";
      button.textContent = `${match.name}, ${match.ward}`;
      const key = String(match.residentId);
      if (graph.hasNode(key)) {
        button.addEventListener("click", () => select(key));
      } else {
        button.disabled = true;
        button.textContent += " (not on this map)";
      }
      item.append(button);
      matches.append(item);
    }
  });
}
