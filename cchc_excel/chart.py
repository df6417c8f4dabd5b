"""The completion-by-section chart of the report, as PNG bytes (matplotlib).

DejaVu Serif ships with matplotlib and carries every Vietnamese glyph, so the
picture is the same on every machine (Debian's Liberation Serif 1.x lacks
the precomposed Vietnamese letters such as "ệ"). The figure is drawn at the
size it is printed (WIDTH_MM, the template places it at that width), so 11 pt
here is 11 pt on paper, as legible as the table beside it. The bars show the
same figure as that table's «Tỷ lệ» column: products finished or carried out
in the period over products that had to be carried out (due, less those that
did not arise) — outcomes.Figures.completed / expected.
"""

from __future__ import annotations

import io
import textwrap

FONT = "DejaVu Serif"   # full Vietnamese coverage, ships with matplotlib
WIDTH_MM = 230          # printed width on the landscape annex page
FONT_PT = 11


def completion_chart(labels: list[str], done: list[int], expected: list[int]) -> bytes:
    """Horizontal bars: share of expected products completed, per section
    (``done``: finished or carried out in the period — the table's «completed»)."""
    import matplotlib  # imported here: it costs half a second that check and forms do not need

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    rates = [100 * d / e if e else 0 for d, e in zip(done, expected)]
    width = WIDTH_MM / 25.4
    wrapped = [textwrap.fill(label, 34) for label in labels]
    with plt.rc_context({"font.family": FONT, "font.size": FONT_PT, "svg.hashsalt": "cchc"}):
        figure, axis = plt.subplots(figsize=(width, 0.42 * len(labels) + 1.0), dpi=150)
        positions = list(range(len(labels)))[::-1]
        axis.barh(positions, [100] * len(labels), color="#E7ECF5")
        axis.barh(positions, rates, color="#2F5597")
        for y, rate, d, e in zip(positions, rates, done, expected):
            text = f"{rate:.1f}%".replace(".", ",") + f" ({d}/{e})" if e else "không có sản phẩm phải thực hiện"
            axis.text(min(rate, 100) + 1 if rate < 75 else rate - 1, y, text, va="center",
                      ha="left" if rate < 75 else "right", color="black" if rate < 75 else "white")
        axis.set_yticks(positions, wrapped)
        axis.set_xlim(0, 100)
        axis.set_xlabel("Tỷ lệ hoàn thành (%) = sản phẩm đã hoàn thành hoặc đã thực hiện trong kỳ\n"
                        "/ sản phẩm phải thực hiện trong kỳ (không tính sản phẩm chưa phát sinh), "
                        "như cột «Tỷ lệ» bảng 1")
        for side in ("top", "right"):
            axis.spines[side].set_visible(False)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", metadata={"Software": None})
        plt.close(figure)
    return buffer.getvalue()
