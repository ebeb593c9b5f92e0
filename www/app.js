import { createGroup, TursoClientError } from "turso-platform-wasm";

const EXTENSIONS = ["vector", "vec", "crypto", "fuzzy", "math", "stats", "text", "unicode", "uuid", "regexp"];

const form = document.querySelector("#create-group");
const allBox = form.elements.namedItem("all");
const extensionBoxes = document.querySelector("#extensions");

for (const name of EXTENSIONS) {
  const label = document.createElement("label");
  label.className = "check";
  label.innerHTML = `<input type="checkbox" name="extension" value="${name}"> ${name}`;
  extensionBoxes.append(label);
}
allBox.addEventListener("change", () => {
  for (const box of extensionBoxes.querySelectorAll("input")) box.disabled = allBox.checked;
});

const config = await fetch("/config.json").then((response) => response.json());
form.elements.namedItem("baseUrl").value = config.baseUrl;

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const field = (name) => form.elements.namedItem(name).value.trim();
  const chosen = [...extensionBoxes.querySelectorAll("input:checked")].map((box) => box.value);
  const extensions = allBox.checked ? "all" : chosen.length > 0 ? chosen : undefined;
  const button = form.querySelector("button");
  button.disabled = true;
  try {
    const group = await createGroup(field("org"), field("token"), field("name"), field("location"), extensions, {
      baseUrl: field("baseUrl"),
      timeoutMs: 15_000,
    });
    show("Group created", JSON.stringify(group, null, 2), null);
  } catch (error) {
    if (!(error instanceof TursoClientError)) throw error;
    show(`Error: ${error.code}`, error.message, error);
  } finally {
    button.disabled = false;
  }
});

function show(title, text, error) {
  const result = document.querySelector("#result");
  result.hidden = false;
  result.className = error ? "error" : "success";
  document.querySelector("#result-title").textContent = title;
  document.querySelector("#result-body").textContent = text;
  const fields = document.querySelector("#error-fields");
  fields.replaceChildren();
  fields.hidden = !error;
  if (!error) return;
  for (const key of ["code", "status", "field"]) {
    if (error[key] === undefined) continue;
    const term = document.createElement("dt");
    term.textContent = key;
    const value = document.createElement("dd");
    value.textContent = String(error[key]);
    value.dataset.key = key;
    fields.append(term, value);
  }
}
