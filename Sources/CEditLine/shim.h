#ifndef GONGKAI_CEDITLINE_SHIM_H
#define GONGKAI_CEDITLINE_SHIM_H
// libedit's wide-character API. Swift cannot call C variadic functions (el_wset, history_w), and C's
// stdin/stdout globals are not concurrency-safe in Swift 6: each use is wrapped here.
#include <stdio.h>
#include <wchar.h>
#include <locale.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <histedit.h>
#include <fcntl.h>
#include <errno.h>
#define O_RDWR_FOR_PT (O_RDWR | O_NOCTTY)

typedef wchar_t *(*gk_prompt_fn)(EditLine *);
typedef unsigned char (*gk_command_fn)(EditLine *, int);

static inline EditLine *gk_el_init(const char *program) { return el_init(program, stdin, stdout, stderr); }
static inline int gk_el_set_prompt(EditLine *el, gk_prompt_fn fn) { return el_wset(el, EL_PROMPT, fn); }
static inline int gk_el_set_editor(EditLine *el, const wchar_t *mode) { return el_wset(el, EL_EDITOR, mode); }
static inline int gk_el_set_signal(EditLine *el, int on) { return el_wset(el, EL_SIGNAL, on); }
static inline int gk_el_set_history(EditLine *el, HistoryW *history) { return el_wset(el, EL_HIST, history_w, history); }
/// libedit keeps the name and help pointers given to EL_ADDFN (map_addfunc does not copy them): they must
/// live as long as the EditLine, so they are string literals here, never a caller's temporary buffer.
static inline int gk_el_add_functions(EditLine *el, gk_command_fn complete, gk_command_fn discard) {
    if (el_wset(el, EL_ADDFN, L"gk-complete", L"complete a name or value", complete) != 0) return -1;
    if (el_wset(el, EL_ADDFN, L"gk-discard", L"discard the line", discard) != 0) return -1;
    if (el_wset(el, EL_BIND, L"^I", L"gk-complete", NULL) != 0) return -1;
    return el_wset(el, EL_BIND, L"^C", L"gk-discard", NULL);
}
/// The editor's own context slot: callbacks find their Swift object here, not in process-wide variables.
static inline int gk_el_set_client(EditLine *el, void *data) { return el_wset(el, EL_CLIENTDATA, data); }
static inline void *gk_el_client(EditLine *el) {
    void *data = NULL;
    if (el_wget(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}
/// Ctrl-C while editing goes to our function instead of raising SIGINT.
static inline int gk_el_no_isig(EditLine *el) { return el_wset(el, EL_SETTY, L"-d", L"-isig", NULL); }

static inline int gk_history_set_size(HistoryW *h, int size) { HistEventW ev; return history_w(h, &ev, H_SETSIZE, size); }
static inline int gk_history_set_unique(HistoryW *h, int on) { HistEventW ev; return history_w(h, &ev, H_SETUNIQUE, on); }
static inline int gk_history_load(HistoryW *h, const char *path) { HistEventW ev; return history_w(h, &ev, H_LOAD, path); }
static inline int gk_history_save(HistoryW *h, const char *path) { HistEventW ev; return history_w(h, &ev, H_SAVE, path); }
static inline int gk_history_enter(HistoryW *h, const wchar_t *line) { HistEventW ev; return history_w(h, &ev, H_ENTER, line); }

static inline int gk_terminal_columns(void) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}
static inline void gk_flush_stdout(void) { fflush(stdout); }
/// Flushes stdout; 0 when everything written reached it, else the error (a full disk under `> file`).
static inline int gk_stdout_failure(void) {
    if (fflush(stdout) != 0) return errno ? errno : EIO;
    return ferror(stdout) ? EIO : 0;
}

// Pseudo-terminals for the benchmark's start-up figure (the declarations glibc hides without _XOPEN_SOURCE).
int posix_openpt(int flags);
int grantpt(int fd);
int unlockpt(int fd);
char *ptsname(int fd);
static inline int gk_openpt(void) { return posix_openpt(O_RDWR_FOR_PT); }
#endif
