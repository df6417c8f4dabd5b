"""`check --json` is printed piece by piece (its findings rendered one at a time) and
reads exactly as ``json.dumps(…, ensure_ascii=False, indent=2)`` writes it (issue #12: memory
flat in the number of agencies)."""

from __future__ import annotations

import json

from conftest import invoke
from hypothesis import given, settings
from hypothesis import strategies as st
from test_feedback import _workspace

from cchc_excel.console import json_pieces

BUDGET = settings(max_examples=300, derandomize=True, deadline=None, database=None)

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=12))
keys = st.one_of(st.text(max_size=6), st.sampled_from(["message", "fix", "Cơ quan", "a\nb", "\"q\""]))
documents = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                          st.dictionaries(keys, inner, max_size=4)), max_leaves=25)


def _generators(value):
    """The same document with every list turned into a generator (as check_to_json gives its findings)."""
    if isinstance(value, list):
        return (_generators(v) for v in value)
    if isinstance(value, dict):
        return {k: _generators(v) for k, v in value.items()}
    return value


@BUDGET
@given(documents)
def test_the_pieces_are_the_text_json_writes(document):
    expected = json.dumps(document, ensure_ascii=False, indent=2)
    assert "".join(json_pieces(document)) == expected
    assert "".join(json_pieces(_generators(document))) == expected


def test_check_json_is_the_text_json_writes(tmp_path, q1_forms):
    def tweak(agency, answers):
        if agency == "phong-kinh-te":
            answers["VI.1.1"] = {"status": "Hoàn thàn", "result": "«trích dẫn» \"ngoặc\" & <thẻ>\nxuống dòng"}

    root = _workspace(tmp_path, q1_forms, tweak=tweak)
    result = invoke("check", "--default-plan", "-p", "2026Q1", "--dir", root, "--json", "--today", "20/03/2026")
    data = json.loads(result.stdout)
    assert len(data["findings"]) >= 2 and any(f["code"] == "STATUS_UNKNOWN" for f in data["findings"])
    assert result.stdout == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
