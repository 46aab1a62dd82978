// The editor's page: sends the draft to POST /api/check and shows the JSON contract it answers.
// Highlights are CSS Custom Highlight API ranges placed by the claims' offsets (never by
// searching for a figure's text); all article text is put in the page as text nodes, never as
// markup. Nothing here judges a figure: the findings are the server's.
"use strict";

const DEBOUNCE_MS = 700;
const SEVERITIES = ["error", "warning", "info"];
const DRAFT_SUFFIXES = [".md", ".markdown", ".txt", ".text", ".html", ".htm"];
const DEFAULT_REASON = "checked with the source";

const $ = (id) => document.getElementById(id);
const editor = $("editor");
const card = $("card");
let report = null;      // the last contract the server answered, for the text it was asked about
let checkedText = "";   // that text
let marks = [];         // {range, kind, finding?, claim} of the draft, in draft order
let health = null;
let latest = 0;         // number of the last request sent: older answers are dropped
let timer = null;
let pinned = false;

// -- the editor's text and positions in it ---------------------------------------------------

/** The editor's text, and the text nodes it is made of with their offsets (UTF-16). */
function readEditor() {
  const pieces = [];
  let text = "";
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        pieces.push({ node: child, start: text.length });
        text += child.data;
      } else if (child.nodeName === "BR") {
        text += "\n";
      } else {
        if (text && !text.endsWith("\n") && getComputedStyle(child).display === "block") text += "\n";
        walk(child);
      }
    }
  };
  walk(editor);
  return { text, pieces };
}

/** A function from code-point offsets (Python's) to UTF-16 offsets (JavaScript's). */
function utf16Offsets(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return (offset) => offset;
  const table = [];
  let unit = 0;
  for (const character of text) { table.push(unit); unit += character.length; }
  table.push(unit);
  return (offset) => table[Math.min(offset, table.length - 1)];
}

/** The DOM position of a UTF-16 offset of the editor's text. */
function position(pieces, offset) {
  for (let i = pieces.length - 1; i >= 0; i--) {
    if (pieces[i].start <= offset) {
      return { node: pieces[i].node, offset: Math.min(offset - pieces[i].start, pieces[i].node.data.length) };
    }
  }
  return { node: editor, offset: 0 };
}

function rangeOf(pieces, start, end) {
  const range = new Range();
  const from = position(pieces, start), to = position(pieces, end);
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

// -- checking ----------------------------------------------------------------------------------

function filename() {
  const name = $("filename").value.trim();
  return DRAFT_SUFFIXES.some((suffix) => name.toLowerCase().endsWith(suffix)) ? name : "draft.md";
}

async function post(text, format) {
  const query = format ? `?format=${format}` : "";
  const response = await fetch(`/api/check${query}`, {
    method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ text, filename: filename() }),
  });
  if (!response.ok) {
    const answer = await response.json().catch(() => ({ error: response.statusText }));
    throw new Error(answer.error || response.statusText);
  }
  return format === "markdown" ? response.text() : response.json();
}

async function check() {
  clearTimeout(timer);
  const { text } = readEditor();
  if (!text.trim()) {
    showEmpty();
    return;
  }
  const number = ++latest;
  document.body.dataset.state = "checking";
  try {
    const answer = await post(text);
    if (number !== latest || readEditor().text !== text) return; // the draft moved on: a newer check follows
    report = answer;
    checkedText = text;
    show();
  } catch (error) {
    if (number !== latest) return;
    document.body.dataset.state = "failed";
    $("summary").textContent = `The check failed: ${error.message}`;
  }
}

function scheduleCheck() {
  clearTimeout(timer);
  timer = setTimeout(check, DEBOUNCE_MS);
}

/** The marks turn stale the moment the text changes; they come back after the re-check. */
function onEdit() {
  if (marks.length) {
    CSS.highlights.clear();
    CSS.highlights.set("fc-stale", new Highlight(...marks.map((mark) => mark.range)));
    marks = [];
  }
  hideCard(true);
  document.body.dataset.state = "stale";
  scheduleCheck();
}

// -- what the report says about the draft -----------------------------------------------------

function draftDocument() {
  const name = filename();
  return report.documents.find((document) => document.path === name);
}

function claimsById() {
  return new Map(report.claims.map((claim) => [claim.id, claim]));
}

function documentsById() {
  return new Map(report.documents.map((document) => [document.id, document]));
}

/** The draft's findings (primary claim in the draft, or a place in it), in draft order. */
function draftFindings(draft, claims) {
  const ofDraft = report.findings.filter((finding) => finding.claims.length
    ? claims.get(finding.claims[0]).doc === draft.id : finding.location.path === draft.path);
  const at = (finding) => finding.claims.length ? claims.get(finding.claims[0]).start : -1;
  const line = (finding) => finding.location.line;
  return ofDraft.sort((a, b) => line(a) - line(b) || at(a) - at(b));
}

/** The reference claims grouped with each draft claim that no finding reports: compared, and
 *  no conflict (they agree, or the editor ignored the conflict with a comment). */
function agreeing(draft, claims, conflicting) {
  const found = new Map();
  for (const group of report.groups) {
    const members = group.claims.map((id) => claims.get(id));
    const others = members.filter((claim) => claim.doc !== draft.id);
    for (const claim of members.filter((claim) => claim.doc === draft.id && !conflicting.has(claim.id))) {
      if (others.length) found.set(claim.id, others);
    }
  }
  return found;
}

// -- showing it ---------------------------------------------------------------------------------

function showEmpty() {
  report = null;
  marks = [];
  CSS.highlights.clear();
  document.body.dataset.state = "empty";
  $("summary").textContent = "Paste or type a draft (Markdown or plain text), or drop a file on the editor.";
  $("findings").replaceChildren();
  $("errors").replaceChildren();
}

function show() {
  const draft = draftDocument();
  const claims = claimsById();
  const { pieces } = readEditor();
  const toUtf16 = utf16Offsets(checkedText);
  const findings = draft ? draftFindings(draft, claims) : [];
  const conflicting = new Set(findings.filter((f) => f.claims.length).map((f) => f.claims[0]));
  const agree = draft ? agreeing(draft, claims, conflicting) : new Map();
  marks = findings.filter((finding) => finding.claims.length).map((finding) => {
    const claim = claims.get(finding.claims[0]);
    return { range: rangeOf(pieces, toUtf16(claim.start), toUtf16(claim.end)), kind: finding.severity, finding, claim };
  });
  if ($("show-agreeing").checked) {
    for (const [id, others] of agree) {
      const claim = claims.get(id);
      marks.push({ range: rangeOf(pieces, toUtf16(claim.start), toUtf16(claim.end)), kind: "agree", claim, others });
    }
  }
  paint();
  listFindings(findings, claims);
  listErrors();
  summarise(draft, conflicting);
  document.body.dataset.state = "checked";
}

function paint() {
  CSS.highlights.clear();
  for (const kind of [...SEVERITIES, "agree"]) {
    const ranges = marks.filter((mark) => mark.kind === kind).map((mark) => mark.range);
    if (ranges.length) CSS.highlights.set(`fc-${kind}`, new Highlight(...ranges));
  }
}

function summarise(draft, conflicting) {
  const own = draft ? report.claims.filter((claim) => claim.doc === draft.id) : [];
  const grouped = new Set(report.groups.flatMap((group) => group.claims));
  const alone = own.filter((claim) => !grouped.has(claim.id)).length;
  const parts = [`${own.length} figure${own.length === 1 ? "" : "s"} checked`, `${conflicting.size} in conflict`,
                 `${alone} had nothing to compare with`];
  const suppressed = report.summary.suppressed ? `; ${report.summary.suppressed} ignored by comments` : "";
  $("summary").textContent = `${parts.join(", ")}${suppressed}.`;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function listFindings(findings, claims) {
  const items = findings.map((finding) => {
    const item = element("li");
    item.append(element("span", `badge ${finding.severity}`, finding.rule), " ");
    const figure = finding.claims.length ? `“${claims.get(finding.claims[0]).surface}”: ` : "";
    item.append(`line ${finding.location.line}: ${figure}${finding.message}`);
    const mark = marks.find((candidate) => candidate.finding === finding);
    if (mark) item.addEventListener("click", () => reveal(mark));
    return item;
  });
  $("findings").replaceChildren(...items);
  if (!items.length) $("findings").replaceChildren(element("li", "", "No conflicting figures."));
}

function listErrors() {
  $("errors").replaceChildren(...report.errors.map((error) => element("li", "", `${error.path}: ${error.message}`)));
  if (health) {
    const reference = health.reference;
    const articles = `${reference.documents} reference article${reference.documents === 1 ? "" : "s"}`;
    $("reference").textContent = `Against ${articles} in ${reference.folders.join(", ")}; `
      + `factcheck ${health.tool.version}.`;
  }
}

/** Scroll the editor to a mark and open its card. */
function reveal(mark) {
  const box = mark.range.getBoundingClientRect();
  const frame = editor.getBoundingClientRect();
  editor.scrollTop += box.top - frame.top - frame.height / 3;
  requestAnimationFrame(() => openCard(mark, true)); // after the scroll event, which closes cards
}

// -- the card -----------------------------------------------------------------------------------

function describeClaim(claim, documents, className) {
  const block = element("div", `claim ${className}`);
  const source = documents.get(claim.doc) || {};
  block.append(element("div", "figure", claim.surface), element("div", "sentence", claim.sentence));
  const said = className === "draft" ? [] : [source.title, claim.source, claim.date]; // the draft's are the editor's
  const where = [...said, `${claim.path}:${claim.line}`].filter(Boolean);
  block.append(element("div", "where", where.join(" · ")));
  return block;
}

function openCard(mark, pin) {
  const claims = claimsById();
  const documents = documentsById();
  const parts = [];
  if (mark.finding) {
    const rule = (health?.rules || []).find((candidate) => candidate.id === mark.finding.rule);
    const heading = element("h3");
    heading.append(element("span", `badge ${mark.finding.severity}`, mark.finding.rule), ` ${rule ? rule.title : mark.finding.title}`);
    parts.push(heading, element("p", "reason", mark.finding.message), describeClaim(mark.claim, documents, "draft"));
    for (const id of mark.finding.claims.slice(1)) parts.push(describeClaim(claims.get(id), documents, "against"));
    if ($("show-agreeing").checked) {
      for (const id of mark.finding.agreeing) parts.push(describeClaim(claims.get(id), documents, "agrees"));
    }
    parts.push(ignoreActions(mark));
  } else {
    const heading = element("h3");
    heading.append(element("span", "badge agree", "no conflict"), " Compared with these reference figures");
    parts.push(heading, describeClaim(mark.claim, documents, "draft"));
    for (const other of mark.others) parts.push(describeClaim(other, documents, "agrees"));
  }
  card.replaceChildren(...parts);
  card.hidden = false;
  card.dataset.claim = mark.claim.id;
  const box = mark.range.getBoundingClientRect();
  card.style.left = `${Math.max(8, Math.min(box.left + window.scrollX, window.innerWidth - card.offsetWidth - 8))}px`;
  card.style.top = `${box.bottom + window.scrollY + 6}px`;
  pinned = pin;
}

function ignoreActions(mark) {
  const actions = element("div", "actions");
  const reason = element("input");
  reason.value = DEFAULT_REASON;
  reason.setAttribute("aria-label", "reason");
  const button = element("button", "", "Ignore");
  button.type = "button";
  button.title = "Insert a suppression comment after the figure's line, so the decision travels with the draft";
  button.addEventListener("click", () => ignore(mark, reason.value));
  actions.append(reason, button);
  return actions;
}

/** The comment factcheck understands, at the end of the figure's line (it silences the
 *  rule for the figures of its own line). */
function ignore(mark, reason) {
  const said = reason.replace(/--+|>/g, " ").replace(/\s+/g, " ").trim() || DEFAULT_REASON;
  const comment = ` <!-- factcheck: ignore ${mark.finding.rule} ${said} -->`;
  const { text, pieces } = readEditor();
  const end = utf16Offsets(checkedText)(mark.claim.end);
  const lineEnd = text.indexOf("\n", end);
  const at = position(pieces, lineEnd < 0 ? text.length : lineEnd);
  hideCard(true);
  editor.focus();
  const selection = window.getSelection();
  const caret = new Range();
  caret.setStart(at.node, at.offset);
  selection.removeAllRanges();
  selection.addRange(caret);
  if (!document.execCommand("insertText", false, comment)) { // keeps the editor's undo history
    at.node.insertData?.(at.offset, comment);
    onEdit();
  }
}

function hideCard(force) {
  if (pinned && !force) return;
  card.hidden = true;
  pinned = false;
}

function markAt(x, y) {
  return marks.find((mark) => [...mark.range.getClientRects()].some(
    (box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom));
}

// -- downloads ----------------------------------------------------------------------------------

function ruleSet() {
  return (health?.rules || []).map((rule) => `${rule.id} (${rule.severity})`).join(", ");
}

function download(name, type, content) {
  const link = element("a");
  link.href = URL.createObjectURL(new Blob([content], { type }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

async function downloadReport(format) {
  const { text } = readEditor();
  if (!text.trim()) return;
  const stem = filename().replace(/\.[^.]+$/, "");
  if (format === "markdown") {
    const body = await post(text, "markdown");
    const footer = `\n\nChecked with factcheck ${health?.tool.version ?? ""}; rules: ${ruleSet()}.\n`;
    download(`${stem}-factcheck.md`, "text/markdown", body + footer);
  } else {
    const body = await post(text);
    download(`${stem}-factcheck.json`, "application/json", JSON.stringify({ ...body, rules: health?.rules ?? [] }, null, 2));
  }
}

// -- wiring -------------------------------------------------------------------------------------

editor.addEventListener("input", onEdit);
editor.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); check(); }
});
editor.addEventListener("mousemove", (event) => {
  const mark = markAt(event.clientX, event.clientY);
  if (mark && card.dataset.claim !== mark.claim.id) openCard(mark, false);
  else if (!mark) hideCard(false);
});
editor.addEventListener("click", (event) => {
  const mark = markAt(event.clientX, event.clientY);
  if (mark) openCard(mark, true);
});
editor.addEventListener("scroll", () => hideCard(true));
document.addEventListener("keydown", (event) => { if (event.key === "Escape") hideCard(true); });
document.addEventListener("mousedown", (event) => {
  if (!card.contains(event.target) && !editor.contains(event.target)) hideCard(true);
});
editor.addEventListener("dragover", (event) => { event.preventDefault(); editor.classList.add("dropping"); });
editor.addEventListener("dragleave", () => editor.classList.remove("dropping"));
editor.addEventListener("drop", async (event) => {
  event.preventDefault();
  editor.classList.remove("dropping");
  const file = event.dataTransfer.files[0];
  if (!file) return;
  if (DRAFT_SUFFIXES.some((suffix) => file.name.toLowerCase().endsWith(suffix))) $("filename").value = file.name;
  editor.textContent = (await file.text()).replace(/\r\n?/g, "\n");
  onEdit();
  check();
});
$("check-now").addEventListener("click", check);
$("filename").addEventListener("change", check);
$("show-agreeing").addEventListener("change", () => { if (report && readEditor().text === checkedText) show(); });
$("download-markdown").addEventListener("click", () => downloadReport("markdown"));
$("download-json").addEventListener("click", () => downloadReport("json"));

fetch("/api/health").then((response) => response.json()).then((answer) => { health = answer; });
