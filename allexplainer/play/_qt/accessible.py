"""Play items as a screen reader meets them: every part, cell and flag is a named object.

Qt shows widgets to assistive technology but not the items drawn in a QGraphicsScene, so Play
mode's pictures were one unnamed canvas. Here, through ``QAccessible.installFactory``:

* a play area (``PlayView``) has children: its activity's items, in the order Tab visits them;
* each ``PlayItem`` (a QGraphicsObject) is an object with a role (a part or a cell a child can
  tap is a button; a flag or the guard cell is a picture), its child-word name, a description
  of what a tap does, where it is on screen, and its state (focusable; focused while the
  keyboard ring is on it; invisible once hidden or faded away);
* a cell's CD19 flags are that cell's children.

A name that changes (a part goes on, a cell is found) and a ring that moves raise the events a
screen reader listens for. Feedback sentences are announced by the activities (``announce``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface, QAccessibleObject
from PySide6.QtWidgets import QAccessibleWidget, QGraphicsView

OPAQUE_ENOUGH = 0.05  # an item fainter than this has faded away: a screen reader skips it


def _view_of(item) -> QGraphicsView | None:
    scene = item.scene()
    views = scene.views() if scene is not None else []
    return views[0] if views else None


def _interface(obj: QObject | None) -> QAccessibleInterface | None:
    return QAccessible.queryAccessibleInterface(obj) if obj is not None else None


class _ChildList:
    """Children taken from a list the owner gives (``_children``)."""

    def _children(self) -> list:
        return []

    def childCount(self) -> int:  # noqa: N802 - Qt override
        return len(self._children())

    def child(self, index: int) -> QAccessibleInterface | None:
        children = self._children()
        return _interface(children[index]) if 0 <= index < len(children) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: N802 - Qt override
        target = child.object() if child is not None else None
        for index, item in enumerate(self._children()):
            if item is target:
                return index
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # noqa: N802
        for item in reversed(self._children()):
            found = _interface(item)
            if found is not None and found.rect().contains(x, y) \
                    and not found.state().invisible:
                return found
        return None


class PlayViewAccessible(_ChildList, QAccessibleWidget):
    """The play area: a named canvas whose children are the things in it."""

    def __init__(self, view: QGraphicsView) -> None:
        QAccessibleWidget.__init__(self, view, QAccessible.Role.Canvas)

    def _children(self) -> list:
        view = self.widget()
        return list(view.accessible_items()) if view is not None else []


class PlayItemAccessible(_ChildList, QAccessibleObject):
    """One part, cell or flag, as the item itself describes it."""

    def __init__(self, item: QObject) -> None:
        QAccessibleObject.__init__(self, item)

    def _children(self) -> list:
        item = self.object()
        return list(item.accessible_children()) if item is not None else []

    def role(self) -> QAccessible.Role:
        item = self.object()
        return item.accessible_role if item is not None else QAccessible.Role.NoRole

    def text(self, kind: QAccessible.Text) -> str:
        item = self.object()
        if item is None:
            return ""
        if kind == QAccessible.Text.Name:
            return item.accessible_name()
        if kind == QAccessible.Text.Description:
            return item.accessible_description()
        return ""

    def rect(self) -> QRect:
        item = self.object()
        view = _view_of(item) if item is not None else None
        if view is None:
            return QRect()
        box = view.mapFromScene(item.accessible_rect()).boundingRect()
        return QRect(view.viewport().mapToGlobal(box.topLeft()), box.size())

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        item = self.object()
        view = _view_of(item) if item is not None else None
        if (view is None or not view.isVisible() or not item.isVisible()
                or item.effectiveOpacity() < OPAQUE_ENOUGH):
            state.invisible = True
            return state
        if item.focusable:
            state.focusable = True
            if item.chosen and view.hasFocus():
                state.focused = True
        return state

    def parent(self) -> QAccessibleInterface | None:
        item = self.object()
        if item is None:
            return None
        group = item.parentObject()
        if group is not None and hasattr(group, "accessible_children") \
                and item in group.accessible_children():
            return _interface(group)
        return _interface(_view_of(item))


def _factory(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    from allexplainer.play._qt.items import PlayItem
    from allexplainer.play._qt.view import PlayView

    if isinstance(obj, PlayItem):
        return PlayItemAccessible(obj)
    if isinstance(obj, PlayView):
        return PlayViewAccessible(obj)
    return None


_installed = False


def install() -> None:
    """Teach Qt's accessibility how to show play areas and their items (once per process)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def _tell(obj: QObject, event: QAccessible.Event) -> None:
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleEvent(obj, event))


def name_changed(item: QObject) -> None:
    """A screen reader should read ``item``'s new name (a part went on, a cell was found)."""
    if _view_of(item) is not None:
        _tell(item, QAccessible.Event.NameChanged)


def focus_moved(item: QObject) -> None:
    """The keyboard ring moved onto ``item``: a screen reader says its name."""
    view = _view_of(item)
    if view is not None and view.hasFocus():
        _tell(item, QAccessible.Event.Focus)


def children_changed(view: QGraphicsView) -> None:
    """The things in a play area changed (a new round): a screen reader reads them again."""
    _tell(view, QAccessible.Event.ObjectReorder)
