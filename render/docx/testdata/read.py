# read.py reads a Word document with python-docx and prints what the
# tests check, as JSON: each paragraph's style and text in order, each
# table's rows (the text of each cell), the core properties, and the
# description of each picture.
import json
import sys

import docx
import docx.table
import docx.text.paragraph
from docx.oxml.ns import qn

d = docx.Document(sys.argv[1])
body = []
for el in d.element.body.iterchildren():
    if el.tag == qn("w:p"):
        p = docx.text.paragraph.Paragraph(el, d)
        body.append({"style": p.style.name if p.style is not None else "", "text": p.text})
    elif el.tag == qn("w:tbl"):
        t = docx.table.Table(el, d)
        # The cells' text from the XML: python-docx's Table.cells takes
        # seconds on a large table.
        cells = lambda tr: ["".join(x.text or "" for x in tc.iter(qn("w:t"))) for tc in tr.iterchildren(qn("w:tc"))]
        body.append({"table": [cells(r._tr) for r in t.rows],
                     "style": t.style.name if t.style is not None else "",
                     "header": [bool(r._tr.trPr is not None and r._tr.trPr.find(qn("w:tblHeader")) is not None) for r in t.rows][:2]})
cp = d.core_properties
pictures = [el.get("descr") for el in d.element.body.iter(qn("wp:docPr"))]
json.dump({
    "body": body,
    "core": {"title": cp.title, "subject": cp.subject, "author": cp.author, "language": cp.language,
             "version": cp.version, "status": cp.content_status, "category": cp.category,
             "created": cp.created.isoformat() if cp.created else ""},
    "sections": [{"width": s.page_width, "height": s.page_height, "orientation": int(s.orientation)} for s in d.sections],
    "pictures": pictures,
}, sys.stdout, ensure_ascii=False)
