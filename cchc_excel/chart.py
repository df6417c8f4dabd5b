"""The completion-by-section chart of the report, as PNG bytes (matplotlib).

The chart is set in the report's face: Times New Roman when installed, else
Liberation Serif (its metric twin, in fonts-liberation, which CI installs),
else DejaVu Serif (ships with matplotlib) — the first of them that carries
every letter of the chart's text (Debian's Liberation Serif 1.x lacks the
precomposed Vietnamese letters such as "ệ"; 2.x has them). The figure is drawn at the
size it is printed (WIDTH_MM, the template places it at that width), so 11 pt
here is 11 pt on paper, as legible as the table beside it. The bars show the
same figure as that table's «Tỷ lệ» column: products finished or carried out
in the period over products that had to be carried out (due, less those that
did not arise) — outcomes.Figures.completed / expected.
"""

from __future__ import annotations

import io
import textwrap

from .vnformat import count_text, percent

FONTS = ("Times New Roman", "Liberation Serif", "DejaVu Serif")   # by preference; the last ships with matplotlib
WIDTH_MM = 230          # printed width on the landscape annex page
FONT_PT = 11


def completion_chart(labels: list[str], done: list[int], expected: list[int],
                     unreported: list[int] | None = None) -> bytes:
    """Horizontal bars: share of expected products completed, per section
    (``done``: finished or carried out in the period — the table's «completed»;
    ``unreported``: products no lead has reported yet, said beside the bar so that
    a section nobody reported reads «chưa báo cáo», not «0%»)."""
    import matplotlib  # imported here: it costs half a second that check and forms do not need

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    unreported = unreported or [0] * len(labels)
    rates = [100 * d / e if e else 0 for d, e in zip(done, expected)]
    width = WIDTH_MM / 25.4
    wrapped = [textwrap.fill(label, 34) for label in labels]
    notes = [_note(d, e, u) for d, e, u in zip(done, expected, unreported)]
    font = chart_font("".join(labels + notes) + XLABEL)
    with plt.rc_context({"font.family": font, "font.size": FONT_PT, "svg.hashsalt": "cchc"}):
        figure, axis = plt.subplots(figsize=(width, 0.42 * len(labels) + 1.0), dpi=150)
        positions = list(range(len(labels)))[::-1]
        axis.barh(positions, [100] * len(labels), color="#E7ECF5")
        axis.barh(positions, [0 if e and u >= e else r for r, e, u in zip(rates, expected, unreported)],
                  color="#2F5597")
        for y, rate, text, e, u in zip(positions, rates, notes, expected, unreported):
            if e and u >= e:
                rate = 0
            axis.text(min(rate, 100) + 1 if rate < 75 else rate - 1, y, text, va="center",
                      ha="left" if rate < 75 else "right", color="black" if rate < 75 else "white")
        axis.set_yticks(positions, wrapped)
        axis.set_xlim(0, 100)
        axis.set_xlabel(XLABEL)
        for side in ("top", "right"):
            axis.spines[side].set_visible(False)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", metadata={"Software": None})
        plt.close(figure)
    return buffer.getvalue()


XLABEL = "Tỷ lệ hoàn thành (%), tính như cột «Tỷ lệ» của bảng 1"


def _note(done: int, expected: int, unreported: int) -> str:
    """What a bar says beside it."""
    if not expected:
        return "không có sản phẩm phải thực hiện"
    if unreported >= expected:
        return f"chưa báo cáo ({count_text(expected, False)} sản phẩm)"
    return f"{percent(done, expected)} ({done}/{expected}" + (f"; {unreported} chưa báo cáo)" if unreported else ")")


def chart_font(text: str, fonts: tuple[str, ...] = FONTS) -> str:
    """The first of ``fonts`` installed that has a glyph for every letter of ``text``
    (the last one, DejaVu Serif, ships with matplotlib)."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    needed = {ord(ch) for ch in text if not ch.isspace()}
    for name in fonts[:-1]:
        try:
            path = font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False)
        except ValueError:
            continue      # not installed
        face = FT2Font(path)
        if all(face.get_char_index(code) for code in needed):
            return name
    return fonts[-1]
