"""The budget grid's rows as plain data, drawn by the grid template.

A large municipality has a hundred and fifty lines in a year. Django builds a form per line (a
deep copy of every field), and rendering a thousand cells through widget templates cost seconds.
A grid that is only shown needs neither: each saved line becomes a row of cells (name, id,
value, accessible name) from the line's own values, and the template writes the inputs in its
row loop. A POST goes through the formset; after errors the rows come from its forms, with what
was typed and the errors, drawn by the same loop.
"""

from dataclasses import dataclass, field

# The columns the grid draws as inputs, in order; the area is text (saved lines) or a select.
KOLOMMEN = [
    "naam",
    "taakveld",
    "primitieve_begroting",
    "begroting_na_wijziging",
    "realisatie",
    "bestedingstermijn",
]


@dataclass(frozen=True)
class Cel:
    naam: str
    id: str
    waarde: str
    label: str
    fouten: tuple[str, ...] = ()
    aangevinkt: bool = False


@dataclass
class Rij:
    """One line: `post` (the saved line, or an unsaved one), a cell per column (attributes
    named after the columns), its hidden id and delete box, and for a new line the choice of
    area (drawn as a select of the formset's `gebied_keuzes`)."""

    post: object
    naam: Cel
    taakveld: Cel
    primitieve_begroting: Cel
    begroting_na_wijziging: Cel
    realisatie: Cel
    bestedingstermijn: Cel
    id: Cel
    verwijderen: Cel
    gebied: Cel | None = None
    fouten: list[tuple[str, str, str]] = field(default_factory=list)  # (cell id, column, message)
    titel: str = ""  # how the error summary names the line (formset.regelnaam)


def rijen(formset) -> list[Rij]:
    """The grid's rows. After a POST, or for a year without lines, the forms themselves;
    otherwise the saved lines from their values and the blank rows' own forms."""
    aantal = formset.initial_form_count()
    if formset.is_bound or not aantal:
        return [uit_form(formset, form) for form in formset.forms]
    nieuw = [formset.form_nummer(i) for i in range(aantal, formset.total_form_count())]
    return [*uit_posten(formset), *(uit_form(formset, form) for form in nieuw)]


def uit_posten(formset) -> list[Rij]:
    velden = formset.form.base_fields
    resultaat = []
    for index, post in enumerate(formset.get_queryset()):
        prefix = formset.add_prefix(index)

        def cel(kolom, waarde, post=post, prefix=prefix):
            naam = f"{prefix}-{kolom}"
            return Cel(naam, f"id_{naam}", waarde, formset.celnaam(kolom, post))

        cellen = {}
        for kolom in KOLOMMEN:
            waarde = velden[kolom].prepare_value(getattr(post, kolom))
            cellen[kolom] = cel(kolom, "" if waarde is None else str(waarde))
        resultaat.append(
            Rij(post, **cellen, id=cel("id", str(post.pk)), verwijderen=cel("DELETE", ""))
        )
    return resultaat


def uit_form(formset, form) -> Rij:
    def cel(kolom):
        veld = form[kolom]
        waarde = veld.value()
        return Cel(
            veld.html_name,
            veld.auto_id,
            "" if waarde in (None, False, True) else str(waarde),
            formset.celnaam(kolom, form.instance),
            tuple(str(f) for f in veld.errors),
            aangevinkt=waarde is True,
        )

    cellen = {kolom: cel(kolom) for kolom in KOLOMMEN}
    gebied = cel("gebied") if "gebied" in form.fields else None
    fouten = [
        (c.id, formset.kolomnamen[kolom], fout)
        for kolom, c in [*cellen.items(), ("gebied", gebied)]
        if c is not None
        for fout in c.fouten
    ]
    # a message the row already shows at a cell is not repeated as one about the whole row
    al_getoond = {fout for _id, _kolom, fout in fouten}
    fouten += [
        (cellen["naam"].id, "", str(fout))
        for fout in form.non_field_errors()
        if str(fout) not in al_getoond
    ]
    return Rij(
        form.instance,
        **cellen,
        id=cel("id"),
        verwijderen=cel("DELETE"),
        gebied=gebied,
        fouten=fouten,
        titel=formset.regelnaam(form) if fouten else "",
    )
