"""Sentences that are not the article's own report: links to other stories, photo captions and
questions. Their words name events ("READ: PCG says Chinese vessel 'deliberately rammed' ...",
"... following Israeli strikes. AFP via Getty Images"), but the article does not state them:
a link-out is another story's headline, a credited caption repeats or illustrates the text, and
a question asks. Claims are not read from them; treaty links and actors still are.
"""

from __future__ import annotations

import re
from itertools import pairwise

__all__ = ["LINK_OUT", "aside", "asides"]

# "READ:", "Also Read :", "Read more:", "WATCH:", "RELATED:", "See also:" opening a line.
LINK_OUT = re.compile(
    r"^\s*(?:(?:also\s+)?(?:read|watch|listen|see)(?:\s+(?:more|also|next))?|related(?:\s+(?:stories|articles|news))?)\s*:",
    re.I,
)
# A photographer's or agency's credit: "(AP Photo/...)", "AFP via Getty Images", "picture
# alliance", "© AFP/...", "[Karam al-Masri/Reuters]", or a closing "Photo: ...", "Credit: ...".
_CREDIT = re.compile(
    r"\bGetty Images\b|\bAP Photo\b|\bpicture alliance\b|©\s*\w"
    r"|[\[(][^\[\]()]{0,60}/(?:Reuters|AFP|AP|EPA|Getty)[\])]"
    r"|\b(?:photo|photograph|image|credit)s?\s*:\s*[^.:]{1,80}$",
    re.I,
)
# A credit standing alone after its caption: "Pic/AFP", "(Photo: Saudi Press Agency/Handout via REUTERS)"
_CREDIT_ALONE = re.compile(r"^\s*[(\[]?\s*(?:photo|photograph|pic|picture|image|credit)s?\s*[:/]", re.I)
# A headline listed as a link ("- Eight Pakistanis Killed In Southeastern Iran")
_LISTED = re.compile(r"^\s*[-•–]\s+\S")
_QUESTION = re.compile(r"\?\s*$")
# '"Why didn't the Saudis sign an agreement with Egypt?" another man asked.': a passer-by's question
# (an official's rhetorical one, '"And isn't this a serious escalation?" he asked', is his word)
_ASKED = re.compile(
    r"\?\s*[\"”’']\s*,?\s*(?:another|one|a|an)\s+(?:\w+\s+)?(?:man|woman|user|resident|person|commenter|reader|citizen)"
    r"\s+(?:asked|wondered|questioned)\b[^\"“”]*$",
    re.I,
)
_OPENS_QUOTE = re.compile(r"^\s*[\"“‘']")


def aside(sentence: str) -> str | None:
    """What kind of aside a sentence is ("link to another story", "photo caption",
    "question"), or None for a sentence the article states."""
    if LINK_OUT.search(sentence):
        return "link to another story"
    if _CREDIT.search(sentence):
        return "photo caption"
    if _QUESTION.search(sentence) and not _OPENS_QUOTE.search(sentence):
        return "question"
    if _OPENS_QUOTE.search(sentence) and _ASKED.search(sentence):
        return "question"
    if _LISTED.search(sentence) and _title_case(sentence):
        return "link to another story"
    return None


def _title_case(line: str) -> bool:
    """Most of a line's longer words are capitalised, as in a headline, and it ends unpunctuated."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", line) if len(w) > 3]
    return (
        len(words) >= 3
        and not line.rstrip().endswith(".")
        and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
    )


def asides(sentences: list[str]) -> set[str]:
    """The asides among an article's sentences, in order: each one `aside` finds, and a caption
    whose credit the splitter cut off into a sentence of its own ("The site of a Russian drone
    attack in Sumy, Ukraine." before "Pic/AFP")."""
    found = {s for s in sentences if aside(s)}
    # "ALSO READ: What Is Khorramshahr-4?" cut from the rest of its headline at the question mark
    found |= {
        after
        for s, after in pairwise(sentences)
        if LINK_OUT.search(s) and s.rstrip().endswith("?") and _title_case(after)
    }
    found |= {
        s
        for s, after in pairwise(sentences)
        if _CREDIT_ALONE.search(after) and len(after.split()) <= 8  # a credit, not a caption of its own
    }
    return found
