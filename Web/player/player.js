// The LMS player: the content note, the briefing, then each question of the course with the
// protocol's answer after it, then the result. Everything it shows comes from content.js
// (window.CSEC_CONTENT), which csec-trainer wrote with the answers the protocol engine computed:
// this script only looks them up. Every text is shown with textContent, never as HTML.
// It reports to the LMS through lms.js (window.CSEC_LMS: SCORM 1.2 or cmi5).
"use strict";

(() => {
  const content = window.CSEC_CONTENT;
  const lms = window.CSEC_LMS;
  const $ = (id) => document.getElementById(id);
  const questions = content ? content.cases.flatMap((item) => item.questions.map((question) => ({ item, question }))) : [];
  const answers = []; // { question, letter, correct, critical }
  let current = 0;
  let askedAt = 0;

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  // Paragraphs of a text whose paragraphs are separated by blank lines.
  function paragraphs(text) {
    return text.split(/\n\s*\n/).map((part) => part.trim()).filter(Boolean).map((part) => element("p", part));
  }

  function show(id) {
    for (const section of ["note", "briefing", "question", "result"]) $(section).hidden = section !== id;
  }

  function focus(id) {
    const node = $(id);
    node.focus();
    node.scrollIntoView({ block: "start" });
  }

  function lmsStatus(text) { $("lms-status").textContent = text || ""; }
  function problem(text) { $("problem").textContent = text; $("problem").hidden = !text; }

  function showNote() {
    const note = content.contentNote;
    $("note-heading").textContent = note.heading;
    $("note-text").textContent = note.text;
    $("support-lines").replaceChildren(...note.supportLines.map((line) => element("li", line)));
    show("note");
  }

  function block(item) {
    switch (item.kind) {
      case "subheading": return [element("h4", item.text)];
      case "note": return [element("p", item.text, "muted")];
      case "list": {
        const list = element("ul");
        list.replaceChildren(...item.items.map((text) => element("li", text)));
        return [list];
      }
      case "step": {
        const step = element("p");
        step.append(element("span", `Step ${item.number}. `, "step-number"), item.text);
        const details = element("ul");
        details.replaceChildren(...(item.items || []).map((text) => element("li", text)));
        return details.children.length ? [step, details] : [step];
      }
      default: return paragraphs(item.text || "");
    }
  }

  function showBriefing() {
    const briefing = content.briefing;
    $("briefing-heading").textContent = briefing.title;
    $("protocol-line").textContent = briefing.protocolLine;
    $("briefing-sections").replaceChildren(...briefing.sections.map((section) => {
      const part = element("section");
      part.append(element("h3", section.heading), ...section.blocks.flatMap(block));
      return part;
    }));
    show("briefing");
    focus("briefing-heading");
  }

  function showQuestion() {
    const { item, question } = questions[current];
    const caseNumber = content.cases.indexOf(item) + 1;
    $("progress").textContent =
      `Question ${current + 1} of ${questions.length} · Case ${caseNumber} of ${content.cases.length}`;
    $("case-heading").textContent = item.title;
    $("story").replaceChildren(...[item.narrative, ...question.story].flatMap(paragraphs));
    $("prompt").textContent = `${question.kindName}: ${question.prompt}`;
    $("options").replaceChildren(...question.options.map((option, index) => {
      const row = element("div", null, "option");
      const input = element("input");
      input.type = "radio";
      input.name = "option";
      input.id = `option-${index}`;
      input.value = option.letter;
      const label = element("label", option.text);
      label.htmlFor = input.id;
      row.append(input, label);
      return row;
    }));
    $("answer-problem").hidden = true;
    $("check").hidden = false;
    $("options-fieldset").disabled = false;
    $("feedback").hidden = true;
    show("question");
    focus("case-heading");
    askedAt = Date.now();
  }

  function check(event) {
    event.preventDefault();
    const chosen = document.querySelector('#options input[name="option"]:checked');
    if (!chosen) {
      $("answer-problem").textContent = "Choose an answer first.";
      $("answer-problem").hidden = false;
      return;
    }
    const { question } = questions[current];
    const option = question.options.find((candidate) => candidate.letter === chosen.value);
    const answer = {
      question, letter: option.letter, correct: option.letter === question.correct,
      critical: option.critical && content.scoring.criticalMistakesFail,
    };
    answers.push(answer);
    if (lms) lms.answered(question, answer, Date.now() - askedAt);
    $("options-fieldset").disabled = true;
    $("check").hidden = true;
    showFeedback(question, option, answer);
  }

  function showFeedback(question, option, answer) {
    const right = question.options.find((candidate) => candidate.letter === question.correct);
    const explanation = question.explanation;
    $("verdict").textContent = answer.correct ? "Correct." : "Not the protocol's answer.";
    $("verdict").className = answer.correct ? "good" : "bad";
    const details = [];
    if (answer.critical) {
      details.push(element("p", "This is a critical mistake: the attempt cannot pass. You may finish the questions for practice.", "alert"));
    }
    if (!answer.correct) {
      // A catalogued mistake's why is also its whyWrong: it is shown once, and "critical" only
      // where the alert above does not already say so.
      const critical = option.critical && !answer.critical ? " This is a critical mistake." : "";
      if (option.mistake) details.push(element("p", `Why this is a common mistake: ${option.mistake}${critical}`));
      else if (option.whyWrong) details.push(element("p", `Why it is wrong here: ${option.whyWrong}`));
    }
    details.push(element("p", `The protocol's answer: ${right.text}`));
    if (explanation.answer && explanation.answer !== right.text) details.push(element("p", explanation.answer));
    if (explanation.definition) details.push(element("p", explanation.definition));
    if (explanation.reasons.length) {
      const reasons = element("ul");
      reasons.replaceChildren(...explanation.reasons.map((reason) => element("li", reason)));
      details.push(reasons);
    }
    if (explanation.source) details.push(element("p", `Source: ${explanation.source}`, "muted"));
    $("feedback-details").replaceChildren(...details);
    $("next").textContent = current + 1 < questions.length ? "Next question" : "See my result";
    $("feedback").hidden = false;
    focus("verdict");
  }

  // The pass mark in force: the LMS's mastery score when it gives one (cmi5 LaunchData), else the
  // policy's. The critical-mistake rule applies either way.
  function passMark() {
    const given = lms && typeof lms.masteryScore === "function" ? lms.masteryScore() : null;
    return given === null
      ? { value: content.scoring.passMark, text: `the pass mark of ${content.scoring.passPercent}%` }
      : { value: given, text: `the pass mark set by your LMS, ${Number((given * 100).toFixed(2))}%` };
  }

  // The score as the Scoring module computes it: points per kind, the share of those possible
  // against the pass mark, and a critical mistake failing the attempt whatever the score.
  function result() {
    const mark = passMark();
    const possible = answers.reduce((sum, answer) => sum + answer.question.points, 0);
    const earned = answers.reduce((sum, answer) => sum + (answer.correct ? answer.question.points : 0), 0);
    const fraction = possible === 0 ? 0 : earned / possible;
    const percent = Math.round(fraction * 100);
    const meetsMark = possible > 0 && fraction >= mark.value;
    const critical = answers.filter((answer) => answer.critical);
    const reasons = [meetsMark
      ? `Score ${percent}% meets ${mark.text}.`
      : `Score ${percent}% is below ${mark.text}.`];
    for (const answer of critical) {
      const option = answer.question.options.find((candidate) => candidate.letter === answer.letter);
      reasons.push(`Question ${answer.question.number}: “${option.text}” is a critical mistake. ${option.mistake || ""}`.trim());
    }
    return { earned, possible, fraction, percent, passMark: mark.value, meetsMark,
      passed: meetsMark && critical.length === 0, reasons, criticalMistake: critical.length > 0 };
  }

  async function next() {
    current += 1;
    if (current < questions.length) return showQuestion();
    const outcome = result();
    $("outcome").textContent = `${outcome.passed ? "Passed" : "Not passed"}: ${outcome.percent}%`;
    $("outcome").className = `outcome ${outcome.passed ? "good" : "bad"}`;
    $("outcome-reasons").replaceChildren(...outcome.reasons.map((reason) => element("li", reason)));
    show("result");
    focus("result-heading");
    document.documentElement.dataset.finished = "true";
    if (!lms) return;
    $("report-status").textContent = "Sending your result to your LMS…";
    $("report-status").textContent = await lms.finish(outcome, answers);
    document.documentElement.dataset.reported = "true";
    if (typeof lms.returnURL === "function" && lms.returnURL()) $("return").hidden = false;
  }

  async function start() {
    if (!content || content.format !== "csec-trainer-lms-player-content" || content.formatVersion !== 1) {
      problem("This package's content is missing or of an unknown format; export the package again.");
      return;
    }
    $("title").textContent = content.title;
    document.title = content.title;
    showNote();
    // The LMS session is open before the first answer can be given.
    if (lms) lmsStatus(await lms.start(content));
    $("begin").disabled = false;
    document.documentElement.dataset.ready = "true";
    focus("note-heading");
  }

  $("begin").addEventListener("click", showBriefing);
  $("start").addEventListener("click", () => { current = 0; showQuestion(); });
  $("answer-form").addEventListener("submit", check);
  $("next").addEventListener("click", next);
  $("return").addEventListener("click", () => { $("return").disabled = true; lms.returnToCourse(); });
  window.addEventListener("pagehide", () => { if (lms) lms.leave(); });
  start();
})();
