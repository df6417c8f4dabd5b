import unicodedata

from cchc_excel.textnorm import clean, fold, slug


def test_fold_agrees_on_tone_placement_case_dashes_and_spaces():
    assert fold("Phòng Văn hoá – Xã hội") == fold("phòng văn hóa-xã  hội")
    assert fold("Uỷ ban") == fold("Ủy ban")
    assert fold("Phòng Văn hóa - Xã hội") != fold("Phòng Kinh tế")


def test_clean_gives_nfc_and_keeps_line_breaks():
    nfd = unicodedata.normalize("NFD", "Văn  hóa\r\nxã hội ")
    assert clean(nfd) == "Văn hóa\nxã hội"
    assert unicodedata.is_normalized("NFC", clean(nfd))


def test_slug_is_ascii_and_readable():
    assert slug("Trung tâm Phục vụ hành chính công") == "trung-tam-phuc-vu-hanh-chinh-cong"
    assert slug("Văn phòng HĐND-UBND") == "van-phong-hdnd-ubnd"


def test_line_breaks_typed_in_excel_and_word_become_line_breaks():
    from cchc_excel.textnorm import clean

    assert clean("Dòng một\x0bDòng hai_x000B_Dòng ba\u2028Dòng bốn") == "Dòng một\nDòng hai\nDòng ba\nDòng bốn"


def test_invisible_and_control_characters_are_removed_and_named():
    from cchc_excel.textnorm import clean, fold, hidden_characters

    typed = "\ufeffI.5.2\u200b"
    assert clean(typed) == "I.5.2" and fold("Phòng\u00ad Kinh tế\u200d") == fold("Phòng Kinh tế")
    assert clean("a\x00b\x1fc\x7fd\x9fe_x0001_f") == "abcdef"
    assert hidden_characters(typed) == "dấu BOM, ký tự độ rộng bằng 0"
    assert hidden_characters("a\x01") == "ký tự điều khiển" and hidden_characters("bình thường & <>") == ""
