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
    assert resolved.codes == ("phong-van-hoa-xa-hoi",)
    assert resolved.all_own and resolved.unknown == ("Phòng Kin tế xã",)
    assert registry.suggest("Phòng Kin tế xã") == "Phòng Kinh tế"
    assert registry.resolve("Phòng Văn hoá – Xã Hội").codes == ("phong-van-hoa-xa-hoi",)
