// Copies the pieces of govuk-frontend that are used as they come (its JavaScript) and
// Connective's own scripts and images into ../wwwroot/assets, then writes the stamp file
// that tells MSBuild the assets are up to date. GOV.UK's images (crown, crest, GOV.UK
// icons) are deliberately not copied: they belong to services on GOV.UK.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const wwwroot = join(here, "..", "wwwroot");
const assets = join(wwwroot, "assets");
const govuk = join(here, "node_modules", "govuk-frontend", "dist", "govuk");

function copy(from, to) {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

function copyFolder(from, to) {
  for (const name of readdirSync(from)) {
    copy(join(from, name), join(to, name));
  }
}

copy(join(govuk, "govuk-frontend.min.js"), join(assets, "govuk-frontend.min.js"));
copy(join(govuk, "govuk-frontend.min.js.map"), join(assets, "govuk-frontend.min.js.map"));
// The SignalR browser client (a classic script that defines window.signalR) for the live Services dashboards.
copy(join(here, "node_modules", "@microsoft", "signalr", "dist", "browser", "signalr.min.js"), join(assets, "signalr.min.js"));
copyFolder(join(here, "scripts"), join(assets, "scripts"));
copyFolder(join(here, "images"), join(assets, "images"));

writeFileSync(join(wwwroot, ".assets-stamp"), `built ${new Date().toISOString()}\n`);
