"""The entry point of the `cchc-excel` command and of `python -m cchc_excel`.

Loading the program takes a moment (click, rich, openpyxl…). Ctrl-C pressed
then must be a clean stop — exit 130 and one Vietnamese line — never a Python
traceback. So this module, which only the command imports, takes Ctrl-C over
before anything heavy is loaded: from here until :func:`main` is running a
press is remembered, and inside :func:`main` it stops the loading at once.
(What runs before this module — CPython's own start-up and the few lines of
pip's console script — is out of the program's reach.)
"""

import signal

EXIT_INTERRUPTED = 130   # 128 + SIGINT, as shells report Ctrl-C
_pressed = False


def _remember(signum, frame) -> None:
    global _pressed
    _pressed = True


def _ctrl_c_ignored() -> bool:
    """Started with Ctrl-C ignored (`cchc-excel … &` in a script, nohup): that choice is kept."""
    return signal.getsignal(signal.SIGINT) is signal.SIG_IGN


def _take_over_ctrl_c() -> None:
    if _ctrl_c_ignored():
        return
    try:
        signal.signal(signal.SIGINT, _remember)
    except ValueError:      # imported from a thread other than the main one: not the command
        pass


def _stopped() -> None:
    """Ctrl-C while loading: say so in Vietnamese and exit 130."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)       # a second press while we say it
    import sys

    from .messages import phrase

    print(phrase("CLI_INTERRUPTED"), file=sys.stderr)
    _end_interrupted()


def _end_interrupted() -> None:
    """Exit 130 at once. Not through SystemExit: CPython notes a Ctrl-C that lands inside code
    run by exec() (a dataclass being made while a module loads, a template being compiled) as
    unhandled even when it was handled, and then ends the process by SIGINT instead of with
    its exit code (the flag python/cpython#128130 is about); one run in three of the test that
    presses Ctrl-C while loading ended so. Nothing is left to clean: outputs are committed whole or
    not at all, and their temporary files are removed where the interruption passes."""
    import os
    import sys

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(EXIT_INTERRUPTED)


def main() -> None:
    """Run the command; a Ctrl-C anywhere around it ends with exit 130, not a traceback."""
    try:
        if not _ctrl_c_ignored():
            signal.signal(signal.SIGINT, signal.default_int_handler)
        if _pressed:
            raise KeyboardInterrupt
        from .cli import main as run

        run()                        # it handles Ctrl-C during a command itself, and always exits
    except KeyboardInterrupt:
        _stopped()
    except SystemExit as exc:
        if exc.code == EXIT_INTERRUPTED:   # the command stopped on Ctrl-C and said so
            _end_interrupted()
        # The command is done and has said so: a Ctrl-C pressed while Python shuts down now
        # would only print "Exception ignored … KeyboardInterrupt" over its last lines.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        raise


_take_over_ctrl_c()

if __name__ == "__main__":
    main()
