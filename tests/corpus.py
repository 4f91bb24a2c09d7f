"""Hand-made releases for the index tests, written as files by code so tests and demos share them."""

from __future__ import annotations

import json
from pathlib import Path

RELEASES = [
    {"id": "maldives", "title": "Defence Secretary visits Maldives", "date": "2025-10-07", "location": "Male",
     "agency": "IANS", "body": "Defence Secretary Rajesh Kumar Singh called on the Maldives Foreign Minister "
     "in Male to discuss maritime security and border roads cooperation."},
    {"id": "coal", "title": "Coal production rises eight per cent", "date": "2026-01-03", "location": "Kolkata",
     "agency": "PTI", "body": "Union Minister of Coal said coal production rose in December."},
    {"id": "pakistan", "title": "Pakistan rejects remarks", "date": "2025-03-04", "location": "Islamabad",
     "agency": "ANI", "body": "Pakistan's Ministry of Foreign Affairs rejected the remarks on Tuesday."},
    {"id": "port", "title": "Kochi port terminal approved", "date": "2024-12-30", "location": "Kochi",
     "agency": "IANS", "body": "The Ministry of Ports, Shipping and Waterways approved a terminal at Kochi."},
    {"id": "drones", "title": "Drone import rules notified", "body": "The government notified new rules for drone imports."},
    {"id": "script", "title": "Cyber security advisory for hospitals", "date": "2025-10-20", "location": "New Delhi",
     "agency": "PTI", "body": "MeitY warned hospitals about pages carrying <script>alert('x')</script> in forms."},
    {"id": "chennai", "title": "Hospital readiness reviewed in Chennai", "date": "2025-09-01", "location": "Chennai",
     "agency": "PTI", "body": "The Union Health Minister reviewed hospital readiness and oxygen supply in Chennai."},
    {"id": "army-health", "title": "Army hospitals to share records with civil hospitals", "date": "2025-10-15",
     "location": "New Delhi", "agency": "PTI", "body": "The Defence Ministry and the Health Ministry agreed that "
     "army hospitals will share records with civil hospitals, the Defence Secretary said."},
    {"id": "border-roads", "title": "Border Roads projects reviewed in Ladakh", "date": "2025-10-06",
     "location": "Leh", "agency": "PIB", "body": "The Defence Secretary reviewed border roads projects in Ladakh."},
    {"id": "colombo", "title": "Sri Lanka hosts maritime dialogue", "date": "2025-11-20", "location": "Colombo",
     "agency": "IANS", "body": "Sri Lanka's Foreign Minister opened a maritime security dialogue in Colombo."},
]


def write_corpus(folder: Path, releases=RELEASES) -> Path:
    """Write the releases as one JSON Lines file per release under `folder`; return `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for release in releases:
        (folder / f"{release['id']}.jsonl").write_text(json.dumps(release) + "\n", "utf-8")
    return folder
