// The player's SCORM 1.2 adapter (ADL SCORM 1.2 Run-Time Environment, §3.3 and §3.4): finds the
// LMS's API object, initializes, reports one interaction per answer, and at the end the score
// (0-100), passed or failed, and the session time, then commits and finishes.
// The player alone decides passed or failed (the manifest gives no mastery score).
"use strict";

window.CSEC_LMS = (() => {
  const startedAt = Date.now();
  let api = null;
  let finished = false;
  let interactions = 0;
  const problems = [];

  // The API object: in this window or a parent (at most 7 levels up, as ADL's sample does),
  // then in the window that opened this one and its parents.
  function searchFrom(start) {
    let win = start;
    for (let level = 0; win && level <= 7; level += 1) {
      try {
        if (win.API) return win.API;
      } catch (error) {
        return null; // another origin: not the LMS's frame
      }
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }

  function findAPI() {
    return searchFrom(window) || (window.opener ? searchFrom(window.opener) : null);
  }

  function call(name, ...args) {
    const result = String(api[name](...args));
    const code = String(api.LMSGetLastError());
    if (code !== "0") problems.push(`${name}(${args.join(", ")}): error ${code} ${api.LMSGetErrorString(code)}`);
    return result;
  }

  function set(element, value) { return call("LMSSetValue", element, String(value)) === "true"; }

  const two = (number) => String(number).padStart(2, "0");

  // CMITimespan: HHHH:MM:SS.SS.
  function timespan(milliseconds) {
    const centiseconds = Math.max(0, Math.round(milliseconds / 10));
    const hours = Math.min(9999, Math.floor(centiseconds / 360000));
    const minutes = Math.floor(centiseconds / 6000) % 60;
    const seconds = Math.floor(centiseconds / 100) % 60;
    return `${String(hours).padStart(4, "0")}:${two(minutes)}:${two(seconds)}.${two(centiseconds % 100)}`;
  }

  // CMITime: the time of day, HH:MM:SS.
  function timeOfDay(date) {
    return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
  }

  function start() {
    api = findAPI();
    if (!api) return "No LMS was found: your answers and result are not recorded anywhere.";
    if (call("LMSInitialize", "") !== "true") {
      api = null;
      return "The LMS did not start this lesson: your result will not be recorded.";
    }
    // A relaunch adds its interactions after those the LMS keeps (RTE 1.2 §3.4: n is
    // cmi.interactions._count); an LMS without interactions answers with an error, read as 0.
    const count = Number(api.LMSGetValue("cmi.interactions._count"));
    interactions = Number.isInteger(count) && count > 0 ? count : 0;
    const status = call("LMSGetValue", "cmi.core.lesson_status");
    if (status === "not attempted" || status === "") set("cmi.core.lesson_status", "incomplete");
    return "";
  }

  function answered(question, answer, latency) {
    if (!api || finished) return;
    const prefix = `cmi.interactions.${interactions}.`;
    interactions += 1;
    set(`${prefix}id`, question.interactionID);
    set(`${prefix}type`, "choice");
    set(`${prefix}correct_responses.0.pattern`, question.correct);
    set(`${prefix}student_response`, answer.letter);
    set(`${prefix}result`, answer.correct ? "correct" : "wrong");
    set(`${prefix}weighting`, question.points);
    set(`${prefix}latency`, timespan(latency));
    set(`${prefix}time`, timeOfDay(new Date()));
    call("LMSCommit", "");
  }

  function end(exit) {
    set("cmi.core.session_time", timespan(Date.now() - startedAt));
    set("cmi.core.exit", exit);
    call("LMSCommit", "");
    call("LMSFinish", "");
    finished = true;
  }

  async function finish(outcome) {
    if (!api || finished) return "Your result was not sent: no LMS was found.";
    set("cmi.core.score.min", 0);
    set("cmi.core.score.max", 100);
    set("cmi.core.score.raw", outcome.percent);
    set("cmi.core.lesson_status", outcome.passed ? "passed" : "failed");
    end("");
    return problems.length
      ? `The LMS reported problems while saving your result: ${problems.join("; ")}`
      : "Your result was saved in your LMS. You may close this window.";
  }

  // Leaving before the end: a normal exit (""), not "suspend". The player keeps no place to
  // resume from (no lesson_location, no suspend_data), so the next launch starts the course
  // again, and "suspend" would have the LMS offer a resume that does not happen.
  function leave() {
    if (api && !finished) end("");
  }

  return { start, answered, finish, leave, problems };
})();
