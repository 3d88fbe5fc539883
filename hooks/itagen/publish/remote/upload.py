"""Carrying a plan out on the server so that a visitor never sees a half-written page.

Order of a run:

1. remove what a cut run left (its temporary files, named in its journal);
2. write the journal: every file this run may touch beyond the manifest, with the hash it is to get;
3. upload each file to a temporary name beside its place, then rename it into place;
4. delete the files we published before that the new build no longer has, then their empty folders;
5. write the manifest (the built site's hashes), then remove the journal.

Cut anywhere, the server holds old or new pages, each whole; the manifest still describes the last
finished run and the journal names what may differ from it and the bytes each of those was to get.
The next run sends again only those the server's listing does not prove in place (``_in_place``).
Files that neither names were not ours and are never deleted or overwritten: one that sits where the
build puts a new file (a host's placeholder ``index.html``, its ``.htaccess``) is renamed aside to
``<name>.before-ita`` and listed, so the webmaster can merge what it held.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import field
from pathlib import Path

from ...records.record import record
from .manifest import (
    JOURNAL_NAME,
    MANIFEST_NAME,
    Journal,
    Manifest,
    journal_json,
    manifest_json,
    parse_journal,
    parse_manifest,
    temp_name,
)
from .plan import Plan, aside_name, make_plan
from .progress import Progress
from .transport import Listing, PublishError, Remote, ServerFull


@record
class ServerState:
    published: Manifest
    """What the last finished run published (empty before the first)."""
    unfinished: list[str]
    """What a cut run was sending (empty when the last run finished)."""
    asides: dict[str, str]
    """Files of someone else's a cut run was moving out of the way, and the names they are kept under."""
    sending: Manifest = field(default_factory=dict)
    """What the cut run put, or was about to put, at each of ``unfinished`` (when its journal says)."""


def read_state(remote: Remote) -> ServerState:
    manifest = remote.read(MANIFEST_NAME)
    data = remote.read(JOURNAL_NAME)
    journal = parse_journal(data) if data is not None else Journal([], {})
    published = parse_manifest(manifest) if manifest is not None else {}
    return ServerState(published, journal.uploads, journal.asides, journal.sending)


def plan_for(remote: Remote, built: Manifest, state: ServerState) -> Plan:
    """The plan, with any file of someone else's that sits where a new file goes (one listing per folder).

    A cut run may have stopped before it moved such a file aside: the journal names the file, and the
    file is still found at its path while the name it would be kept under is free.
    """
    plan = make_plan(built, state.published, state.unfinished)
    listings: dict[str, Listing | None] = {}
    in_the_way: dict[str, str] = {}
    for change in plan.uploads:
        if change.path in state.published or (change.path in state.unfinished and change.path not in state.asides):
            continue  # ours, or put in place by the cut run
        folder, _, name = change.path.rpartition("/")
        names = _listing(remote, folder, listings)
        if names is None or name not in names:
            continue
        planned = state.asides.get(change.path)
        if planned is not None:
            if planned.rpartition("/")[2] not in names:
                in_the_way[change.path] = planned  # the cut run did not get to move it
            continue
        in_the_way[change.path] = aside_name(change.path, names)
        names[in_the_way[change.path].rpartition("/")[2]] = None
    in_place = [path for path in state.unfinished if _in_place(remote, path, built, state, listings)]
    if in_the_way or in_place:
        plan = make_plan(built, state.published, state.unfinished, in_the_way, in_place)
    deletes = [d for d in plan.deletes if not _still_theirs(remote, d.path, state, listings)]
    present = frozenset(folder for folder, names in listings.items() if names is not None)
    return Plan(plan.uploads, deletes, present, plan.in_place)


def _in_place(
    remote: Remote, path: str, built: Manifest, state: ServerState, listings: dict[str, Listing | None]
) -> bool:
    """Does the server hold this build's bytes at ``path``, put there by the cut run? Files are renamed
    into place only when whole, so the file at ``path`` holds either what the last finished run published
    (the manifest), what the cut run was sending (its journal), or someone else's bytes not yet moved aside.
    It is the journal's when the manifest has nothing there, or something of another size."""
    sending = state.sending.get(path)
    if sending is None or built.get(path) != sending:
        return False
    folder, _, name = path.rpartition("/")
    names = _listing(remote, folder, listings)
    if names is None or name not in names:
        return False
    planned = state.asides.get(path)
    if planned is not None and planned.rpartition("/")[2] not in names:
        return False  # someone else's file, still where the cut run was to move it from
    size, before = names[name], state.published.get(path)
    if size is not None and size != sending.size:
        return False
    return before is None or (size is not None and size != before.size)


def _still_theirs(remote: Remote, path: str, state: ServerState, listings: dict[str, Listing | None]) -> bool:
    """A file a cut run meant to move aside but did not is still someone else's: never deleted."""
    planned = state.asides.get(path)
    if path in state.published or planned is None:
        return False
    names = _listing(remote, path.rpartition("/")[0], listings) or {}
    return path.rpartition("/")[2] in names and planned.rpartition("/")[2] not in names


def _listing(remote: Remote, folder: str, listings: dict[str, Listing | None]) -> Listing | None:
    """The names in ``folder``, asked of the server only when its parent holds it (a first publish into an
    empty folder asks once, not once per folder)."""
    if folder not in listings:
        parent, _, name = folder.rpartition("/")
        above = _listing(remote, parent, listings) if folder else {}
        listings[folder] = remote.list_folder(folder) if above is not None and (not folder or name in above) else None
    return listings[folder]


def _folders(path: str) -> list[str]:
    """``a/b/c.html`` → ``["a", "a/b"]``."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def _put_small(remote: Remote, name: str, data: bytes) -> None:
    with _part_removed_when_full(remote, name, len(data)):
        remote.write(temp_name(name), data)
    remote.replace(temp_name(name), name)


@contextlib.contextmanager
def _part_removed_when_full(remote: Remote, path: str, still_to_send: int) -> Iterator[None]:
    """A full server keeps the part of a file it stored: removed, so the space is free again, and the
    webmaster is told how much room this publish still needs."""
    try:
        yield
    except ServerFull as full:
        try:
            remote.remove(temp_name(path))
        except PublishError:
            removed = False
        else:
            removed = True
        raise ServerFull(full.target, path, full.detail, still_to_send, part_removed=removed) from None


def carry_out(remote: Remote, site: Path, built: Manifest, state: ServerState, plan: Plan, progress: Progress) -> None:
    """Make the server hold ``built``; ``plan`` is ``plan_for(remote, built, state)``."""
    for leftover in [*state.unfinished, MANIFEST_NAME, JOURNAL_NAME]:
        remote.remove(temp_name(leftover))
    uploads = sorted(set(state.unfinished) | {c.path for c in plan.uploads})
    asides = state.asides | {c.path: c.aside for c in plan.uploads if c.aside is not None}
    sending = {path: entry for path, entry in state.sending.items() if path in plan.in_place}
    sending |= {c.path: built[c.path] for c in plan.uploads}
    if uploads:
        _put_small(remote, JOURNAL_NAME, journal_json(Journal(uploads, asides, sending)))
    made: set[str] = set(plan.present_folders)
    still_to_send = plan.upload_bytes
    for change in plan.uploads:
        for folder in _folders(change.path):
            if folder not in made:
                remote.make_folder(folder)
                made.add(folder)
        with _part_removed_when_full(remote, change.path, still_to_send):
            remote.upload(site / change.path, temp_name(change.path), progress.sent)
        still_to_send -= change.size
        if change.aside is not None:
            remote.replace(change.path, change.aside)  # someone else's file: kept, under another name
        remote.replace(temp_name(change.path), change.path)
        progress.file_done()
    kept = {folder for path in built for folder in _folders(path)}
    emptied: set[str] = set()
    for change in plan.deletes:
        remote.remove(change.path)
        emptied.update(_folders(change.path))
    for folder in sorted(emptied - kept, key=lambda f: (-f.count("/"), f)):
        remote.remove_empty_folder(folder)  # a folder with anything of someone else's in it stays
    _put_small(remote, MANIFEST_NAME, manifest_json(built))
    remote.remove(JOURNAL_NAME)
    progress.finish()
