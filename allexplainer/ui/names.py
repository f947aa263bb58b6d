"""Every control has a name a screen reader can say (issue 13: 0 unnamed in an AT-SPI walk).

Views name their own controls; this pass names the parts Qt makes for them: the clear button of
a search box, a toolbar's overflow button, the tab bar of docks sharing a place, scroll bars,
and any text pane, list or box still without a name (from what it holds).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QToolBar,
    QToolButton,
    QWidget,
)


def _said(widget: QWidget) -> str:
    return widget.accessibleName() or widget.toolTip() or \
        (widget.placeholderText() if hasattr(widget, "placeholderText") else "") or \
        widget.objectName().replace("-", " ").replace("_", " ")


def name_the_unnamed(root: QWidget) -> None:
    """Give a spoken name to every control under ``root`` that Qt made without one."""
    for edit in root.findChildren(QLineEdit):
        if not edit.accessibleName():
            edit.setAccessibleName(_said(edit))
        for button in edit.findChildren(QToolButton):
            if not button.accessibleName():
                button.setAccessibleName(f"Clear: {edit.accessibleName()}")
    for bar in root.findChildren(QToolBar):
        for button in bar.findChildren(QToolButton, "qt_toolbar_ext_button"):
            button.setAccessibleName(f"More of {bar.windowTitle() or 'the toolbar'}")
    for tabs in root.findChildren(QTabBar):
        if not tabs.accessibleName():
            owner = tabs.parentWidget()
            tabs.setAccessibleName("Topics" if isinstance(owner, QTabWidget) else "Panels")
    for box in root.findChildren(QComboBox):
        if not box.accessibleName():
            box.setAccessibleName(_said(box))
    for area in root.findChildren(QAbstractScrollArea):
        if not area.accessibleName():
            area.setAccessibleName(_said(area))
        if not area.viewport().accessibleName():
            area.viewport().setAccessibleName(area.accessibleName())
    for bar in root.findChildren(QScrollBar):
        if not bar.accessibleName():
            owner = bar.parentWidget()
            while owner is not None and not isinstance(owner, QAbstractScrollArea):
                owner = owner.parentWidget()
            bar.setAccessibleName(f"Scroll {owner.accessibleName()}" if owner is not None
                                  else "Scroll")
    for stack in root.findChildren(QStackedWidget):
        if not stack.accessibleName():
            stack.setAccessibleName(_said(stack) or "Pages")
