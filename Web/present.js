// The projector view: the code, then each question in large type with the room's anonymous
// answer counts, then the reveal. No names are ever shown. Text is set with textContent only.
// The join address (the one the room reaches, with its QR code) is written into the page by the
// server; the code and address stay in a corner after the lobby. The phase is on <body
// data-phase>, which the layout follows.
// It follows the room only with the projector key the facilitator's console prints in its
// address: /present#key=… (the fragment never leaves the browser; ?key=… works too).
"use strict";

const $ = (id) => document.getElementById(id);
let options = [];
let correct = null; // the revealed option, kept marked when the counts are drawn again
let lastCounts = [];

function show(id, visible) { $(id).hidden = !visible; }

function projectorKey() {
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get("key");
  return fromFragment || new URLSearchParams(location.search).get("key") || "";
}

// Follows the room with the key from the address; when the connection drops (the host
// restarted) it tries again, waiting longer each time, and follows the room again.
let retryDelay = 500; // doubles after each failed connection, up to 10 s
function connect() {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const socket = new WebSocket(`${scheme}//${location.host}${document.documentElement.dataset.socket || "/ws"}`);
  socket.onopen = () => { retryDelay = 500; socket.send(JSON.stringify({ type: "watch", key: projectorKey() })); };
  socket.onmessage = (event) => handle(JSON.parse(event.data));
  socket.onclose = () => {
    setTimeout(connect, retryDelay + Math.random() * retryDelay);
    retryDelay = Math.min(retryDelay * 2, 10000);
  };
}

function phase(name) { document.body.dataset.phase = name; }

function handle(message) {
  if (message.type !== "refused") show("refused", false);
  if (message.code) $("code").textContent = message.code;
  switch (message.type) {
    case "refused":
      $("refused").textContent = message.reason;
      show("refused", true); show("join-panel", false);
      phase("refused");
      break;
    case "lobby":
      show("join-panel", true); show("question", false); show("reveal", false);
      $("count").textContent = `${message.participants} joined`;
      phase("lobby");
      break;
    case "question": {
      const question = message.question;
      show("join-panel", true); show("reveal", false); show("question", true);
      phase("asking");
      $("question-heading").textContent = `Question ${question.number} of ${question.of}: ${question.kind} — ${question.title}`;
      $("story").replaceChildren(...question.story.map((text) => { const p = document.createElement("p"); p.textContent = text; return p; }));
      $("prompt").textContent = question.prompt;
      options = question.options;
      correct = null;
      drawCounts(options.map((option) => ({ id: option.id, count: 0 })));
      fit();
      break;
    }
    case "counts":
      drawCounts(message.counts);
      $("answered").textContent = `${message.answered} of ${message.participants} answered`;
      break;
    case "reveal":
      show("reveal", true);
      phase("revealed");
      $("answer").textContent = message.reveal.answer;
      $("citation").textContent = message.reveal.citation;
      $("reasons").replaceChildren(...message.reveal.reasons.map((text) => { const li = document.createElement("li"); li.textContent = text; return li; }));
      correct = message.reveal.correct;
      drawCounts(lastCounts);
      fit();
      break;
    case "ended":
      show("question", false); show("reveal", false); show("ended", true);
      phase("ended");
      break;
  }
}

// A column that would run off the screen gets smaller type, step by step, until it fits: on the
// left the story (or, at the reveal, the explanation), down to 60% of the body text; on the right
// the options, down to 85%. Whatever fits keeps the full size.
function fit() {
  const root = document.documentElement;
  const bottom = window.innerHeight - parseFloat(getComputedStyle($("question")).fontSize) * 0.4;
  const columns = [["--side", () => $("answered"), 0.85], ["--story", () => ($("reveal").hidden ? $("story") : $("reveal")), 0.6]];
  for (const [name, last, floor] of columns) {
    let scale = 1;
    root.style.setProperty(name, "1");
    while (last().getBoundingClientRect().bottom > bottom && scale > floor + 0.001) {
      scale = Math.max(floor, scale - 0.03);
      root.style.setProperty(name, String(scale));
    }
  }
}
window.addEventListener("resize", fit);

// Each option with its count and a bar; after the reveal the answer is marked in words and with
// a symbol (not by colour alone), and the other options are dimmed (still readable).
function drawCounts(counts) {
  lastCounts = counts;
  const total = Math.max(1, counts.reduce((sum, entry) => sum + entry.count, 0));
  $("options").replaceChildren(...options.map((option) => {
    const count = (counts.find((entry) => entry.id === option.id) || { count: 0 }).count;
    const item = document.createElement("li");
    item.dataset.option = option.id;
    item.classList.toggle("correct", option.id === correct);
    item.classList.toggle("dimmed", correct !== null && option.id !== correct);
    const label = document.createElement("span");
    label.className = "option-text";
    label.textContent = `${option.letter}. ${option.text}`;
    if (option.id === correct) {
      const mark = document.createElement("strong");
      mark.className = "mark";
      mark.textContent = "✓ Correct answer";
      label.prepend(mark);
    }
    const bar = document.createElement("span");
    bar.className = "bar";
    const fill = document.createElement("span");
    fill.className = "fill";
    fill.style.width = `${Math.round((100 * count) / total)}%`;
    bar.append(fill);
    const number = document.createElement("span");
    number.className = "number";
    number.textContent = String(count);
    item.append(label, bar, number);
    return item;
  }));
}

connect();
