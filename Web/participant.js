// The participant page: join, answer the open question, see the reveal.
// Every text from the server is shown with textContent, never as HTML.
// A server that signs participants in (the district server) serves it with <html data-socket>
// (where its socket is), without the name fields (the sign-in says who joins), and with
// <html data-record> (where the participant finds their record after the end).
"use strict";

const $ = (id) => document.getElementById(id);
let socket;
let token = sessionStorage.getItem("csec-token");
const rejoinKey = storedRejoinKey();
let retryDelay = 500; // doubles after each failed connection, up to 10 s
let openQuestion = null;
let lastRefusal = null;
let joinedAs = null;
let chosen = null; // the option this participant chose for the open question

function show(id, visible) { $(id).hidden = !visible; }
function status(text) { $("status").textContent = text; }
// Errors (a refusal) apart from instructions: an alert, marked as an error in words and style.
function showError(text) { $("error").textContent = text ? `Problem: ${text}` : ""; show("error", Boolean(text)); }
function answerStatus(text) { $("answer-status").textContent = text; }
function send(message) { if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message)); }

// A random key kept on this device (for this site): joining again with it, after the tab was
// closed, is the same participant, not a second one.
function storedRejoinKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const fresh = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  try {
    const kept = localStorage.getItem("csec-rejoin-key");
    if (kept) return kept;
    localStorage.setItem("csec-rejoin-key", fresh);
  } catch { /* storage refused (a private window): this page keeps its own key */ }
  return fresh;
}

// Connects, and resumes with the token when the page has joined. When the connection drops (the
// host restarted, the Wi-Fi went away) it tries again, waiting longer each time.
function connect() {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  socket = new WebSocket(`${scheme}//${location.host}${document.documentElement.dataset.socket || "/ws"}`);
  socket.onopen = () => {
    retryDelay = 500;
    const ask = $("name") ? "Enter the code and your name." : "Enter the code on the screen.";
    if (token) { send({ type: "resume", token }); } else { status(lastRefusal ?? ask); show("join", true); }
  };
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    if (message.type !== "refused") lastRefusal = null;
    handle(message);
  };
  // A page refused too often is closed by the server: keep saying why.
  socket.onclose = () => {
    status(lastRefusal ?? "Connection lost. Reconnecting…");
    setTimeout(connect, retryDelay + Math.random() * retryDelay);
    retryDelay = Math.min(retryDelay * 2, 10000);
  };
}

function handle(message) {
  if (message.type !== "refused") showError(null);
  switch (message.type) {
    case "joined":
      lastRefusal = null;
      joinedAs = message.name;
      token = message.token;
      sessionStorage.setItem("csec-token", token);
      show("join", false);
      status(`Joined as ${message.name}. Waiting for the facilitator.`);
      break;
    case "refused":
      lastRefusal = message.reason;
      showError(message.reason);
      if (!token || message.reason.startsWith("Join the session first")) { token = null; sessionStorage.removeItem("csec-token"); show("join", true); }
      break;
    case "lobby":
      status(joinedAs ? `Joined as ${joinedAs}. Waiting for the first question.` : "Waiting for the first question.");
      break;
    case "question":
      showQuestion(message.question);
      break;
    case "answered":
      chosen = message.chosen;
      for (const button of $("options").querySelectorAll("button")) {
        button.setAttribute("aria-pressed", String(button.dataset.option === message.chosen));
        tag(button, button.dataset.option === message.chosen ? "Your answer (received)" : "");
      }
      answerStatus(`Answer received: ${letterOf(message.chosen)}. You can change it until the answer is shown.`);
      break;
    case "reveal":
      showReveal(message.reveal);
      break;
    case "ended":
      status("The session has ended. Thank you.");
      showOutcome(message.outcome);
      show("question", false); show("reveal", false);
      socket.onclose = null;
      sessionStorage.removeItem("csec-token");
      break;
  }
}

function showQuestion(question) {
  chosen = null;
  openQuestion = question.index;
  show("reveal", false);
  show("question", true);
  $("question-heading").textContent = `Question ${question.number} of ${question.of}: ${question.kind} — ${question.title}`;
  const story = $("story");
  story.replaceChildren(...question.story.map((text) => { const p = document.createElement("p"); p.textContent = text; return p; }));
  $("prompt").textContent = question.prompt;
  const options = $("options");
  options.replaceChildren(...question.options.map((option) => {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.option = option.id;
    button.setAttribute("aria-pressed", "false");
    button.dataset.letter = option.letter;
    const text = document.createElement("span");
    text.textContent = `${option.letter}. ${option.text}`;
    const tagged = document.createElement("span");
    tagged.className = "option-status";
    button.append(text, tagged);
    button.addEventListener("click", () => send({ type: "answer", token, question: openQuestion, option: option.id }));
    return button;
  }));
  // The status by the options says what happens to the answer; the one at the top, where we are.
  status(joinedAs ? `Joined as ${joinedAs}.` : "");
  answerStatus("Choose your answer. You can change it until the answer is shown.");
}

// The word next to an option: "Your answer (received)", "✓ Correct answer", …
function tag(button, text) {
  const tagged = button.querySelector(".option-status");
  tagged.textContent = text;
  tagged.hidden = !text;
}

function letterOf(option) {
  const button = $("options").querySelector(`button[data-option="${CSS.escape(option)}"]`);
  return button ? button.dataset.letter : option;
}

// At the end, this participant's own result, scored by the server as their record is.
function showOutcome(outcome) {
  show("outcome", true);
  if (!outcome) {
    $("outcome-heading").textContent = "Session ended";
    $("outcome-text").textContent = "Your facilitator will tell you about your completion record.";
    $("outcome-reasons").replaceChildren();
    return;
  }
  $("outcome-heading").textContent = outcome.passed ? "✓ You passed" : "Not passed";
  $("outcome-text").textContent = outcome.passed
    ? `Your score: ${outcome.percent}%. Your certificate is to come: your facilitator will share it.`
    : `Your score: ${outcome.percent}%. This session does not complete your training:`;
  $("outcome").classList.toggle("passed", outcome.passed);
  $("outcome-reasons").replaceChildren(...outcome.reasons.map((text) => { const li = document.createElement("li"); li.textContent = text; return li; }));
  const record = document.documentElement.dataset.record;
  if (record) {
    $("outcome-text").textContent = `Your score: ${outcome.percent}%. ` + (outcome.passed ? "" : "This session does not complete your training:");
    const link = document.createElement("a");
    link.href = record;
    link.textContent = outcome.passed ? "Your completion record and certificate" : "Your completion record";
    const line = document.createElement("p");
    line.append(link);
    $("outcome").append(line);
  }
}

function showReveal(reveal) {
  show("reveal", true);
  $("answer").textContent = reveal.answer;
  const whyNot = chosen && chosen !== reveal.correct ? reveal.whyWrong[chosen] : null;
  $("why-not").hidden = !whyNot;
  $("why-not").textContent = whyNot ? `Why not your answer: ${whyNot}` : "";
  $("definition").hidden = !reveal.definition;
  $("definition").textContent = reveal.definition || "";
  $("citation").textContent = reveal.citation;
  $("reasons").replaceChildren(...reveal.reasons.map((text) => { const li = document.createElement("li"); li.textContent = text; return li; }));
  for (const button of $("options").querySelectorAll("button")) {
    button.disabled = true;
    const isCorrect = button.dataset.option === reveal.correct;
    const isChosen = button.dataset.option === chosen;
    if (isCorrect) button.classList.add("correct");
    tag(button, [isCorrect ? "✓ Correct answer" : "", isChosen ? "Your answer" : ""].filter(Boolean).join(" · "));
  }
  answerStatus(!chosen ? `Answers are closed. You did not answer; the answer is ${letterOf(reveal.correct)}.`
    : chosen === reveal.correct ? `Answers are closed. Your answer, ${letterOf(chosen)}, is correct.`
    : `Answers are closed. Your answer was ${letterOf(chosen)}; the correct answer is ${letterOf(reveal.correct)}.`);
}

$("join").addEventListener("submit", (event) => {
  event.preventDefault();
  // Signed in: the server joins the participant by their sign-in, whatever name is sent.
  const name = $("name") ? $("name").value : "";
  const employeeID = $("employee") ? $("employee").value || null : null;
  send({ type: "join", code: $("code").value, name, employeeID, rejoinKey });
});

connect();
