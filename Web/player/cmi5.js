// The player's cmi5 adapter (cmi5 specification: §8 launch, §9 statements, §10 LaunchData):
// reads the launch parameters, fetches the auth token once, reads LMS.LaunchData, and sends
// xAPI 1.0.3 statements to the LMS's learning record store: initialized; in Normal mode an
// answered statement per question, then completed and passed or failed; terminated last.
// In Browse or Review mode only initialized and terminated.
// A registration may be launched again (after a fail, or for review after a pass): the player
// reads what the registration already holds and sends no second completed, no second passed and
// no failed after a passed (cmi5 §9.3). Terminated, it goes to the LaunchData's returnURL
// (§10.2.6) when the learner leaves the result.
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
  let session = null; // { endpoint, token, actor, registration, activityId, launchData, earlier }
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

  // A version 4 UUID; crypto.randomUUID exists only on https pages (and localhost).
  function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  function statement(verb, extra) {
    return Object.assign({
      id: uuid(),
      actor: session.actor,
      verb: { id: VERBS[verb], display: { "en-US": verb } },
      object: { id: session.activityId, objectType: "Activity" },
      timestamp: timestamp(),
      version: "1.0.3",
    }, extra);
  }

  // Sends statements one at a time, in the order made.
  // A statement that meets a network error or a 5xx is sent again, up to three times, with the
  // same id (the record store keeps one statement per id); a refusal (4xx) is not.
  // At unload (keepalive) the statement is sent at once, not behind the queue, which may never
  // run once the page is gone; its timestamp keeps it last.
  function send(made, keepalive) {
    if (keepalive) {
      fetch(`${session.endpoint}statements`, {
        method: "POST", headers: headers({ "Content-Type": "application/json" }), body: JSON.stringify(made), keepalive,
      }).catch(() => {});
      return sending;
    }
    sending = sending.then(async () => {
      for (let attempt = 1; ; attempt += 1) {
        let failure;
        try {
          const response = await fetch(`${session.endpoint}statements`, {
            method: "POST", headers: headers({ "Content-Type": "application/json" }), body: JSON.stringify(made), keepalive,
          });
          if (response.ok) return;
          failure = `the record store answered ${response.status}`;
          if (response.status < 500) attempt = 3;
        } catch (error) {
          failure = error.message;
        }
        if (attempt >= 3) {
          problems.push(`${made.verb.display["en-US"]}: ${failure}`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    });
    return sending;
  }

  function normalMode() { return session && session.launchData.launchMode === "Normal"; }

  // The identifying part of an agent (xAPI-Data §2.4.2.3), to compare two agents by.
  function identity(agent) {
    if (!agent) return "";
    if (agent.account) return `account ${agent.account.homePage} ${agent.account.name}`;
    for (const key of ["mbox", "mbox_sha1sum", "openid"]) if (agent[key]) return `${key} ${agent[key]}`;
    return "";
  }

  // Which of completed, passed and failed this learner's registration already holds for this AU.
  // The query names the registration only (some record stores never match a verb or activity
  // filter); the verb, actor and activity are checked here. Pages are followed through `more`.
  async function earlierVerdicts() {
    const found = { completed: false, passed: false, failed: false };
    const actor = identity(session.actor);
    let address = `${session.endpoint}statements?${new URLSearchParams({ registration: session.registration })}`;
    for (let page = 0; address && page < 50; page += 1) {
      const reply = await fetch(address, { headers: headers() });
      if (!reply.ok) throw new Error(`the record store answered ${reply.status}`);
      const result = await reply.json();
      for (const made of result.statements || []) {
        const verb = Object.keys(found).find((name) => VERBS[name] === (made.verb && made.verb.id));
        if (verb && made.object && made.object.id === session.activityId && identity(made.actor) === actor) {
          found[verb] = true;
        }
      }
      address = result.more ? new URL(result.more, session.endpoint).href : "";
    }
    return found;
  }

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
    if (!normalMode()) return `Opened in ${session.launchData.launchMode} mode: your answers are not recorded.`;
    try {
      session.earlier = await earlierVerdicts();
    } catch (error) {
      // Unknown: the attempt is recorded as a first one, and the problem reported at the end.
      problems.push(`reading this registration's earlier results: ${error.message}`);
      session.earlier = { completed: false, passed: false, failed: false };
    }
    return session.earlier.passed ? "You passed this lesson before: that pass stands whatever this attempt scores." : "";
  }

  // The LMS's mastery score (0 to 1) when LaunchData gives one (cmi5 §10.2.4): the player then
  // judges by it, not by the policy's pass mark.
  function masteryScore() {
    const given = session && session.launchData.masteryScore;
    return typeof given === "number" ? given : null;
  }

  // Where the LMS wants the learner to go after the lesson (cmi5 §10.2.6), if anywhere.
  function returnURL() {
    const given = session && session.launchData.returnURL;
    return typeof given === "string" && given ? given : null;
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

  // Sends completed and the verdict the player showed (`outcome.passed`, judged by
  // `outcome.passMark`), leaving out what the registration already holds.
  async function finish(outcome) {
    if (!session) return "Your result was not sent: this lesson was not launched by a cmi5 LMS.";
    let stands = "";
    if (normalMode() && !terminated) {
      const given = masteryScore();
      const elapsed = duration(Date.now() - startedAt);
      const extensions = given === null ? undefined : { [MASTERY_SCORE]: given };
      if (!session.earlier.completed) {
        send(statement("completed", {
          result: { completion: true, duration: elapsed }, context: context([CATEGORY_CMI5, CATEGORY_MOVEON]),
        }));
      }
      const result = { success: outcome.passed, duration: elapsed };
      // A failed statement carries no score at or above the mastery score (cmi5 §9.3.5): a
      // critical mistake fails an attempt whatever its score.
      if (outcome.passed || outcome.fraction < outcome.passMark) {
        result.score = { scaled: outcome.earned / outcome.possible, raw: outcome.earned, min: 0, max: outcome.possible };
      }
      if (session.earlier.passed) {
        stands = " Your earlier pass stands: this attempt's result is not recorded as a new one.";
      } else {
        send(statement(outcome.passed ? "passed" : "failed", {
          result, context: context([CATEGORY_CMI5, CATEGORY_MOVEON], extensions),
        }));
      }
    }
    // With a returnURL the lesson ends when the learner leaves the result (`returnToCourse`).
    if (!returnURL()) end(false);
    await sending;
    return problems.length
      ? `The record store reported problems: ${problems.join("; ")}`
      : `Your result was sent to your LMS.${stands}${returnURL() ? "" : " You may close this window."}`;
  }

  // Ends the lesson (terminated) and goes to the LMS's returnURL.
  async function returnToCourse() {
    const address = returnURL();
    if (!address) return;
    end(false);
    await sending;
    window.location.assign(address);
  }

  function end(keepalive) {
    if (!session || terminated) return;
    terminated = true;
    send(statement("terminated", {
      result: { duration: duration(Date.now() - startedAt) }, context: context([CATEGORY_CMI5]),
    }), keepalive);
  }

  function leave() { end(true); }

  return { start, answered, finish, leave, masteryScore, returnURL, returnToCourse, problems };
})();
