// GNU readline for csec-trainer (Debian: libreadline-dev).
//
// Swift 6 rejects writing readline's C globals directly as not concurrency-safe, so the few
// that csec-trainer sets go through these tiny setters.
#ifndef CSEC_READLINE_SHIM_H
#define CSEC_READLINE_SHIM_H

#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

static inline void csec_rl_set_attempted_completion(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}

/// Inside a completion function: do not fall back to completing file names.
static inline void csec_rl_completion_over(void) {
    rl_attempted_completion_over = 1;
}

static inline void csec_rl_set_readline_name(const char *name) {
    rl_readline_name = name;
}

#endif
