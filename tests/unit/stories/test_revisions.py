from agents.stories.revisions import changes, version


def test_a_paragraph_replaced_is_one_removed_and_one_added():
    old = version("T", ["a", "b", "c"])
    assert changes(old, version("T", ["a", "B2", "c"])) == {
        "title_changed": False,
        "paragraphs_added": [1],
        "paragraphs_removed": [1],
    }


def test_paragraphs_removed_from_the_end():
    found = changes(version("T", ["a", "b", "c"]), version("T", ["a"]))
    assert found == {"title_changed": False, "paragraphs_added": [], "paragraphs_removed": [1, 2]}


def test_only_the_title_changed():
    found = changes(version("Old", ["a"]), version("New", ["a"]))
    assert found == {"title_changed": True, "paragraphs_added": [], "paragraphs_removed": []}


def test_a_title_that_appears_or_goes_is_a_change_and_repairs_are_not():
    assert changes(version(None, ["a"]), version("T", ["a"])) is not None
    assert changes(version("It’s “on”", ["a"]), version('It\'s "on"', ["a"])) is None
