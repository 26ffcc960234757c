"""The spaCy model, loaded with only what named-entity recognition needs.

The stage runs nothing but NER, so the tagger, parser, lemmatizer and friends are excluded at
load time. The shared ``tok2vec`` goes too when nothing left listens to it: in the small English
model the recogniser embeds its own token-to-vector layer, so the shared one would run for nobody.
Measured on the seed article's lines (2 cores): tok2vec + ner ~5,300 words/s, ner alone ~10,500
words/s, with the same entities. Its tokenizer reads a defused copy of each text
(:mod:`agents.entities.tokenizer`), so that no text costs more than linear time.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from agents.entities.tokenizer import BoundedTokenizer
from agents.errors import ConfigError

#: Components the recogniser may feed on: kept at load time, dropped after if nothing listens.
_EMBEDDERS = ("tok2vec", "transformer")


def load_ner(model: str) -> Language:
    """Load ``model`` (an installed package name or a path) for NER only; never downloads."""
    try:
        folder = Path(model) if Path(model).is_dir() else spacy.util.get_package_path(model)
    except ImportError:
        raise ConfigError(
            f"the spaCy model {model!r} is not installed: install its package "
            "(copydesk never downloads at run time) or set COPYDESK_MODEL"
        ) from None
    meta = spacy.util.get_model_meta(folder)
    # Everything but the recogniser and its embedders; "components" lists the disabled ones too
    # ("senter" in the small model), so that nothing can be switched back on.
    names = meta.get("components") or meta.get("pipeline", [])
    exclude = [name for name in names if name != "ner" and name not in _EMBEDDERS]
    nlp = spacy.load(model, exclude=exclude)
    if "ner" not in nlp.pipe_names:
        raise ConfigError(f"the spaCy model {model!r} has no 'ner' component")
    for name in _EMBEDDERS:
        if name in nlp.pipe_names and not getattr(nlp.get_pipe(name), "listening_components", []):
            nlp.remove_pipe(name)
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)  # linear time on any text
    return nlp
