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
