// csec-trainer's strict SCORM 1.2 runtime for tests: our own reading of the ADL SCORM 1.2
// Run-Time Environment (§3.3 the API, §3.4 the data model, Appendix A data types). It records
// every call as { fn, args, result, error } in window.calls and answers as an LMS would,
// refusing (with the RTE's error code) what a strict LMS refuses:
// 101 general, 201 invalid argument, 301 not initialized, 401 not implemented,
// 402 invalid set value / keyword, 403 read-only, 404 write-only, 405 incorrect data type.
"use strict";

(() => {
  const calls = [];
  const values = { "cmi.core.lesson_status": "not attempted", "cmi.core.student_id": "learner-1",
    "cmi.core.student_name": "Learner, Test", "cmi.core.credit": "credit", "cmi.core.entry": "ab-initio",
    "cmi.core.lesson_mode": "normal", "cmi.core.total_time": "0000:00:00", "cmi.launch_data": "",
    "cmi.core.lesson_location": "", "cmi.suspend_data": "", "cmi.core.score.raw": "", "cmi.core.score.min": "",
    "cmi.core.score.max": "" };
  const interactions = []; // { id, fields: {}, patterns: [] }
  // `?earlier-interactions=N`: the LMS keeps N interactions from an earlier session of the attempt.
  const earlier = Number(new URLSearchParams(window.location.search).get("earlier-interactions")) || 0;
  for (let n = 0; n < earlier; n += 1) interactions.push({ fields: { id: `earlier-${n}` }, patterns: [] });
  let state = "not initialized"; // then "running", then "finished"
  let lastError = "0";

  const decimal = /^-?\d+(\.\d+)?$/;
  const timespan = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
  const time = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
  const identifier = /^[A-Za-z0-9_-]{1,255}$/;
  const choice = /^[0-9a-z](,[0-9a-z])*$/;

  const score = (value) => value === "" || (decimal.test(value) && Number(value) >= 0 && Number(value) <= 100);
  // Element → [readable, writable, check of a value written].
  const core = {
    "cmi.core._children": [true, false], "cmi.core.student_id": [true, false], "cmi.core.student_name": [true, false],
    "cmi.core.lesson_location": [true, true, (value) => value.length <= 255],
    "cmi.core.credit": [true, false], "cmi.core.entry": [true, false], "cmi.core.total_time": [true, false],
    "cmi.core.lesson_mode": [true, false], "cmi.launch_data": [true, false],
    "cmi.core.lesson_status": [true, true, (value) => ["passed", "completed", "failed", "incomplete", "browsed"].includes(value)],
    "cmi.core.score._children": [true, false],
    "cmi.core.score.raw": [true, true, score], "cmi.core.score.min": [true, true, score], "cmi.core.score.max": [true, true, score],
    "cmi.core.exit": [false, true, (value) => ["time-out", "suspend", "logout", ""].includes(value)],
    "cmi.core.session_time": [false, true, (value) => timespan.test(value)],
    "cmi.suspend_data": [true, true, (value) => value.length <= 4096],
    "cmi.interactions._children": [true, false], "cmi.interactions._count": [true, false],
  };
  const interactionFields = {
    id: (value) => identifier.test(value),
    time: (value) => time.test(value),
    type: (value) => ["true-false", "choice", "fill-in", "matching", "performance", "sequencing", "likert", "numeric"].includes(value),
    weighting: (value) => decimal.test(value),
    student_response: (value, entry) => value.length <= 255 && (entry.fields.type !== "choice" || choice.test(value)),
    result: (value) => ["correct", "wrong", "unanticipated", "neutral"].includes(value) || decimal.test(value),
    latency: (value) => timespan.test(value),
  };

  function record(fn, args, result) {
    calls.push({ fn, args, result, error: lastError });
    return result;
  }

  function fail(code) { lastError = code; return "false"; }

  function running(fn, args) {
    if (state === "running") return true;
    lastError = state === "finished" ? "101" : "301";
    record(fn, args, fn === "LMSGetValue" ? "" : "false");
    return false;
  }

  function setInteraction(element, value) {
    const match = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
    if (!match) return fail("201");
    const index = Number(match[1]);
    const field = match[2];
    // A new interaction is the next index (n == _count), and starts with its id.
    if (index > interactions.length) return fail("201");
    if (index === interactions.length) {
      if (field !== "id") return fail("201");
      interactions.push({ fields: {}, patterns: [] });
    }
    const entry = interactions[index];
    const pattern = /^correct_responses\.(\d+)\.pattern$/.exec(field);
    if (pattern) {
      const at = Number(pattern[1]);
      if (at > entry.patterns.length) return fail("201");
      if (value.length > 255 || (entry.fields.type === "choice" && !choice.test(value))) return fail("405");
      entry.patterns[at] = value;
      return "true";
    }
    const check = interactionFields[field];
    if (!check) return fail("201");
    if (!check(value, entry)) return fail("405");
    entry.fields[field] = value;
    return "true";
  }

  window.API = {
    LMSInitialize(argument) {
      const args = [argument];
      if (argument !== "") { lastError = "201"; return record("LMSInitialize", args, "false"); }
      if (state !== "not initialized") { lastError = "101"; return record("LMSInitialize", args, "false"); }
      state = "running";
      lastError = "0";
      return record("LMSInitialize", args, "true");
    },
    LMSFinish(argument) {
      const args = [argument];
      if (!running("LMSFinish", args)) return "false";
      if (argument !== "") { lastError = "201"; return record("LMSFinish", args, "false"); }
      state = "finished";
      lastError = "0";
      return record("LMSFinish", args, "true");
    },
    LMSCommit(argument) {
      const args = [argument];
      if (!running("LMSCommit", args)) return "false";
      lastError = argument === "" ? "0" : "201";
      return record("LMSCommit", args, argument === "" ? "true" : "false");
    },
    LMSGetValue(element) {
      const args = [element];
      if (!running("LMSGetValue", args)) return "";
      lastError = "0";
      if (element === "cmi.interactions._count") return record("LMSGetValue", args, String(interactions.length));
      if (element.startsWith("cmi.interactions.")) { lastError = "404"; return record("LMSGetValue", args, ""); }
      const known = core[element];
      if (!known) { lastError = "201"; return record("LMSGetValue", args, ""); }
      if (!known[0]) { lastError = "404"; return record("LMSGetValue", args, ""); }
      return record("LMSGetValue", args, values[element] ?? "");
    },
    LMSSetValue(element, value) {
      const args = [element, value];
      if (!running("LMSSetValue", args)) return "false";
      if (typeof value !== "string") { lastError = "405"; return record("LMSSetValue", args, "false"); }
      lastError = "0";
      if (element.startsWith("cmi.interactions.")) return record("LMSSetValue", args, setInteraction(element, value));
      const known = core[element];
      if (!known) { lastError = "201"; return record("LMSSetValue", args, "false"); }
      if (!known[1]) { lastError = "403"; return record("LMSSetValue", args, "false"); }
      if (!known[2](value)) { lastError = "405"; return record("LMSSetValue", args, "false"); }
      values[element] = value;
      return record("LMSSetValue", args, "true");
    },
    // The error functions answer about the last call and are not recorded as calls.
    LMSGetLastError() { return lastError; },
    LMSGetErrorString(code) { return { "0": "No error", "101": "General exception", "201": "Invalid argument error",
      "301": "Not initialized", "401": "Not implemented error", "402": "Invalid set value, element is a keyword",
      "403": "Element is read only", "404": "Element is write only", "405": "Incorrect data type" }[code] || ""; },
    LMSGetDiagnostic(code) { return ""; },
  };
  window.calls = calls;
  window.lms = { values, interactions, state: () => state };
})();
