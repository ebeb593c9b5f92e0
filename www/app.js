import { createClient, TursoClientError } from "turso-platform-wasm";

const EXTENSIONS = ["vector", "vec", "crypto", "fuzzy", "math", "stats", "text", "unicode", "uuid", "regexp"];
/** Rows drawn at most in one table; the rest are counted. */
const SHOWN = 200;

const $ = (selector, root = document) => root.querySelector(selector);
const connectForm = $("#connect");
const createForm = $("#create-group");
const allBox = createForm.elements.namedItem("all");
const extensionBoxes = $("#extensions");
const orgSwitch = $("#org-switch");

for (const name of EXTENSIONS) {
  const label = document.createElement("label");
  label.className = "check";
  const box = Object.assign(document.createElement("input"), { type: "checkbox", name: "extension", value: name });
  label.append(box, ` ${name}`);
  extensionBoxes.append(label);
}
for (const fieldset of document.querySelectorAll(".token-options")) {
  $("legend", fieldset).after($("#token-options").content.cloneNode(true));
}
allBox.addEventListener("change", () => {
  for (const box of extensionBoxes.querySelectorAll("input")) box.disabled = allBox.checked;
});

const config = await fetch("/config.json").then((response) => response.json());
connectForm.elements.namedItem("baseUrl").value = config.baseUrl;

/**
 * The connection: a client for the organization shown, and a way to make
 * one for another with the same token, which only that closure holds.
 */
let session;
const turso = () => session.client;

/**
 * Runs `work` for `button`: the button is disabled and marked busy, and what
 * `work` resolves to, or the TursoClientError it rejects with, is shown in
 * the result area of the card (or the bar) the button is in, beside it.
 * Anything else is thrown.
 */
async function busy(button, work) {
  const card = button.closest(".card, #bar");
  const output = $(":scope > .result", card);
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  card.setAttribute("aria-busy", "true");
  try {
    const shown = await work();
    if (shown) report(output, shown);
  } catch (error) {
    if (!(error instanceof TursoClientError)) throw error;
    report(output, { title: `Error: ${error.code}`, text: error.message, error });
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
    card.removeAttribute("aria-busy");
  }
}

/** Shows a result, `{ title, text?, facts?, error?, secret? }`, in `output`, and brings it into view. */
function report(output, { title, text = "", facts: pairs, error, secret }) {
  const parts = [Object.assign(document.createElement("h3"), { className: "result-title", textContent: title })];
  if (error) {
    const fields = document.createElement("dl");
    fields.className = "error-fields";
    for (const key of ["code", "operation", "status", "field"]) {
      if (error[key] === undefined) continue;
      const value = Object.assign(document.createElement("dd"), { textContent: String(error[key]) });
      value.dataset.key = key;
      fields.append(Object.assign(document.createElement("dt"), { textContent: key }), value);
    }
    parts.push(fields);
  }
  if (text) parts.push(Object.assign(document.createElement("pre"), { className: "result-body", textContent: text }));
  if (pairs) parts.push(facts(Object.assign(document.createElement("dl"), { className: "facts" }), pairs));
  if (secret !== undefined) parts.push(secretBox(secret));
  output.replaceChildren(...parts);
  output.dataset.state = error ? "error" : "success";
  output.hidden = false;
  output.tabIndex = -1;
  output.focus({ preventScroll: true });
  output.scrollIntoView({ block: "nearest" });
}

/** A secret shown once, with a button that copies it and one that forgets it. */
function secretBox(secret) {
  const box = document.createElement("div");
  box.className = "secret";
  const value = Object.assign(document.createElement("pre"), { className: "secret-value", textContent: secret });
  const copy = button("Copy", "copy", async () => {
    await navigator.clipboard.writeText(value.textContent);
    copy.textContent = "Copied";
  });
  const done = button("Done", "dismiss", () => {
    const output = box.closest(".result");
    output.replaceChildren();
    output.hidden = true;
  });
  done.classList.add("secondary");
  const buttons = Object.assign(document.createElement("div"), { className: "buttons" });
  buttons.append(copy, done);
  box.append(Object.assign(document.createElement("p"), { textContent: "Shown this once: copy it now." }), value, buttons);
  return box;
}

/** Forgets everything shown of an organization. */
function clearOrganization() {
  for (const name of document.querySelectorAll(".org-name")) name.textContent = "";
  for (const body of document.querySelectorAll("#console tbody")) body.replaceChildren();
  for (const table of document.querySelectorAll("#all-list, #members, #invites, #api-token-list, #audit-list")) table.hidden = true;
  $("#detail-facts").replaceChildren();
  for (const output of document.querySelectorAll(".result")) {
    output.replaceChildren();
    output.hidden = true;
  }
  $("#no-groups").hidden = true;
  $("#all-count").textContent = "";
  $("#search-databases").value = "";
  everyDatabase = [];
  closeDatabases();
  $("#database-detail").hidden = true;
  $("#console").hidden = true;
}

/** Connects to `org`: who the token belongs to, its organizations, the locations and the groups. */
async function open(org) {
  clearOrganization();
  session.client = session.clientFor(org);
  const [user, organizations, locations] = await Promise.all([
    turso().user.get(),
    turso().organizations.list(),
    turso().locations.list(),
    refreshGroups(),
  ]);
  $("#user").textContent = user.username;
  const slugs = [...new Set([org, ...organizations.map(({ slug }) => slug)])].sort();
  orgSwitch.replaceChildren(...slugs.map((slug) => new Option(slug, slug, false, slug === org)));
  createForm.elements.namedItem("location").replaceChildren(
    ...locations.map(({ code, description }) => new Option(`${description} (${code})`, code)),
  );
  for (const name of document.querySelectorAll(".org-name")) name.textContent = org;
  $("#console").hidden = false;
  $("#bar").hidden = false;
  connectForm.hidden = true;
}

connectForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const field = (name) => connectForm.elements.namedItem(name).value.trim();
  const token = field("token");
  // The client holds the token now; the form does not keep a copy.
  connectForm.elements.namedItem("token").value = "";
  const baseUrl = field("baseUrl");
  // Each database's own server, for uploads and downloads: the stand-in's
  // when the page talks to it, else https://{hostname}.
  const databaseUrl = baseUrl === config.baseUrl ? (hostname) => `${config.databaseHosts}/${hostname}` : undefined;
  session = { clientFor: (org) => createClient({ org, token, baseUrl, timeoutMs: 15_000, databaseUrl }) };
  return busy(connectForm.querySelector("button"), async () => {
    try {
      await open(field("org"));
    } catch (error) {
      // A failed connect shows nothing of the organization before it.
      disconnect();
      throw error;
    }
  });
});

// A failed switch shows nothing of the organization before it either; the
// bar stays, to pick another or disconnect.
orgSwitch.addEventListener("change", () => busy(orgSwitch, () => open(orgSwitch.value)));

/** Forgets the client and its token, and shows the connect form again. */
function disconnect() {
  session = undefined;
  clearOrganization();
  $("#bar").hidden = true;
  $("#user").textContent = "";
  orgSwitch.replaceChildren();
  connectForm.hidden = false;
}

$("#disconnect").addEventListener("click", () => {
  disconnect();
  connectForm.elements.namedItem("token").focus();
});

/** The options of a token minted from `card`: its expiration and access. */
function tokenOptions(card) {
  const choice = (name) => $(`.token-options select[name=${name}]`, card).value;
  return { expiration: choice("expiration"), authorization: choice("authorization") };
}

createForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const chosen = [...extensionBoxes.querySelectorAll("input:checked")].map((box) => box.value);
  const extensions = allBox.checked ? "all" : chosen.length > 0 ? chosen : undefined;
  const name = createForm.elements.namedItem("name").value.trim();
  const location = createForm.elements.namedItem("location").value;
  return busy(createForm.querySelector("button[type=submit]"), async () => {
    const group = await turso().groups.create(name, { location, extensions });
    await refreshGroups();
    return { title: "Group created", text: JSON.stringify(group, null, 2) };
  });
});

/** Lists the groups again into the table. */
async function refreshGroups() {
  const groups = await turso().groups.list();
  $("#groups tbody").replaceChildren(...groups.map(groupRow));
  $("#no-groups").hidden = groups.length > 0;
}

function groupRow(group) {
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
      const { delete_protection } = await turso().groups.updateConfiguration(group.name, {
        delete_protection: protection.checked,
      });
      protection.checked = delete_protection === true;
      return { title: `Delete protection ${delete_protection ? "on" : "off"}`, text: group.name };
    }).finally(refreshGroups),
  );

  const databases = button("Databases", "databases", () => busy(databases, () => openDatabases(group.name)));
  const rename = button("Rename", "rename", () => {
    const newName = prompt(`Rename the group ${group.name} to:`, group.name)?.trim();
    if (!newName || newName === group.name) return;
    return busy(rename, async () => {
      await turso().groups.rename(group.name, newName);
      if (openGroup === group.name) await openDatabases(newName);
      await refreshGroups();
      return { title: "Group renamed", text: `${group.name} → ${newName}` };
    });
  });
  const mint = button("Token", "mint", () =>
    busy(mint, async () => {
      const options = tokenOptions(mint.closest(".card"));
      const { jwt } = await turso().groups.createToken(group.name, options);
      return { title: `${options.authorization} token for the group ${group.name}`, secret: jwt };
    }),
  );
  const remove = button("Delete", "delete", () => {
    if (!confirm(`Delete the group ${group.name} and all its databases?`)) return;
    return busy(remove, async () => {
      await turso().groups.delete(group.name);
      if (openGroup === group.name) closeDatabases();
      await refreshGroups();
      return { title: "Group deleted", text: group.name };
    });
  });

  const protectionCell = document.createElement("td");
  protectionCell.append(protection);
  tr.append(...cells(group.name, group.primary ?? "", [group.uuid, "wide"]), protectionCell, actionsCell(databases, rename, mint, remove));
  return tr;
}

/** The group whose databases are shown, if any. */
let openGroup;

async function openDatabases(group) {
  openGroup = group;
  $("#databases-group").textContent = group;
  await refreshDatabases();
  const card = $("#databases");
  card.hidden = false;
  card.scrollIntoView({ block: "nearest" });
}

function closeDatabases() {
  openGroup = undefined;
  $("#databases").hidden = true;
}

/** Lists the open group's databases again into their table. */
async function refreshDatabases() {
  const databases = await turso().databases.list({ group: openGroup });
  $("#database-list tbody").replaceChildren(...databases.map(databaseRow));
  $("#no-databases").hidden = databases.length > 0;
}

function databaseRow(database) {
  const tr = document.createElement("tr");
  tr.dataset.database = database.Name;
  const details = detailsButton(database.Name);
  const remove = button("Delete", "delete", () => {
    if (!confirm(`Delete the database ${database.Name}?`)) return;
    return busy(remove, async () => {
      const deleted = await turso().databases.delete(database.Name);
      await refreshDatabases();
      return { title: "Database deleted", text: deleted };
    });
  });
  const download = button("Download", "download", () =>
    busy(download, async () => {
      // The file arrives as a stream; the page keeps it only to hand it to the browser.
      const file = await new Response(await turso().databases.export(database.Name)).blob();
      const link = Object.assign(document.createElement("a"), {
        href: URL.createObjectURL(file),
        download: `${database.Name}.db`,
      });
      link.click();
      URL.revokeObjectURL(link.href);
      return { title: "Database downloaded", text: `${database.Name}.db, ${file.size} bytes` };
    }),
  );
  tr.append(...cells(database.Name, [database.Hostname ?? "", "wide"], [database.DbId, "wide"]), actionsCell(details, download, remove));
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
      const created = await turso().databases.upload(name, file, {
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

const createDatabaseForm = $("#create-database");
createDatabaseForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const name = createDatabaseForm.elements.namedItem("name").value.trim();
  return busy(createDatabaseForm.querySelector("button"), async () => {
    const created = await turso().databases.create(name, { group: openGroup });
    await refreshDatabases();
    return { title: "Database created", text: JSON.stringify(created, null, 2) };
  });
});

/** Every database of the organization, as databases.all() gives them a page at a time. */
let everyDatabase = [];
const listAll = $("#list-all");
listAll.addEventListener("click", () =>
  busy(listAll, async () => {
    everyDatabase = [];
    let shown = 0;
    for await (const database of turso().databases.all()) {
      everyDatabase.push(database);
      // Redrawn a few times as the pages arrive, not once a database.
      if (everyDatabase.length - shown >= 500) shown = drawAll();
    }
    drawAll();
  }),
);
$("#search-databases").addEventListener("input", drawAll);

/** Draws the databases that match the search; returns how many there are in all. */
function drawAll() {
  const wanted = $("#search-databases").value.trim().toLowerCase();
  const matching = everyDatabase.filter(
    ({ Name, group }) => Name.toLowerCase().includes(wanted) || (group ?? "").toLowerCase().includes(wanted),
  );
  const rows = matching.slice(0, SHOWN).map(({ Name, group, Hostname }) => {
    const tr = document.createElement("tr");
    tr.dataset.database = Name;
    tr.append(...cells(Name, group ?? "", [Hostname ?? "", "wide"]), actionsCell(detailsButton(Name)));
    return tr;
  });
  $("#all-list tbody").replaceChildren(...rows);
  $("#all-list").hidden = rows.length === 0;
  $("#all-count").textContent =
    `${everyDatabase.length} databases` + (wanted ? `, ${matching.length} matching` : "") + (matching.length > SHOWN ? `; the first ${SHOWN} shown` : "");
  return everyDatabase.length;
}

/** A button that shows a database's URL, usage and configuration beside the card it is in. */
function detailsButton(name) {
  const details = button("Details", "details", () =>
    busy(details, async () => {
      const [database, usage, configuration] = await Promise.all([
        turso().databases.get(name),
        turso().databases.usage(name),
        turso().databases.getConfiguration(name),
      ]);
      const card = $("#database-detail");
      details.closest(".card").after(card);
      card.dataset.database = name;
      $("#detail-name").textContent = name;
      $("#detail-url").textContent = `libsql://${database.Hostname}`;
      const total = usage.total ?? {};
      facts($("#detail-facts"), [
        ["group", database.group ?? ""],
        ["primary", database.primaryRegion ?? ""],
        ["rows read", total.rows_read],
        ["rows written", total.rows_written],
        ["storage", bytes(total.storage_bytes)],
        ["size limit", configuration.size_limit || "none"],
        ["attach", onOff(configuration.allow_attach)],
        ["reads", configuration.block_reads ? "blocked" : "allowed"],
        ["writes", configuration.block_writes ? "blocked" : "allowed"],
        ["delete protection", onOff(configuration.delete_protection)],
      ]);
      $(":scope > .result", card).hidden = true;
      card.hidden = false;
      card.scrollIntoView({ block: "nearest" });
    }),
  );
  return details;
}

const copyUrl = $("#copy-url");
copyUrl.addEventListener("click", async () => {
  await navigator.clipboard.writeText($("#detail-url").textContent);
  copyUrl.textContent = "Copied";
  setTimeout(() => (copyUrl.textContent = "Copy URL"), 1500);
});

const detailMint = $("#detail-mint");
detailMint.addEventListener("click", () =>
  busy(detailMint, async () => {
    const card = $("#database-detail");
    const options = tokenOptions(card);
    const { jwt } = await turso().databases.createToken(card.dataset.database, options);
    return { title: `${options.authorization} token for ${card.dataset.database}`, secret: jwt };
  }),
);

const loadUsage = $("#load-usage");
loadUsage.addEventListener("click", () =>
  busy(loadUsage, async () => {
    const [subscription, { usage = {} }] = await Promise.all([turso().organizations.subscription(), turso().organizations.usage()]);
    return { title: "Usage and plan this period", facts: [
      ["plan", `${subscription.plan ?? ""} (${subscription.timeline ?? ""})`],
      ["overages", onOff(subscription.overages)],
      ["rows read", usage.rows_read],
      ["rows written", usage.rows_written],
      ["storage", bytes(usage.storage_bytes)],
      ["databases", usage.databases],
      ["groups", usage.groups],
    ] };
  }),
);

const loadPeople = $("#load-people");
loadPeople.addEventListener("click", () => busy(loadPeople, refreshPeople));

/** Lists the members and the open invites again. */
async function refreshPeople() {
  const [members, invites] = await Promise.all([turso().members.list(), turso().invites.list()]);
  $("#members tbody").replaceChildren(
    ...members.map((member) => {
      const tr = document.createElement("tr");
      tr.dataset.member = member.username;
      const remove = button("Remove", "delete", () => {
        if (!confirm(`Remove ${member.username} from the organization?`)) return;
        return busy(remove, async () => {
          const removed = await turso().members.remove(member.username);
          await refreshPeople();
          return { title: "Member removed", text: removed };
        });
      });
      tr.append(...cells(member.username, member.role ?? "", [member.email ?? "", "wide"]), actionsCell(...(member.role === "owner" ? [] : [remove])));
      return tr;
    }),
  );
  $("#invites tbody").replaceChildren(
    ...invites.map((invite) => {
      const tr = document.createElement("tr");
      tr.dataset.invite = invite.email;
      const revoke = button("Withdraw", "delete", () =>
        busy(revoke, async () => {
          await turso().invites.delete(invite.email);
          await refreshPeople();
          return { title: "Invite withdrawn", text: invite.email };
        }),
      );
      tr.append(...cells(invite.email, invite.role ?? ""), actionsCell(revoke));
      return tr;
    }),
  );
  $("#members").hidden = false;
  $("#invites").hidden = invites.length === 0;
}

const inviteForm = $("#invite");
inviteForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const email = inviteForm.elements.namedItem("email").value.trim();
  const role = inviteForm.elements.namedItem("role").value;
  return busy(inviteForm.querySelector("button"), async () => {
    await turso().invites.create({ email, role });
    await refreshPeople();
    return { title: "Invited", text: `${email} as ${role}` };
  });
});

const loadApiTokens = $("#load-api-tokens");
loadApiTokens.addEventListener("click", () => busy(loadApiTokens, refreshApiTokens));

/** Lists the user's API tokens again. */
async function refreshApiTokens() {
  const tokens = await turso().apiTokens.list();
  $("#api-token-list tbody").replaceChildren(
    ...tokens.map(({ name, id }) => {
      const tr = document.createElement("tr");
      tr.dataset.token = name;
      const revoke = button("Revoke", "delete", () => {
        if (!confirm(`Revoke the API token ${name}? Whatever uses it stops working.`)) return;
        return busy(revoke, async () => {
          await turso().apiTokens.revoke(name);
          await refreshApiTokens();
          return { title: "API token revoked", text: name };
        });
      });
      tr.append(...cells(name, [id, "wide"]), actionsCell(revoke));
      return tr;
    }),
  );
  $("#api-token-list").hidden = tokens.length === 0;
}

const createApiTokenForm = $("#create-api-token");
createApiTokenForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const name = createApiTokenForm.elements.namedItem("name").value.trim();
  return busy(createApiTokenForm.querySelector("button"), async () => {
    const { token } = await turso().apiTokens.create(name);
    await refreshApiTokens();
    return { title: `API token ${name} created`, secret: token };
  });
});

const loadAudit = $("#load-audit");
loadAudit.addEventListener("click", () =>
  busy(loadAudit, async () => {
    const rows = [];
    let count = 0;
    for await (const log of turso().auditLogs.all()) {
      count += 1;
      if (rows.length < SHOWN) rows.push(log);
    }
    $("#audit-list tbody").replaceChildren(
      ...rows.map((log) => {
        const tr = document.createElement("tr");
        tr.append(...cells(log.created_at ?? "", log.message ?? log.code, log.author ?? ""));
        return tr;
      }),
    );
    $("#audit-list").hidden = rows.length === 0;
    return { title: `${count} entries`, text: count > SHOWN ? `the newest ${SHOWN} shown` : "" };
  }),
);

/** Fills a `<dl>` with `[term, value]` pairs, leaving out those with no value; returns it. */
function facts(list, pairs) {
  list.replaceChildren(
    ...pairs
      .filter(([, value]) => value !== undefined && value !== null)
      .flatMap(([term, value]) => [
        Object.assign(document.createElement("dt"), { textContent: term }),
        Object.assign(document.createElement("dd"), { textContent: String(value) }),
      ]),
  );
  return list;
}

const onOff = (value) => (value === true ? "on" : "off");
const bytes = (count) => (count === undefined ? undefined : `${count.toLocaleString("en")} bytes`);

/** Table cells of text; a `[text, className]` pair gets that class, such as `wide` for a column that narrow screens hide. */
function cells(...values) {
  return values.map((value) => {
    const [text, className] = Array.isArray(value) ? value : [value, ""];
    return Object.assign(document.createElement("td"), { textContent: text, className });
  });
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
