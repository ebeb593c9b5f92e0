import { createClient, TursoClientError } from "turso-platform-wasm";

const EXTENSIONS = ["vector", "vec", "crypto", "fuzzy", "math", "stats", "text", "unicode", "uuid", "regexp"];

const $ = (selector) => document.querySelector(selector);
const connectForm = $("#connect");
const createForm = $("#create-group");
const allBox = createForm.elements.namedItem("all");
const extensionBoxes = $("#extensions");
let turso;

for (const name of EXTENSIONS) {
  const label = document.createElement("label");
  label.className = "check";
  const box = Object.assign(document.createElement("input"), { type: "checkbox", name: "extension", value: name });
  label.append(box, ` ${name}`);
  extensionBoxes.append(label);
}
allBox.addEventListener("change", () => {
  for (const box of extensionBoxes.querySelectorAll("input")) box.disabled = allBox.checked;
});

const config = await fetch("/config.json").then((response) => response.json());
connectForm.elements.namedItem("baseUrl").value = config.baseUrl;

/** Runs `work` with `button` disabled; a TursoClientError is shown, anything else thrown. */
async function busy(button, work) {
  button.disabled = true;
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof TursoClientError)) throw error;
    show(`Error: ${error.code}`, error.message, error);
  } finally {
    button.disabled = false;
  }
}

connectForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const field = (name) => connectForm.elements.namedItem(name).value.trim();
  return busy(connectForm.querySelector("button"), async () => {
    try {
      // Each database's own server, for uploads and downloads: the stand-in's
      // when the page talks to it, else https://{hostname}.
      const databaseUrl =
        field("baseUrl") === config.baseUrl ? (hostname) => `${config.databaseHosts}/${hostname}` : undefined;
      turso = createClient({ org: field("org"), token: field("token"), baseUrl: field("baseUrl"), timeoutMs: 15_000, databaseUrl });
    } finally {
      // The client holds the token now; the page does not keep a copy.
      connectForm.elements.namedItem("token").value = "";
    }
    const [locations] = await Promise.all([turso.locations.list(), refresh()]);
    const select = createForm.elements.namedItem("location");
    select.replaceChildren(
      ...locations.map(({ code, description }) => new Option(`${description} (${code})`, code)),
    );
    for (const name of document.querySelectorAll(".org-name")) name.textContent = field("org");
    $("#console").hidden = false;
    show("Connected", `${locations.length} locations available`, null);
  });
});

createForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const chosen = [...extensionBoxes.querySelectorAll("input:checked")].map((box) => box.value);
  const extensions = allBox.checked ? "all" : chosen.length > 0 ? chosen : undefined;
  const name = createForm.elements.namedItem("name").value.trim();
  const location = createForm.elements.namedItem("location").value;
  return busy(createForm.querySelector("button[type=submit]"), async () => {
    const group = await turso.groups.create(name, { location, extensions });
    show("Group created", JSON.stringify(group, null, 2), null);
    await refresh();
  });
});

/** Lists the groups again into the table. */
async function refresh() {
  const groups = await turso.groups.list();
  $("#groups tbody").replaceChildren(...groups.map(row));
  $("#no-groups").hidden = groups.length > 0;
}

function row(group) {
  const cells = [group.name, group.primary ?? "", group.uuid].map((text) => {
    const cell = document.createElement("td");
    cell.textContent = text;
    return cell;
  });
  const tr = document.createElement("tr");
  tr.dataset.group = group.name;

  const protection = Object.assign(document.createElement("input"), {
    type: "checkbox",
    checked: group.delete_protection === true,
    title: "Protect this group and its databases from deletion",
  });
  protection.className = "protection";
  protection.addEventListener("change", () =>
    busy(protection, async () => {
      const { delete_protection } = await turso.groups.updateConfiguration(group.name, {
        delete_protection: protection.checked,
      });
      protection.checked = delete_protection === true;
      show(`Delete protection ${delete_protection ? "on" : "off"}`, group.name, null);
    }).finally(refresh),
  );

  const databases = button("Databases", "databases", () => busy(databases, () => openDatabases(group.name)));
  const rename = button("Rename", "rename", () => {
    const newName = prompt(`Rename the group ${group.name} to:`, group.name)?.trim();
    if (!newName || newName === group.name) return;
    return busy(rename, async () => {
      await turso.groups.rename(group.name, newName);
      show("Group renamed", `${group.name} → ${newName}`, null);
      if (openGroup === group.name) await openDatabases(newName);
      await refresh();
    });
  });
  const mint = button("Read-only token", "mint", () =>
    busy(mint, async () => showToken(group.name, await turso.groups.createToken(group.name, { authorization: "read-only" }))),
  );
  const remove = button("Delete", "delete", () => {
    if (!confirm(`Delete the group ${group.name} and all its databases?`)) return;
    return busy(remove, async () => {
      await turso.groups.delete(group.name);
      show("Group deleted", group.name, null);
      if (openGroup === group.name) closeDatabases();
      await refresh();
    });
  });

  const protectionCell = document.createElement("td");
  protectionCell.append(protection);
  tr.append(...cells, protectionCell, actionsCell(databases, rename, mint, remove));
  return tr;
}

/** The group whose databases are shown, if any. */
let openGroup;

async function openDatabases(group) {
  openGroup = group;
  $("#databases-group").textContent = group;
  await refreshDatabases();
  $("#databases").hidden = false;
}

function closeDatabases() {
  openGroup = undefined;
  $("#databases").hidden = true;
}

/** Lists the open group's databases again into their table. */
async function refreshDatabases() {
  const databases = await turso.databases.list({ group: openGroup });
  $("#database-list tbody").replaceChildren(...databases.map(databaseRow));
  $("#no-databases").hidden = databases.length > 0;
}

function databaseRow(database) {
  const tr = document.createElement("tr");
  tr.dataset.database = database.Name;
  const cells = [database.Name, database.Hostname ?? "", database.DbId].map((text) => {
    const cell = document.createElement("td");
    cell.textContent = text;
    return cell;
  });
  const mint = button("Read-only token", "mint", () =>
    busy(mint, async () => showToken(database.Name, await turso.databases.createToken(database.Name, { authorization: "read-only" }))),
  );
  const remove = button("Delete", "delete", () => {
    if (!confirm(`Delete the database ${database.Name}?`)) return;
    return busy(remove, async () => {
      show("Database deleted", await turso.databases.delete(database.Name), null);
      await refreshDatabases();
    });
  });
  const download = button("Download", "download", () =>
    busy(download, async () => {
      // The file arrives as a stream; the page keeps it only to hand it to the browser.
      const file = await new Response(await turso.databases.export(database.Name)).blob();
      const link = Object.assign(document.createElement("a"), {
        href: URL.createObjectURL(file),
        download: `${database.Name}.db`,
      });
      link.click();
      URL.revokeObjectURL(link.href);
      show("Database downloaded", `${database.Name}.db, ${file.size} bytes`, null);
    }),
  );
  tr.append(...cells, actionsCell(download, mint, remove));
  return tr;
}

const uploadForm = $("#upload-database");
const uploadProgress = $("#upload-progress");

/** Uploads `file` as the database named in the form, into the open group, with its progress. */
function upload(file) {
  const name = uploadForm.elements.namedItem("name").value.trim();
  const status = $("#upload-status");
  if (!file) {
    status.textContent = "Pick a file, or drop one here.";
    return;
  }
  return busy(uploadForm.querySelector("button"), async () => {
    uploadProgress.hidden = false;
    uploadProgress.value = 0;
    status.textContent = `Checking ${file.name}…`;
    try {
      const created = await turso.databases.upload(name, file, {
        group: openGroup,
        onProgress: ({ uploadedBytes, totalBytes }) => {
          uploadProgress.value = uploadedBytes / totalBytes;
          status.textContent = `Uploading ${file.name}: ${uploadedBytes} of ${totalBytes} bytes`;
        },
      });
      status.textContent = `Created ${created.Name} from ${file.name} (${file.size} bytes).`;
      await refreshDatabases();
    } catch (error) {
      uploadProgress.hidden = true;
      status.textContent = error instanceof TursoClientError ? `Not uploaded: ${error.message}` : "";
      throw error;
    }
  });
}

uploadForm.addEventListener("submit", (event) => {
  event.preventDefault();
  return upload(uploadForm.elements.namedItem("file").files[0]);
});
uploadForm.addEventListener("dragover", (event) => {
  event.preventDefault();
  uploadForm.classList.add("over");
});
uploadForm.addEventListener("dragleave", () => uploadForm.classList.remove("over"));
uploadForm.addEventListener("drop", (event) => {
  event.preventDefault();
  uploadForm.classList.remove("over");
  return upload(event.dataTransfer.files[0]);
});

/** Every database of the organization, as databases.all() gives them a page at a time. */
let everyDatabase = [];
const listAll = $("#list-all");
listAll.addEventListener("click", () =>
  busy(listAll, async () => {
    everyDatabase = [];
    let shown = 0;
    for await (const database of turso.databases.all()) {
      everyDatabase.push(database);
      // Redrawn a few times as the pages arrive, not once a database.
      if (everyDatabase.length - shown >= 500) shown = drawAll();
    }
    drawAll();
    $("#all-count").textContent = `${everyDatabase.length} databases`;
  }),
);
$("#search-databases").addEventListener("input", drawAll);

/** Draws the databases that match the search; returns how many there are in all. */
function drawAll() {
  const wanted = $("#search-databases").value.trim().toLowerCase();
  const matching = everyDatabase.filter(
    ({ Name, group }) => Name.toLowerCase().includes(wanted) || (group ?? "").toLowerCase().includes(wanted),
  );
  const rows = matching.slice(0, 200).map(({ Name, group, Hostname }) => {
    const tr = document.createElement("tr");
    tr.dataset.database = Name;
    for (const text of [Name, group ?? "", Hostname ?? ""]) tr.append(Object.assign(document.createElement("td"), { textContent: text }));
    return tr;
  });
  $("#all-list tbody").replaceChildren(...rows);
  $("#all-list").hidden = rows.length === 0;
  $("#all-count").textContent =
    `${everyDatabase.length} databases` + (wanted ? `, ${matching.length} matching` : "") + (matching.length > 200 ? "; the first 200 shown" : "");
  return everyDatabase.length;
}

const createDatabaseForm = $("#create-database");
createDatabaseForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const name = createDatabaseForm.elements.namedItem("name").value.trim();
  return busy(createDatabaseForm.querySelector("button"), async () => {
    const created = await turso.databases.create(name, { group: openGroup });
    show("Database created", JSON.stringify(created, null, 2), null);
    await refreshDatabases();
  });
});

function showToken(holder, { jwt }) {
  $("#token-for").textContent = holder;
  $("#token-value").textContent = jwt;
  $("#token").hidden = false;
}

function actionsCell(...buttons) {
  const cell = document.createElement("td");
  cell.className = "actions";
  cell.append(...buttons);
  return cell;
}

function button(text, action, onClick) {
  const element = Object.assign(document.createElement("button"), { type: "button", textContent: text });
  element.dataset.action = action;
  element.addEventListener("click", onClick);
  return element;
}

$("#copy-token").addEventListener("click", async () => {
  await navigator.clipboard.writeText($("#token-value").textContent);
  $("#copy-token").textContent = "Copied";
});
$("#dismiss-token").addEventListener("click", () => {
  $("#token-value").textContent = "";
  $("#token").hidden = true;
  $("#copy-token").textContent = "Copy";
});

function show(title, text, error) {
  const result = $("#result");
  result.hidden = false;
  result.classList.toggle("error", Boolean(error));
  result.classList.toggle("success", !error);
  $("#result-title").textContent = title;
  $("#result-body").textContent = text;
  const fields = $("#error-fields");
  fields.replaceChildren();
  fields.hidden = !error;
  if (!error) return;
  for (const key of ["code", "operation", "status", "field"]) {
    if (error[key] === undefined) continue;
    const term = document.createElement("dt");
    term.textContent = key;
    const value = document.createElement("dd");
    value.textContent = String(error[key]);
    value.dataset.key = key;
    fields.append(term, value);
  }
}
