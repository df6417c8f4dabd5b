from cchc_excel.agencies import Registry, group_kind, registry_from_names, split_names
from cchc_excel.models import AgencyKind


def test_split_keeps_group_phrases_whole():
    assert split_names("Phòng Kinh tế, Các cơ quan, đơn vị có liên quan") == [
        "Phòng Kinh tế", "Các cơ quan, đơn vị có liên quan"]
    assert split_names("Phòng Kinh tế; Bưu điện xã\nVăn phòng HĐND-UBND") == [
        "Phòng Kinh tế", "Bưu điện xã", "Văn phòng HĐND-UBND"]


def test_group_phrases():
    assert group_kind("Các cơ quan, đơn vị") == "all"
    assert group_kind("Các cơ quan, đơn vị trên địa bàn xã") == "all"
    assert group_kind("Các cơ quan, đơn vị có liên quan") == "optional"
    assert group_kind("Các cơ quan liên quan") == "optional"
    assert group_kind("Phòng Kinh tế") is None


def test_registry_from_names_uses_official_names_and_kinds():
    agencies = registry_from_names(["Trung tâm PV hành chính công", "Bưu điện xã", "Phòng Kinh tế",
                                    "Các cơ quan, đơn vị có liên quan"])
    by_name = {a.name: a for a in agencies}
    assert set(by_name) == {"Trung tâm Phục vụ hành chính công", "Bưu điện xã", "Phòng Kinh tế"}
    assert by_name["Bưu điện xã"].kind == AgencyKind.PARTNER
    assert "Trung tâm PV hành chính công" in by_name["Trung tâm Phục vụ hành chính công"].aliases
    assert agencies[-1].name == "Bưu điện xã"   # partners after the commune's own bodies


def test_resolve_folds_names_and_suggests():
    registry = Registry(registry_from_names(["Phòng Văn hóa - Xã hội", "Phòng Kinh tế"]))
    resolved = registry.resolve("phong van hoa-xa hoi; Các cơ quan, đơn vị; Phòng Kin tế xã")
    assert resolved.codes == ("phong-vhxh",)
    assert resolved.all_own and resolved.unknown == ("Phòng Kin tế xã",)
    assert registry.suggest("Phòng Kin tế xã") == "Phòng Kinh tế"
    assert registry.resolve("Phòng Văn hoá – Xã Hội").codes == ("phong-vhxh",)


def test_codes_are_short_and_readable_and_keep_the_long_code_as_an_alias():
    from cchc_excel.agencies import short_code

    assert short_code("Trung tâm Phục vụ hành chính công") == "tt-pvhcc"
    assert short_code("Phòng Văn hóa - Xã hội") == "phong-vhxh"
    assert short_code("Văn phòng HĐND-UBND") == "vp-hdnd-ubnd"
    assert short_code("Ban Chỉ huy Quân sự xã") == "ban-chqs"
    assert short_code("Bưu điện xã") == "buu-dien-xa"
    agencies = registry_from_names(["Trung tâm PV hành chính công", "Công an xã; Hội Nông dân xã"])
    by_code = {a.code: a for a in agencies}
    assert set(by_code) == {"tt-pvhcc", "cong-an-xa", "hoi-nong-dan-xa"}
    assert all(len(code) <= 16 for code in by_code)
    assert "trung-tam-phuc-vu-hanh-chinh-cong" in by_code["tt-pvhcc"].aliases
    assert Registry(agencies).lookup("trung-tam-phuc-vu-hanh-chinh-cong") == "tt-pvhcc"
    assert by_code["tt-pvhcc"].kind == AgencyKind.OWN and by_code["cong-an-xa"].kind == AgencyKind.PARTNER
    assert not any("-" in alias for alias in by_code["cong-an-xa"].aliases)     # no long code it never had


def test_partners_spelled_several_ways_are_one_agency():
    agencies = registry_from_names(["UBMTTQ xã", "Mặt trận Tổ quốc xã; Ủy ban MTTQ xã", "Ban CHQS xã",
                                    "Ban Chỉ huy Quân sự xã", "Hội LHPN xã và Hội Phụ nữ xã"])
    assert [a.name for a in agencies] == ["Ban Chỉ huy Quân sự xã", "Ủy ban MTTQ Việt Nam xã",
                                          "Hội Liên hiệp Phụ nữ xã"]


def test_a_form_sent_with_a_long_code_before_codes_were_shortened_is_still_accepted(tmp_path):
    """The embedded plan's codes were long slugs; a return made then still merges."""
    from dataclasses import replace

    import openpyxl
    from conftest import SEED, invoke

    from cchc_excel import formspec as spec
    from cchc_excel.plan import fingerprint, load_plan_file

    plan = load_plan_file(SEED)
    old_codes = {"tt-pvhcc": "trung-tam-phuc-vu-hanh-chinh-cong", "phong-vhxh": "phong-van-hoa-xa-hoi",
                 "vp-hdnd-ubnd": "van-phong-hdnd-ubnd"}
    old = replace(plan, agencies=tuple(replace(a, code=old_codes.get(a.code, a.code), aliases=())
                                       for a in plan.agencies),
                  sections=tuple(replace(s, tasks=tuple(replace(t, items=tuple(
                      replace(i, lead=tuple(old_codes.get(c, c) for c in i.lead),
                              coordinators=tuple(old_codes.get(c, c) for c in i.coordinators))
                      for i in t.items)) for t in s.tasks)) for s in plan.sections))
    assert fingerprint(old) == fingerprint(plan)          # forms sent before carry the same fingerprint

    work = tmp_path / "ws"
    assert invoke("forms", "--default-plan", "--period", "2026Q1", "--dir", work).exit_code == 0
    form = next((work / "output" / "2026Q1").rglob("*pvhcc*.xlsx"))
    workbook = openpyxl.load_workbook(form)
    meta = workbook[spec.META_SHEET]
    for row in meta.iter_rows():
        if row[0].value == "agency_code":
            row[1].value = "trung-tam-phuc-vu-hanh-chinh-cong"
    inbox = work / "input" / "2026Q1"
    inbox.mkdir(parents=True, exist_ok=True)
    workbook.save(inbox / "tra-ve.xlsx")
    result = invoke("check", "--default-plan", "--period", "2026Q1", "--dir", work)
    assert "Trung tâm Phục vụ hành chính công" in result.output
    assert "không phải biểu mẫu" not in result.output and "mã cơ quan" not in result.output.lower()
    assert "Đã nộp 1/" in result.output
