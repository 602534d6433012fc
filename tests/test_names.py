import pytest

from briefing.names import acronym, clean_name, fold, is_acronym, name_tokens, split_title


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Helena Varga’s", "Helena Varga"),
        ("Helena Varga's", "Helena Varga"),
        ("the Coast Guard", "Coast Guard"),
        ("“Tomas Ekberg,", "Tomas Ekberg"),
        ("• Port Ellery", "Port Ellery"),
        ("U.S.", "U.S."),
        ("Martin R.", "Martin R."),
        ("Ellery.", "Ellery"),
    ],
)
def test_names_clean_name_strips_edges_and_possessives(raw, expected):
    cleaned, offset = clean_name(raw)
    assert cleaned == expected
    assert raw[offset : offset + len(cleaned)] == cleaned


@pytest.mark.parametrize(
    ("raw", "title", "name"),
    [
        ("Mr Ekberg", "Mr", "Ekberg"),
        ("Maj. Gen. Ana Ruiz", "Maj. Gen.", "Ana Ruiz"),
        ("Prime Minister Ana Ruiz", "Prime Minister", "Ana Ruiz"),
        ("Ana Ruiz", None, "Ana Ruiz"),
        ("President", None, "President"),  # a lone title is left for the caller to reject
    ],
)
def test_names_split_title(raw, title, name):
    assert split_title(raw) == (title, name)


def test_names_fold_ignores_case_accents_apostrophes_hyphens_and_dots():
    assert fold("Kata’ib Hizb-Allah") == fold("kataib hizb allah")
    assert fold("U.S.") == fold("US") == "us"
    assert fold("Émile Zola") == "emile zola"
    assert name_tokens("Farid al-Kazemi") == ["farid", "kazemi"]


def test_names_acronyms():
    assert acronym("Northern Defence League") == "NDL"
    assert acronym("Northwire") == ""
    assert is_acronym("NDL") and is_acronym("U.N.")
    assert not is_acronym("Nato") and not is_acronym("A")
