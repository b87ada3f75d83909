"""A patch to citeproc-py 0.11, applied at run time to its classes (its files stay unmodified).

Why a patch: citeproc-py does not implement one rule of CSL 1.0.2 that the Chicago style
relies on (see ``apply``), and spends most of its time re-evaluating the same XPath on
the unchanging style.  The patch lives here, named, so that it is easy to find, to
review against a new citeproc-py release (the version is pinned ``<0.12`` in
pyproject.toml) and to drop once the library does the same.  ``citing`` applies it
once, before the first citation is rendered.
"""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def apply() -> None:
    """Teach citeproc-py a CSL rule it lacks: a name variable that stood in for the author is not repeated.

    Why: CSL 1.0.2 ("Substitute") says a substituted variable is suppressed in the rest of the
    entry; citeproc-py 0.11 does this for ``text`` variables only, so a translated document
    without author came out as "Goldberg, Gary, trans. “Title”. Translated by Gary Goldberg."
    Chicago (and citeproc-js, Zotero's processor) print the translator once.
    """
    from citeproc import model

    record, process = model.Substitute.add_to_repressed_list, model.Names.process

    def add_to_repressed_list(self, child, context):
        record(self, child, context)
        names = [child] if isinstance(child, model.Names) else (
            child.get_macro(child.get("macro")).xpath_search(".//cs:names")
            if isinstance(child, model.Text) and child.get("macro") else [])
        hidden = context.get_layout().repressed.setdefault("names-substituted", [])
        hidden.extend(v for n in names for v in (n.get("variable") or "").split())

    def names_process(self, item, names_context=None, context=None, **kwargs):
        hidden = set((context if context is not None else self).get_layout().repressed.get("names-substituted", ()))
        roles = (self.get("variable") or "").split()
        kept = [r for r in roles if r not in hidden]
        if kept == roles:
            return process(self, item, names_context=names_context, context=context, **kwargs)
        if not kept:
            raise model.VariableError
        self.set("variable", " ".join(kept))
        try:
            return process(self, item, names_context=names_context, context=context, **kwargs)
        finally:
            self.set("variable", " ".join(roles))

    model.Substitute.add_to_repressed_list = add_to_repressed_list
    model.Names.process = names_process

    # Speed, not behaviour: citeproc-py evaluates the same structural XPath expressions (the enclosing
    # layout, a macro by name, a term) on the unchanging style tree at every step, three quarters of its
    # time.  Their answers are cached per element; the cache keeps each element's proxy alive, so the
    # id() of a key is never reused for another element.
    answers: dict = {}

    def xpath_search(self, expression):
        key = (id(self), expression)
        if key not in answers:
            answers[key] = (self, self.xpath(expression, namespaces=self.nsmap))
        return list(answers[key][1])

    model.CitationStylesElement.xpath_search = xpath_search
