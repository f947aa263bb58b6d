"""Lays a take-home Document out on pages and paints it (a PDF file, a printer, a preview).

Each block is laid out whole and moved to the next page if it does not fit, so a picture never
parts from its caption and a heading stays with what follows it. The header and footer (topic,
level, review date, review state, content version, page number) are painted on every page.
Black text and grey rules on white, so it reads the same printed in greyscale.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from allexplainer.takehome.handout import (
    Block,
    Colouring,
    Document,
    Heading,
    ListBlock,
    Note,
    PageBreak,
    Paragraph,
    Picture,
    Voices,
    Words,
    WriteBox,
)

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 16.0
FONT_FAMILY = "DejaVu Sans"  # a font every Linux desktop has; Qt substitutes elsewhere
BODY_PT = 10.5
SMALL_PT = 8.0
INK = QColor("#000000")
RULE = QColor("#555555")
SHADE = QColor("#eeeeee")
# a stage picture is drawn for this printed size (its labels at least 9 pt on the paper) and
# printed at it, with its caption beneath; a colouring sheet's line art likewise
PICTURE_MM = (165.0, 165.0 * 9 / 16)
COLOURING_MM = (210.0, 210.0 * 9 / 16)
GAP_PT = 7.0

LINE_ART = "line-art"  # the picture style of a colouring sheet
CAPTION_PT = 20.0  # a colouring sheet's caption, to read out to a child
# (scene id, stage, level or LINE_ART) -> PNG bytes of that stage (the drawing layer makes them)
PictureMaker = Callable[[str, int, str], bytes]


@dataclass
class _Laid:
    block: Block
    height: float
    paint: Callable[[QPainter, float, float], None]  # painter, top, width
    keep_with_next: bool = False  # a heading: never the last thing on a page


def page_layout(page: str, landscape: bool = False) -> QPageLayout:
    """A4 or US Letter, portrait (or landscape), with the handout's margins."""
    size = QPageSize(PAGE_SIZES[page.lower()])
    orientation = (QPageLayout.Orientation.Landscape if landscape
                   else QPageLayout.Orientation.Portrait)
    return QPageLayout(size, orientation,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                       QPageLayout.Unit.Millimeter)


class _Painter:
    """Lays out and paints one document on one paged device."""

    def __init__(self, document: Document, device: QPagedPaintDevice, level: str,
                 pictures: PictureMaker) -> None:
        self.document = document
        self.device = device
        self.level = level
        self.pictures = pictures
        self.dpi = device.logicalDpiY()
        rect = device.pageLayout().paintRectPixels(device.resolution())
        self.width = float(rect.width())
        self.height = float(rect.height())
        self.pt = self.dpi / 72.0  # device pixels per point
        self.gap = GAP_PT * self.pt
        self._images: dict[tuple, QImage] = {}

    # ----- text ------------------------------------------------------------------------------
    def text_doc(self, html_text: str, width: float, size: float = BODY_PT,
                 markdown: bool = False) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.device)
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(size)
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        doc.setDefaultStyleSheet("p, li { margin-bottom: 3px; } h2 { font-size: 14pt; } "
                                 "h3 { font-size: 12pt; }")
        if markdown:
            doc.setMarkdown(html_text)
        else:
            doc.setHtml(html_text)
        doc.setTextWidth(width)
        return doc

    def _doc_block(self, block: Block, doc: QTextDocument) -> _Laid:
        def paint(painter: QPainter, top: float, _width: float) -> None:
            painter.save()
            painter.translate(0, top)
            doc.drawContents(painter)
            painter.restore()
        return _Laid(block, doc.size().height(), paint)

    def image(self, scene_id: str, stage: int, style: str | None = None) -> QImage:
        key = (scene_id, stage, style or self.level)
        if key not in self._images:
            image = QImage()
            image.loadFromData(self.pictures(scene_id, stage, style or self.level))
            self._images[key] = image
        return self._images[key]

    # ----- blocks ----------------------------------------------------------------------------
    def lay(self, block: Block) -> _Laid:
        w = self.width
        if isinstance(block, Heading):
            size = {1: 20, 2: 14, 3: 12}[block.size]
            doc = self.text_doc(f"<p style='font-weight:bold'>{html.escape(block.text)}</p>",
                                w, size)
            return self._doc_block(block, doc)
        if isinstance(block, Paragraph):
            return self._doc_block(block, self.text_doc(block.markdown, w, markdown=True))
        if isinstance(block, Note):
            doc = self.text_doc(f"<p><b>{html.escape(block.text)}</b></p>", w - 2 * self.gap)
            return self._boxed(block, doc)
        if isinstance(block, Picture):
            return self._picture(block)
        if isinstance(block, Voices):
            return self._voices(block)
        if isinstance(block, Colouring):
            return self._colouring(block)
        if isinstance(block, WriteBox):
            return self._write_box(block)
        raise TypeError(block)

    def lay_all(self, block: Block) -> list[_Laid]:
        """A block as the pieces a page may break between (each word, each list item)."""
        w = self.width
        pieces: list[_Laid] = []
        if isinstance(block, PageBreak):
            return [_Laid(block, 0.0, lambda _painter, _top, _width: None)]
        if isinstance(block, Words | ListBlock) and block.heading:
            doc = self.text_doc(f"<p style='font-weight:bold'>{html.escape(block.heading)}</p>",
                                w, 14)
            pieces.append(self._doc_block(block, doc))
            pieces[-1].keep_with_next = True
        if isinstance(block, Words):
            for term, meaning in block.entries:
                doc = self.text_doc(f"<table cellspacing='0' cellpadding='0' width='100%'><tr>"
                                    f"<td width='32%'><b>{html.escape(term)}</b></td>"
                                    f"<td>{html.escape(meaning)}</td></tr></table>", w)
                pieces.append(self._doc_block(block, doc))
            return pieces
        if isinstance(block, ListBlock):
            for item in block.items or (block.empty_text,):
                doc = self.text_doc(f"<ul><li>{html.escape(item)}</li></ul>" if block.items
                                    else f"<p>{html.escape(item)}</p>", w)
                pieces.append(self._doc_block(block, doc))
            return pieces
        pieces.append(self.lay(block))
        pieces[-1].keep_with_next = isinstance(block, Heading)
        return pieces

    def _boxed(self, block: Block, doc: QTextDocument) -> _Laid:
        pad = self.gap

        def paint(painter: QPainter, top: float, width: float) -> None:
            box = QRectF(0, top, width, doc.size().height() + 2 * pad)
            painter.save()
            painter.setPen(QPen(RULE, 1.2 * self.pt))
            painter.setBrush(SHADE)
            painter.drawRect(box)
            painter.translate(pad, top + pad)
            doc.drawContents(painter)
            painter.restore()
        return _Laid(block, doc.size().height() + 2 * pad, paint)

    def _picture(self, block: Picture) -> _Laid:
        image = self.image(block.scene_id, block.stage)
        pic_w = min(self.width, PICTURE_MM[0] * self.dpi / 25.4)  # its printed size
        doc = self.text_doc(f"<p><b>{html.escape(block.label)}</b> "
                            f"{html.escape(block.caption)}</p>", pic_w)
        return self._picture_over(block, image, pic_w, doc, QPen(RULE, 0.8 * self.pt))

    def _voices(self, block: Voices) -> _Laid:
        image = self.image(block.scene_id, block.stage)
        cells = "".join(f"<td width='33%' style='padding:6px'><p><b>{html.escape(name)}</b></p>"
                        f"<p>{html.escape(words)}</p></td>" for name, words in block.captions)
        doc = self.text_doc(f"<p><b>Stage {block.stage + 1} of {block.stage_count}</b></p>"
                            f"<table border='1' cellspacing='0' cellpadding='6' width='100%'"
                            f" style='border-color:#555555'><tr>{cells}</tr></table>",
                            self.width, BODY_PT + 0.5)
        return self._picture_over(block, image, self.width, doc, QPen(RULE, 0.8 * self.pt))

    def _colouring(self, block: Colouring) -> _Laid:
        image = self.image(block.scene_id, block.stage, LINE_ART)
        aspect = image.height() / max(image.width(), 1)
        pic_w = min(self.width, self.height * 0.66 / aspect)  # room for the words on the page
        doc = self.text_doc(f"<p align='center'>{html.escape(block.caption)}</p>", self.width,
                            CAPTION_PT)
        return self._picture_over(block, image, pic_w, doc, QPen(INK, 1.6 * self.pt),
                                  left=(self.width - pic_w) / 2)

    def _picture_over(self, block: Block, image: QImage, pic_w: float, doc: QTextDocument,
                      frame: QPen, left: float = 0.0) -> _Laid:
        """A framed picture ``pic_w`` wide with ``doc`` beneath it, laid out as one piece
        (so a page never parts a picture from its words)."""
        pic_h = pic_w * image.height() / max(image.width(), 1)
        height = pic_h + self.gap / 2 + doc.size().height() + self.gap  # and room after it

        def paint(painter: QPainter, top: float, _width: float) -> None:
            target = QRectF(left, top, pic_w, pic_h)
            painter.drawImage(target, image)
            painter.save()
            painter.setPen(frame)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(target)
            painter.translate(0, top + pic_h + self.gap / 2)
            doc.drawContents(painter)
            painter.restore()
        return _Laid(block, height, paint)

    def _write_box(self, block: WriteBox) -> _Laid:
        pad = self.gap
        head = self.text_doc(f"<p style='font-size:14pt; font-weight:bold'>"
                             f"{html.escape(block.heading)}</p><p>{html.escape(block.hint)}</p>",
                             self.width - 2 * pad)
        line_h = 24 * self.pt
        labels = [self.text_doc(html.escape(label), self.width * 0.3, BODY_PT)
                  for label in block.lines]
        height = head.size().height() + len(block.lines) * line_h + 2.5 * pad

        def paint(painter: QPainter, top: float, width: float) -> None:
            painter.save()
            painter.setPen(QPen(INK, 1.6 * self.pt))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(0, top, width, height - pad / 2))
            painter.translate(pad, top + pad)
            head.drawContents(painter)
            y = head.size().height()
            painter.setPen(QPen(RULE, 0.8 * self.pt))
            for label in labels:
                y += line_h
                painter.save()
                painter.translate(0, y - label.size().height() - 2 * self.pt)
                label.drawContents(painter)
                painter.restore()
                painter.drawLine(_point(width * 0.3, y), _point(width - 2 * pad, y))
            painter.restore()
        return _Laid(block, height, paint)

    # ----- pages -----------------------------------------------------------------------------
    def _chrome(self, page: int, pages: int) -> tuple[QTextDocument, QTextDocument]:
        header = self.text_doc(f"<p>{html.escape(self.document.header)}</p>", self.width,
                               SMALL_PT)
        lines = html.escape(self.document.footer).replace("\n", "<br>")
        footer = self.text_doc(f"<p>{lines} Page {page} of {pages}.</p>", self.width, SMALL_PT)
        return header, footer

    def paginate(self) -> list[list[tuple[_Laid, float]]]:
        header, footer = self._chrome(99, 99)
        self.top = header.size().height() + self.gap
        self.bottom = self.height - footer.size().height() - self.gap
        room = self.bottom - self.top
        laid = [piece for block in self.document.blocks for piece in self.lay_all(block)]
        pages: list[list[tuple[_Laid, float]]] = [[]]
        y = self.top
        for index, item in enumerate(laid):
            if isinstance(item.block, PageBreak):
                if pages[-1]:
                    pages.append([])
                    y = self.top
                continue
            need = item.height
            if item.keep_with_next and index + 1 < len(laid):
                after = laid[index + 1].height  # all of it if it fits a page (it never splits)
                need += self.gap + (after if item.height + after <= room else room / 3)
            if y + need > self.bottom and pages[-1]:
                pages.append([])
                y = self.top
            pages[-1].append((item, y))
            if item.height > room:  # taller than a page: carried on over the next pages
                extra = item.height - (self.bottom - y)
                while extra > 0:
                    pages.append([(item, self.top - (item.height - extra))])
                    extra -= room
                y = self.bottom - (-extra)
            y += item.height + (self.gap / 3 if isinstance(item.block, Words | ListBlock)
                                else self.gap)
        return pages

    def paint(self) -> int:
        pages = self.paginate()
        painter = QPainter()
        if not painter.begin(self.device):
            raise OSError("cannot start drawing the pages (is the file writable?)")
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            for number, page in enumerate(pages, start=1):
                if number > 1:
                    self.device.newPage()
                header, footer = self._chrome(number, len(pages))
                header.drawContents(painter)
                painter.setPen(QPen(RULE, 0.6 * self.pt))
                rule = header.size().height() + self.gap / 3
                painter.drawLine(_point(0, rule), _point(self.width, rule))
                foot_top = self.height - footer.size().height()
                painter.drawLine(_point(0, foot_top - self.gap / 3),
                                 _point(self.width, foot_top - self.gap / 3))
                painter.save()
                painter.translate(0, foot_top)
                footer.drawContents(painter)
                painter.restore()
                painter.save()
                painter.setClipRect(QRectF(0, self.top - 1, self.width,
                                           self.bottom - self.top + 2))
                for item, y in page:
                    item.paint(painter, y, self.width)
                painter.restore()
        finally:
            painter.end()
        return len(pages)


def _point(x: float, y: float) -> QPointF:
    return QPointF(x, y)


def paint_document(document: Document, device: QPagedPaintDevice, level: str,
                   pictures: PictureMaker) -> int:
    """Paint ``document`` on ``device`` (a QPdfWriter or QPrinter); return the page count."""
    return _Painter(document, device, level, pictures).paint()


def write_pdf(document: Document, path: Path, level: str, pictures: PictureMaker,
              page: str = "a4") -> int:
    """Write ``document`` as a PDF at ``path`` (A4 or Letter); return the page count."""
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setPageLayout(page_layout(page, document.landscape))
    writer.setTitle(document.title)
    writer.setCreator("ALL Explainer")
    pages = paint_document(document, writer, level, pictures)
    del writer  # the file is finished when the writer goes
    return pages


def page_size_mm(page: str) -> QSizeF:
    """The paper size, for messages and tests."""
    return QPageSize(PAGE_SIZES[page.lower()]).size(QPageSize.Unit.Millimeter)
