"""Every worked example of the extraction spec, read through the real file readers."""

from pathlib import Path

import pytest

from archive import read_paths
from archive.normalise import fold


def read_one(path: Path):
    (release,) = list(read_paths([path]))
    return release


def test_seed_release(seeds_dir):
    release = read_one(seeds_dir / "000_9fc2457ebedf823b.txt")
    assert release.date == "2025-10-07"
    assert fold(release.location) == "male"
    assert (release.country, release.agency) == ("Maldives", "IANS")
    assert release.ministries == [
        "Ministry of Defence",
        "Ministry of Foreign Affairs (Maldives)",
        "Ministry of Defence (Maldives)",
        "Ministry of External Affairs",
    ]
    assert release.id == "000_9fc2457ebedf823b"
    assert release.title.startswith("Defence Secretary Rajesh Kumar Singh called on Maldives")
    assert len(release.title) <= 121


@pytest.mark.parametrize("name, expected", [
    ("pib_layout.txt", {"date": "2025-10-06", "location": "New Delhi", "country": "India", "agency": "PIB",
                        "ministries": ["Ministry of Defence"],
                        "title": "Defence Secretary chairs review of Border Roads projects in Ladakh"}),
    ("kolkata_pti.txt", {"date": "2026-01-03", "location": "Kolkata", "country": "India", "agency": "PTI",
                         "ministries": ["Ministry of Coal"]}),
    ("islamabad_ani.txt", {"date": "2025-03-04", "location": "Islamabad", "country": "Pakistan", "agency": "ANI",
                           "ministries": ["Ministry of Foreign Affairs (Pakistan)"]}),
    ("kochi_ians.txt", {"date": "2024-12-30", "location": "Kochi", "country": "India", "agency": "IANS",
                        "ministries": ["Ministry of Ports, Shipping and Waterways"]}),
    ("no_dateline.txt", {"date": "2025-07-09", "location": "", "country": "", "agency": "", "ministries": []}),
])
def test_spec_examples(good_dir, name, expected):
    data = read_one(good_dir / name).to_dict()
    assert {key: data[key] for key in expected} == expected


def test_pib_body_starts_after_posted_on(good_dir):
    release = read_one(good_dir / "pib_layout.txt")
    assert release.body.startswith("Defence Secretary today reviewed")
    assert "\n\nThe review covered" in release.body
