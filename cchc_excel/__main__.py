"""`python -m cchc_excel`: the same as the `cchc-excel` command."""

from . import main

main()
