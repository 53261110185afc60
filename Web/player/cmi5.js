// The player's cmi5 adapter (cmi5 specification: §8 launch, §9 statements, §10 LaunchData):
// reads the launch parameters, fetches the auth token once, reads LMS.LaunchData, and sends
// xAPI 1.0.3 statements to the LMS's learning record store: initialized; in Normal mode an
// answered statement per question, then completed and passed or failed; terminated last.
// In Browse or Review mode only initialized and terminated.
"use strict";

window.CSEC_LMS = (() => {
  const VERBS = {
    initialized: "http://adlnet.gov/expapi/verbs/initialized",
    answered: "http://adlnet.gov/expapi/verbs/answered",
    completed: "http://adlnet.gov/expapi/verbs/completed",
    passed: "http://adlnet.gov/expapi/verbs/passed",
    failed: "http://adlnet.gov/expapi/verbs/failed",
    terminated: "http://adlnet.gov/expapi/verbs/terminated",
  };
  const CATEGORY_CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  const CATEGORY_MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
  const MASTERY_SCORE = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";

  const launch = Object.fromEntries(new URLSearchParams(window.location.search));
  const startedAt = Date.now();
  let session = null; // { endpoint, token, actor, registration, activityId, launchData }
  let sending = Promise.resolve();
  let lastTimestamp = 0;
  let terminated = false;
  const problems = [];

  // UTC with milliseconds, strictly after the previous statement's (statements are ordered by it).
  function timestamp() {
    lastTimestamp = Math.max(Date.now(), lastTimestamp + 1);
    return new Date(lastTimestamp).toISOString();
  }

  // An ISO 8601 duration in seconds, to the hundredth.
  function duration(milliseconds) {
    return `PT${(Math.max(0, Math.round(milliseconds / 10)) / 100).toFixed(2)}S`;
  }

  function headers(extra) {
    return Object.assign({
      Authorization: `Basic ${session.token}`, "X-Experience-API-Version": "1.0.3",
    }, extra || {});
  }

  // The context every statement carries: the LMS's contextTemplate with the registration, and
  // the categories given, added to (never replacing) what the template holds.
  function context(categories, extensions) {
    const template = JSON.parse(JSON.stringify(session.launchData.contextTemplate || {}));
    template.registration = session.registration;
    const activities = template.contextActivities = template.contextActivities || {};
    if (categories.length) {
      activities.category = (activities.category || []).concat(categories.map((id) => ({ id, objectType: "Activity" })));
    }
    if (extensions) template.extensions = Object.assign(template.extensions || {}, extensions);
    return template;
  }

  function statement(verb, extra) {
    return Object.assign({
      id: crypto.randomUUID(),
      actor: session.actor,
      verb: { id: VERBS[verb], display: { "en-US": verb } },
      object: { id: session.activityId, objectType: "Activity" },
      timestamp: timestamp(),
      version: "1.0.3",
    }, extra);
  }

  // Sends statements one at a time, in the order made.
  function send(made, keepalive) {
    sending = sending.then(async () => {
      try {
        const response = await fetch(`${session.endpoint}statements`, {
          method: "POST", headers: headers({ "Content-Type": "application/json" }), body: JSON.stringify(made), keepalive,
        });
        if (!response.ok) problems.push(`${made.verb.display["en-US"]}: the record store answered ${response.status}`);
      } catch (error) {
        problems.push(`${made.verb.display["en-US"]}: ${error.message}`);
      }
    });
    return sending;
  }

  function normalMode() { return session && session.launchData.launchMode === "Normal"; }

  async function start() {
    const needed = ["endpoint", "fetch", "actor", "registration", "activityId"];
    if (!needed.every((name) => launch[name])) {
      return "This lesson was not launched by a cmi5 LMS: your answers and result are not recorded anywhere.";
    }
    try {
      const fetched = await fetch(launch.fetch, { method: "POST" });
      const reply = await fetched.json();
      if (!reply["auth-token"]) throw new Error(reply["error-text"] || "no auth-token");
      const endpoint = launch.endpoint.endsWith("/") ? launch.endpoint : `${launch.endpoint}/`;
      session = {
        endpoint, token: reply["auth-token"], actor: JSON.parse(launch.actor), registration: launch.registration,
        activityId: launch.activityId, launchData: {},
      };
      const query = new URLSearchParams({
        stateId: "LMS.LaunchData", activityId: session.activityId, agent: launch.actor, registration: session.registration,
      });
      const state = await fetch(`${endpoint}activities/state?${query}`, { headers: headers() });
      if (!state.ok) throw new Error(`LMS.LaunchData: ${state.status}`);
      session.launchData = await state.json();
    } catch (error) {
      session = null;
      return `The LMS's launch could not be completed (${error.message}): your result will not be recorded.`;
    }
    send(statement("initialized", { context: context([CATEGORY_CMI5]) }));
    return normalMode() ? "" : `Opened in ${session.launchData.launchMode} mode: your answers are not recorded.`;
  }

  function answered(question, answer, latency) {
    if (!normalMode() || terminated) return;
    send(statement("answered", {
      object: {
        id: `${window.CSEC_CONTENT.questionIRIBase}${question.interactionID}`,
        objectType: "Activity",
        definition: {
          type: "http://adlnet.gov/expapi/activities/cmi.interaction",
          name: { "en-US": `Question ${question.number}: ${question.kindName}` },
          description: { "en-US": question.prompt },
          interactionType: "choice",
          correctResponsesPattern: [question.correct],
          choices: question.options.map((option) => ({ id: option.letter, description: { "en-US": option.text } })),
        },
      },
      result: { response: answer.letter, success: answer.correct, duration: duration(latency) },
      context: context([], undefined),
    }));
  }

  async function finish(outcome) {
    if (!session) return "Your result was not sent: this lesson was not launched by a cmi5 LMS.";
    if (normalMode() && !terminated) {
      // The LMS's mastery score when it gives one (cmi5 §10.2.2), else the policy's pass mark.
      const given = session.launchData.masteryScore;
      const mastery = typeof given === "number" ? given : window.CSEC_CONTENT.scoring.passMark;
      const passed = outcome.possible > 0 && outcome.fraction >= mastery && !outcome.criticalMistake;
      const elapsed = duration(Date.now() - startedAt);
      const extensions = typeof given === "number" ? { [MASTERY_SCORE]: given } : undefined;
      send(statement("completed", {
        result: { completion: true, duration: elapsed }, context: context([CATEGORY_CMI5, CATEGORY_MOVEON]),
      }));
      const result = { success: passed, duration: elapsed };
      // A failed statement carries no score at or above the mastery score (cmi5 §9.3.5): a
      // critical mistake fails an attempt whatever its score.
      if (passed || outcome.fraction < mastery) {
        result.score = { scaled: outcome.earned / outcome.possible, raw: outcome.earned, min: 0, max: outcome.possible };
      }
      send(statement(passed ? "passed" : "failed", {
        result, context: context([CATEGORY_CMI5, CATEGORY_MOVEON], extensions),
      }));
    }
    end(false);
    await sending;
    return problems.length
      ? `The record store reported problems: ${problems.join("; ")}`
      : "Your result was sent to your LMS. You may close this window.";
  }

  function end(keepalive) {
    if (!session || terminated) return;
    terminated = true;
    send(statement("terminated", {
      result: { duration: duration(Date.now() - startedAt) }, context: context([CATEGORY_CMI5]),
    }), keepalive);
  }

  function leave() { end(true); }

  return { start, answered, finish, leave, problems };
})();
