# ruff: noqa: E501  (BibTeX entries are kept one field group a line, as published)
"""What each data source asks to be cited as, and the table conventions every verb shares.

A state-year or dyad-year table built by casus records in `frame.attrs` what it is
(`kind`: "state_year" or "dyad_year"; `system`: "cow" or "gw"; `directed` for dyads) and, in
`sources`, the readable name of every source it was built from, in the order its columns were
added; `citations` holds the same sources' keys. `cite(frame)` gives their BibTeX, so a table
says what to cite. The keys are the readers' source keys (`casus.history.readers.SOURCES`).
"""

from __future__ import annotations

import pandas as pd

from casus.history.readers import SOURCES

__all__ = ["BIBTEX", "cite", "cited", "describe", "kind_of", "sources"]

BIBTEX: dict[str, str] = {
    "atop": """@article{leeds2002atop,
  author = {Leeds, Brett Ashley and Ritter, Jeffrey M. and Mitchell, Sara McLaughlin and Long, Andrew G.},
  title = {Alliance Treaty Obligations and Provisions, 1815--1944},
  journal = {International Interactions}, volume = {28}, number = {3}, pages = {237--260}, year = {2002}
}""",
    "mid": """@article{gibler2016mid,
  author = {Gibler, Douglas M. and Miller, Steven V. and Little, Erin K.},
  title = {An Analysis of the Militarized Interstate Dispute ({MID}) Dataset, 1816--2001},
  journal = {International Studies Quarterly}, volume = {60}, number = {4}, pages = {719--730}, year = {2016}
}""",
    "cow_states": """@misc{cow2017states,
  author = {{Correlates of War Project}},
  title = {State System Membership List, v2016}, year = {2017}, howpublished = {\\url{https://correlatesofwar.org}}
}""",
    "cow_majors": """@misc{cow2017majors,
  author = {{Correlates of War Project}},
  title = {State System Membership List, v2016 (major powers)}, year = {2017},
  howpublished = {\\url{https://correlatesofwar.org}}
}""",
    "cow_contiguity": """@article{stinnett2002contiguity,
  author = {Stinnett, Douglas M. and Tir, Jaroslav and Schafer, Philip and Diehl, Paul F. and Gochman, Charles},
  title = {The Correlates of War Project Direct Contiguity Data, Version 3},
  journal = {Conflict Management and Peace Science}, volume = {19}, number = {2}, pages = {59--67}, year = {2002}
}""",
    "cow_nmc": """@incollection{singer1972capability,
  author = {Singer, J. David and Bremer, Stuart and Stuckey, John},
  title = {Capability Distribution, Uncertainty, and Major Power War, 1820--1965},
  booktitle = {Peace, War, and Numbers}, editor = {Russett, Bruce}, publisher = {Sage}, address = {Beverly Hills},
  pages = {19--48}, year = {1972}
}""",
    "democracy": """@article{coppedge_vdem,
  author = {Coppedge, Michael and others},
  title = {V-Dem Country-Year Dataset}, note = {Varieties of Democracy Project; v2x\\_polyarchy}
}
@misc{marshall_polity,
  author = {Marshall, Monty G. and Gurr, Ted Robert and Jaggers, Keith},
  title = {Polity IV Project: Political Regime Characteristics and Transitions, 1800--2016},
  howpublished = {Center for Systemic Peace}, year = {2017}
}
@misc{marquez2016xm,
  author = {M\\'arquez, Xavier},
  title = {A Quick Method for Extending the Unified Democracy Scores}, howpublished = {SSRN 2753830}, year = {2016}
}""",
    "cow_igo": """@article{pevehouse2020igo,
  author = {Pevehouse, Jon C. W. and Nordstrom, Timothy and McManus, Roseanne W. and Jamison, Anne Spencer},
  title = {Tracking Organizations in the World: The {Correlates of War IGO} Version 3.0 Datasets},
  journal = {Journal of Peace Research}, volume = {57}, number = {3}, pages = {492--503}, year = {2020}
}""",
    "cow_mindist": """@article{schvitz2022cshapes,
  author = {Schvitz, Guy and Girardin, Luc and R\\"uegger, Seraina and Weidmann, Nils B. and Cederman, Lars-Erik
            and Gleditsch, Kristian Skrede},
  title = {Mapping the International System, 1886--2019: The {CShapes} 2.0 Dataset},
  journal = {Journal of Conflict Resolution}, volume = {66}, number = {1}, pages = {144--161}, year = {2022}
}""",
    "td_rivalries": """@book{thompson2012rivalries,
  author = {Thompson, William R. and Dreyer, David},
  title = {Handbook of International Rivalries, 1494--2010}, publisher = {CQ Press}, address = {Washington, DC},
  year = {2012}
}""",
    "sdp_gdp": """@article{anders2020sdp,
  author = {Anders, Therese and Fariss, Christopher J. and Markowitz, Jonathan N.},
  title = {Bread Before Guns or Butter: Introducing Surplus Domestic Product ({SDP})},
  journal = {International Studies Quarterly}, volume = {64}, number = {2}, pages = {392--405}, year = {2020}
}""",
    "cow_trade": """@article{barbieri2009trade,
  author = {Barbieri, Katherine and Keshk, Omar M. G. and Pollins, Brian M.},
  title = {Trading Data: Evaluating Our Assumptions and Coding Rules},
  journal = {Conflict Management and Peace Science}, volume = {26}, number = {5}, pages = {471--491}, year = {2009}
}""",
    "maoz_powers": """@book{maoz2010networks,
  author = {Maoz, Zeev},
  title = {Networks of Nations: The Evolution, Structure, and Impact of International Networks, 1816--2001},
  publisher = {Cambridge University Press}, address = {Cambridge}, year = {2010}
}""",
    "gw_states": """@article{gleditsch1999states,
  author = {Gleditsch, Kristian S. and Ward, Michael D.},
  title = {A Revised List of Independent States since the {Congress of Vienna}},
  journal = {International Interactions}, volume = {25}, number = {4}, pages = {393--413}, year = {1999}
}""",
    "peacesciencer": """@article{miller2022peacesciencer,
  author = {Miller, Steven V.},
  title = {peacesciencer: An {R} Package for Quantitative Peace Science Research},
  journal = {Conflict Management and Peace Science}, volume = {39}, number = {6}, pages = {755--779}, year = {2022}
}""",
    "casus": """@misc{casus,
  title = {casus: alliance obligations, escalation and evidence}, howpublished = {casus-foederis on PyPI}
}""",
}
NAMES: dict[str, str] = {
    **SOURCES,
    "peacesciencer": "Miller (2022), peacesciencer (the packaging these files follow)",
    "casus": "casus (its state registry and capitals table)",
}


def cited(frame: pd.DataFrame, *keys: str) -> pd.DataFrame:
    """`frame` with the sources `keys` (keys of BIBTEX) added to what it cites, without repeats."""
    unknown = [k for k in keys if k not in BIBTEX]
    if unknown:
        raise KeyError(f"no citation for {', '.join(unknown)}")
    have = list(frame.attrs.get("citations", []))
    names = list(frame.attrs.get("sources", []))
    for key in keys:
        if key not in have:
            have.append(key)
        if NAMES[key] not in names:
            names.append(NAMES[key])
    frame.attrs["citations"], frame.attrs["sources"] = have, names
    return frame


def sources(frame: pd.DataFrame) -> list[str]:
    """The readable names of the data a table was built from, in the order its columns were added."""
    return list(frame.attrs.get("sources", []))


def cite(frame: pd.DataFrame) -> str:
    """The BibTeX of every source a table was built from (and of the packaging it follows)."""
    keys = [*frame.attrs.get("citations", []), "peacesciencer"]
    return "\n\n".join(BIBTEX[k] for k in dict.fromkeys(keys))


def describe(frame: pd.DataFrame, kind: str, system: str, directed: bool | None = None) -> pd.DataFrame:
    """Mark what a table is: `kind` "state_year" or "dyad_year", `system` "cow" or "gw"."""
    if kind not in ("state_year", "dyad_year") or system not in ("cow", "gw"):
        raise ValueError(f"kind {kind!r} / system {system!r}: expected state_year|dyad_year and cow|gw")
    frame.attrs["kind"], frame.attrs["system"] = kind, system
    if kind == "dyad_year":
        frame.attrs["directed"] = bool(directed)
    return frame


def kind_of(frame: pd.DataFrame, verb: str, *kinds: str) -> tuple[str, str]:
    """(kind, system) of a table, or a one-line ValueError when `verb` does not take its kind."""
    kind, system = frame.attrs.get("kind"), frame.attrs.get("system")
    if kind is None:  # a frame made before the marks: tell by its columns
        cols = set(frame.columns)
        if {"ccode1", "ccode2", "year"} <= cols or {"gwcode1", "gwcode2", "year"} <= cols:
            kind = "dyad_year"
        elif {"ccode", "year"} <= cols or {"gwcode", "year"} <= cols:
            kind = "state_year"
        system = "gw" if ("gwcode" in cols or "gwcode1" in cols) and "ccode" not in cols else "cow"
    if kind not in kinds:
        want = " or ".join(k.replace("_", "-") + " table" for k in kinds)
        got = (
            kind.replace("_", "-") + " table"
            if kind
            else "a table that is neither state-years nor dyad-years"
        )
        raise ValueError(f"{verb}: takes a {want}; this is {got}")
    return str(kind), str(system)
