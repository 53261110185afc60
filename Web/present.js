// The projector view: the code, then each question in large type with the room's anonymous
// answer counts, then the reveal. No names are ever shown. Text is set with textContent only.
// It follows the room only with the projector key the facilitator's console prints in its
// address: /present#key=… (the fragment never leaves the browser; ?key=… works too).
"use strict";

const $ = (id) => document.getElementById(id);
let options = [];
let correct = null; // the revealed option, kept marked when the counts are drawn again

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
  const socket = new WebSocket(`${scheme}//${location.host}/ws`);
  socket.onopen = () => { retryDelay = 500; socket.send(JSON.stringify({ type: "watch", key: projectorKey() })); };
  socket.onmessage = (event) => handle(JSON.parse(event.data));
  socket.onclose = () => {
    setTimeout(connect, retryDelay + Math.random() * retryDelay);
    retryDelay = Math.min(retryDelay * 2, 10000);
  };
  $("address").textContent = location.host;
}

function handle(message) {
  if (message.type !== "refused") show("refused", false);
  switch (message.type) {
    case "refused":
      $("refused").textContent = message.reason;
      show("refused", true); show("lobby", false);
      break;
    case "lobby":
      show("lobby", true); show("question", false); show("reveal", false);
      if (message.code) $("code").textContent = message.code;
      $("count").textContent = `${message.participants} joined`;
      break;
    case "question": {
      const question = message.question;
      show("lobby", false); show("reveal", false); show("question", true);
      $("question-heading").textContent = `Question ${question.number} of ${question.of}: ${question.kind} — ${question.title}`;
      $("story").replaceChildren(...question.story.map((text) => { const p = document.createElement("p"); p.textContent = text; return p; }));
      $("prompt").textContent = question.prompt;
      options = question.options;
      correct = null;
      drawCounts(options.map((option) => ({ id: option.id, count: 0 })));
      break;
    }
    case "counts":
      drawCounts(message.counts);
      $("answered").textContent = `${message.answered} of ${message.participants} answered`;
      break;
    case "reveal":
      show("reveal", true);
      $("answer").textContent = message.reveal.answer;
      $("citation").textContent = message.reveal.citation;
      $("reasons").replaceChildren(...message.reveal.reasons.map((text) => { const li = document.createElement("li"); li.textContent = text; return li; }));
      correct = message.reveal.correct;
      for (const item of $("options").children) item.classList.toggle("correct", item.dataset.option === correct);
      break;
    case "ended":
      show("lobby", false); show("question", false); show("reveal", false); show("ended", true);
      break;
  }
}

function drawCounts(counts) {
  const total = Math.max(1, counts.reduce((sum, entry) => sum + entry.count, 0));
  $("options").replaceChildren(...options.map((option) => {
    const count = (counts.find((entry) => entry.id === option.id) || { count: 0 }).count;
    const item = document.createElement("li");
    item.dataset.option = option.id;
    item.classList.toggle("correct", option.id === correct);
    const label = document.createElement("span");
    label.textContent = `${option.letter}. ${option.text}`;
    const bar = document.createElement("span");
    bar.className = "bar";
    bar.style.width = `${Math.round((100 * count) / total)}%`;
    const number = document.createElement("span");
    number.className = "number";
    number.textContent = String(count);
    item.append(label, bar, number);
    return item;
  }));
}

connect();
