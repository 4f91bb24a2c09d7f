import pytest

from archive.ministries import canonical_issuer, find_ministries


@pytest.mark.parametrize("text, expected", [
    ("The Defence Ministry said", ["Ministry of Defence"]),
    ("the Finance Ministry announced", ["Ministry of Finance"]),
    ("The MEA spokesperson said", ["Ministry of External Affairs"]),
    ("officials of the MHA and MoD met", ["Ministry of Home Affairs", "Ministry of Defence"]),
    ("MoHFW issued an advisory", ["Ministry of Health and Family Welfare"]),
    ("MeitY notified rules", ["Ministry of Electronics and Information Technology"]),
    ("Defence Minister Rajnath Singh", ["Ministry of Defence"]),
    ("External Affairs Minister S Jaishankar", ["Ministry of External Affairs"]),
    ("EAM Jaishankar wrote", ["Ministry of External Affairs"]),
    ("Home Minister Amit Shah", ["Ministry of Home Affairs"]),
    ("Union Minister of Road Transport and Highways Nitin Gadkari", ["Ministry of Road Transport and Highways"]),
    ("Minister of State for Electronics and IT said", ["Ministry of Electronics and Information Technology"]),
    ("the Ministry of Human Resource Development", ["Ministry of Education"]),
    ("Sri Lanka's Foreign Minister met", ["Ministry of Foreign Affairs (Sri Lanka)"]),
    ("the Maldives Ministry of Defence said", ["Ministry of Defence (Maldives)"]),
    ("Maldivian Defence Minister Ghassan", ["Ministry of Defence (Maldives)"]),
    ("China's Foreign Ministry said", ["Ministry of Foreign Affairs (China)"]),
    ("met Minister of Defence, Maldives, at Male", ["Ministry of Defence (Maldives)"]),
    ("Good to meet FM Dr. Abdulla Khaleel of Maldives.", ["Ministry of Foreign Affairs (Maldives)"]),
    ("the Indian Ministry of Defence stated", ["Ministry of Defence"]),
    ("The Defence Ministry and the Defence Secretary", ["Ministry of Defence"]),
    ("National Security Advisor (NSA) Ajit Doval", []),
    ("the Indian Army and the Reserve Bank of India", []),
    ("Kerala Health Minister Veena George said", []),
    ("the Tourism Department of Goa", []),
    ("the Embassy of India in Washington", []),
    ("Chief of Defence Forces Maj Gen Ibrahim Hilmy", []),
    ("the state Health Minister said", []),
    ("the MoD's statement", ["Ministry of Defence"]),
    ("the Prime Minister's Office and the Defence Minister's aide", ["Ministry of Defence"]),
])
def test_find_ministries(text, expected):
    assert find_ministries(text) == expected


@pytest.mark.parametrize("line, expected", [
    ("Ministry of Electronics & IT", "Ministry of Electronics and Information Technology"),
    ("Ministry of Agriculture &\r\nFarmers Welfare", "Ministry of Agriculture and Farmers Welfare"),
    ("Ministry of Road Transport & Highways", "Ministry of Road Transport and Highways"),
    ("President's Secretariat", "President's Secretariat"),
    ("NITI Aayog", "NITI Aayog"),
    ("Prime Minister's Office", "Prime Minister's Office"),
    ("AYUSH", "Ministry of Ayush"),
    ("Ministry of Chemicals and Fertilizers :Department of Pharmaceuticals", "Ministry of Chemicals and Fertilizers"),
    ("Ministry of Human Resource Development", "Ministry of Education"),
    ("Some Unknown Board", "Some Unknown Board"),
])
def test_canonical_issuer(line, expected):
    assert canonical_issuer(line) == expected
