"""The legacy tables: which Han characters each standard holds as its own, and which as rare."""

from __future__ import annotations

from agents.repair.legacy_tables import han_forms


def test_legacy_tables_han_forms_follow_the_standards() -> None:
    japanese_own, japanese_rare = han_forms("ja")
    chinese_own, chinese_rare = han_forms("zh-hans")
    traditional_own, _ = han_forms("zh-hant")
    assert set("込働峠辻畑枠気売駅図転みカ") <= japanese_own  # kokuji, shinjitai, kana
    assert set("爱岛这们") <= chinese_own and "說" in traditional_own
    assert not set("愛島") & traditional_own  # JIS X 0208 holds them as old forms
    assert not set("港管理局") & (japanese_own | chinese_own)  # shared by all three
    # In GB 2312 level 1, but JIS X 0208 ranks them rare (level 2).
    assert set("沽涎瓷") <= chinese_rare and not set("港湾管理局") & japanese_rare
