"""The disclosure-site engine: a data folder in, the Markdown pages and files of a site out.

Plain Python that never imports MkDocs (``hooks/ita_hooks.py`` adapts it). Data flows one way,
and so do imports: a package may import those above it in this list, never those below::

    problems     Location, Problem, DataError: how anything that goes wrong is said
    thai/        Thai conventions: Buddhist-Era dates, fiscal years, digits, heading anchors
    source/      one YAML file read with its line numbers, behind guards
    records/     the typed records of a site: pure data and the ITA's rules, no I/O
    load/        a data folder → one validated Site, every file read once
    plan/        which pages exist: paths, titles, navigation, before anything is rendered
    render/      records → Markdown pages and the files they publish (QR codes, sheets, documents)
    publish/     the output folder a webmaster uploads, and the build's date

    author/      beside the flow, never in a build: data files written for the webmaster (a new year)
"""
