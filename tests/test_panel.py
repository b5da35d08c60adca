from __future__ import annotations

from atlas.panel import build_panel


def test_panel_of_a_city(small) -> None:
    panel = build_panel(small, "wuhan")
    assert panel is not None
    assert (panel.name_en, panel.name_zh, panel.level) == ("Wuhan", "武汉市", "city")
    assert panel.provinces == (("hubei", "Hubei", "湖北省"),)
    assert [m.programme for m in panel.memberships] == ["low-carbon-pilot"]
    assert panel.memberships[0].batch == 2
    assert panel.memberships[0].notice == "发改气候〔2012〕3760号"
    assert [a.title_en for a in panel.mitigation] == ["Peak plan"]
    assert [a.title_en for a in panel.adaptation] == ["Sponge city"]
    # Sources are numbered in reading order and listed once.
    assert [s.id for s in panel.sources] == ["notice-a", "notice-b"]
    assert panel.source_number("notice-b") == 2
    assert panel.member_of == ()


def test_peak_year_and_groups(small) -> None:
    assert build_panel(small, "shenzhen").peak_year == 2020
    # The factory's Wuhan declares its peak in targets.csv, the one home of peak years.
    assert build_panel(small, "wuhan").peak_year == 2025
    assert build_panel(small, "czt").peak_year is None
    assert build_panel(small, "czt").members == (("changsha", "Changsha", "长沙市"),)
    assert build_panel(small, "changsha").member_of == (("czt", "Changsha group", "长株潭"),)


def test_unknown_place(small) -> None:
    assert build_panel(small, "atlantis") is None


def test_programmes_asking_for_each_kind(small, real) -> None:
    shenzhen = build_panel(small, "shenzhen")
    # Two mitigation programmes; each listed once, in the panel's order.
    assert [m.programme for m in shenzhen.asking("mitigation")] == ["low-carbon-pilot", "ets-pilot"]
    assert shenzhen.asking("adaptation") == ()
    assert build_panel(small, "czt").asking("mitigation") == ()  # in no programme
    # A place in a climate-adaptive programme owes adaptation; "both" counts for either kind.
    focus = dict(zip(real.programmes.index, real.programmes["focus"], strict=True))
    for pid in ("wuhan", "lishui", "shenzhen"):
        panel = build_panel(real, pid)
        for kind in ("mitigation", "adaptation"):
            expected = {
                m.programme for m in panel.memberships if focus[m.programme] in (kind, "both")
            }
            assert {m.programme for m in panel.asking(kind)} == expected
    assert build_panel(real, "wuhan").asking("adaptation")  # a climate-adaptive city
