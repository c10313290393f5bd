// Live Services dashboards. The page joins its service's or ward's group on the hub; when feedback or a report
// arrives the hub says "changed" and this fetches the page's figures again (rendered on the server, through the same
// disclosure control as the page) and swaps them in. Loaded as an external module: no inline script under the CSP.
const root = document.querySelector("[data-live-dashboard]");

async function refresh() {
  const response = await fetch(root.dataset.figuresUrl, { credentials: "same-origin", headers: { Accept: "text/html" } });
  if (!response.ok) {
    return;
  }
  root.innerHTML = await response.text();
  root.dataset.refreshes = String(Number(root.dataset.refreshes || "0") + 1);
  const status = document.getElementById("live-status");
  if (status) {
    status.textContent = "Figures updated at " + new Date().toLocaleTimeString("en-GB") + ".";
  }
}

async function watch(connection) {
  if (root.dataset.serviceId) {
    await connection.invoke("WatchService", root.dataset.serviceId);
  } else {
    await connection.invoke("WatchWard", Number(root.dataset.wardId));
  }
}

if (root && window.signalR) {
  const connection = new window.signalR.HubConnectionBuilder().withUrl("/services/live").withAutomaticReconnect().build();
  connection.on("changed", refresh);
  connection.onreconnected(async () => {
    await watch(connection);
    await refresh();
  });
  await connection.start();
  await watch(connection);
  root.dataset.live = "connected";
}
