// GNU readline for csec-trainer (Debian: libreadline-dev).
//
// Swift 6 rejects writing readline's C globals directly as not concurrency-safe, so the few
// that csec-trainer sets go through these tiny setters.
#ifndef CSEC_READLINE_SHIM_H
#define CSEC_READLINE_SHIM_H

#include <stdio.h>
#include <stdlib.h>
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

/// While readline waits for a key, call `hook` about four times a second (NULL: never).
static inline void csec_rl_set_event_hook(rl_hook_func_t *hook) {
    rl_event_hook = hook;
    rl_set_keyboard_input_timeout(hook ? 250000 : 100000);
}

/// From an event hook: prints `message` (ending in a newline) above the prompt; the prompt and
/// the line being typed are drawn again below it, as they were. Does nothing (returns 0) while
/// readline shows a prompt of its own (incremental search, a numeric argument, completions),
/// which it saves the same way.
static inline int csec_rl_print_above_prompt(const char *message) {
    if (RL_ISSTATE(RL_STATE_ISEARCH | RL_STATE_NSEARCH | RL_STATE_NUMERICARG | RL_STATE_COMPLETING
                   | RL_STATE_VIMOTION | RL_STATE_MULTIKEY)) {
        return 0;
    }
    int saved_point = rl_point;
    char *saved_line = rl_copy_text(0, rl_end);
    rl_save_prompt();
    rl_replace_line("", 0);
    rl_redisplay();
    fputs(message, rl_outstream ? rl_outstream : stdout);
    fflush(rl_outstream ? rl_outstream : stdout);
    rl_restore_prompt();
    rl_replace_line(saved_line, 0);
    rl_point = saved_point;
    rl_redisplay();
    free(saved_line);
    return 1;
}

/// Puts the terminal back as it was before `readline` changed it (echo, line mode), for a
/// program that exits while readline is waiting for a key.
static inline void csec_rl_restore_terminal(void) {
    if (RL_ISSTATE(RL_STATE_TERMPREPPED)) {
        rl_deprep_terminal();
    }
}

#endif
