"""LibreOffice as a person: open a DOCX edih built, type into a slot, save as DOCX.

Run with /usr/bin/python3 (python3-uno). Usage:
  lo-edit.py IN.docx OUT.docx resave                 open and save, nothing typed
  lo-edit.py IN.docx OUT.docx type BOOKMARK           replace the slot's instruction text with a
                                                      paragraph with one bold word and a bullet list
  lo-edit.py IN.docx OUT.docx rich BOOKMARK           replace it with an italic word, a link and a 2x2 table
  lo-edit.py IN.docx OUT.docx below BOOKMARK          a paragraph typed below the instruction, which stays
  lo-edit.py IN.docx OUT.docx outside                 type a sentence into the first paragraph outside the slots
  lo-edit.py IN.docx OUT.docx track BOOKMARK          as `type`, with changes recorded (author "Reviewer")
  lo-edit.py --jobs JOBS.json                         several edits, one start of LibreOffice (slow to
                                                      start): a list of [IN, OUT, MODE] or [IN, OUT, MODE, BOOKMARK]
Starts its own headless soffice with a private profile and ends it (by its own process id).
"""
import json, os, signal, subprocess, sys, tempfile, time
import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(600):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(0.2)
    raise RuntimeError("soffice did not answer")


def instruction_cursor(doc, bookmark):
    """The slot's text and a cursor on its instruction paragraph (the first paragraph is the label)."""
    anchor = doc.getBookmarks().getByName(bookmark).getAnchor()
    text = anchor.getText()
    cur = text.createTextCursorByRange(anchor.getStart())
    cur.gotoNextParagraph(False)
    return text, cur


def over_instruction(doc, bookmark):
    """The person selects the box's instruction and types over it: an empty cursor in its place."""
    text, cur = instruction_cursor(doc, bookmark)
    cur.gotoEndOfParagraph(True)
    cur.setString("")
    cur.collapseToEnd()
    return text, cur


def type_into_slot(doc, bookmark):
    text, cur = over_instruction(doc, bookmark)

    def write(s, bold=False):
        text.insertString(cur, s, False)
        if bold:
            cur.goLeft(len(s), True)
            cur.CharWeight = 150.0
            cur.collapseToEnd()
            cur.CharWeight = 100.0

    write("Co-funding comes from the ")
    write("regional", bold=True)
    write(" development budget.")
    text.insertControlCharacter(cur, PARAGRAPH_BREAK, False)
    styles = doc.getStyleFamilies().getByName("NumberingStyles")
    bullet = next(n for n in ("List Bullet", "List 1") if styles.hasByName(n))
    cur.NumberingStyleName = bullet
    write("staff of the hub")
    text.insertControlCharacter(cur, PARAGRAPH_BREAK, False)
    write("equipment for the test bed")


def type_rich(doc, bookmark):
    """Italic, a link and a table, typed over the instruction of the slot."""
    from com.sun.star.awt.FontSlant import ITALIC, NONE
    text, cur = over_instruction(doc, bookmark)

    def write(s, **props):
        text.insertString(cur, s, False)
        if props:
            cur.goLeft(len(s), True)
            for k, v in props.items():
                setattr(cur, k, v)
            cur.collapseToEnd()
            cur.CharPosture = NONE
            cur.HyperLinkURL = ""

    write("Costs are ")
    write("estimates", CharPosture=ITALIC)
    write("; see ")
    write("the call", HyperLinkURL="https://digital-strategy.ec.europa.eu/")
    write(".")
    text.insertControlCharacter(cur, PARAGRAPH_BREAK, False)
    table = doc.createInstance("com.sun.star.text.TextTable")
    table.initialize(2, 2)
    text.insertTextContent(cur, table, False)
    for cell, value in (("A1", "Item"), ("B1", "Cost"), ("A2", "Staff"), ("B2", "10")):
        table.getCellByName(cell).setString(value)


def type_below(doc, bookmark):
    """A new paragraph after the box's instruction, which the person leaves as it is."""
    text, cur = instruction_cursor(doc, bookmark)
    cur.gotoEndOfParagraph(False)
    text.insertControlCharacter(cur, PARAGRAPH_BREAK, False)
    text.insertString(cur, "Co-funding comes from the regional development budget.", False)


def type_outside(doc):
    text = doc.getText()
    cur = text.createTextCursor()
    cur.gotoStart(False)
    cur.gotoEndOfParagraph(False)
    text.insertString(cur, " Typed outside.", False)


def edit(desktop, src, dst, mode, bookmark=None):
    """Opens src as a person would, makes the edit `mode`, saves it to dst as DOCX and closes it."""
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))
    if doc is None:
        raise RuntimeError(f"LibreOffice could not open {src}")
    if mode == "track":
        doc.RecordChanges = True
    if mode in ("type", "track"):
        type_into_slot(doc, bookmark)
    elif mode == "below":
        type_below(doc, bookmark)
    elif mode == "rich":
        type_rich(doc, bookmark)
    elif mode == "outside":
        type_outside(doc)
    elif mode != "resave":
        raise RuntimeError(f"unknown mode {mode}")
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop("FilterName", "MS Word 2007 XML"), prop("Overwrite", True)))
    doc.close(True)


def main():
    if sys.argv[1] == "--jobs":
        with open(sys.argv[2], encoding="utf-8") as f:
            jobs = json.load(f)
    else:
        jobs = [sys.argv[1:]]
    profile = tempfile.mkdtemp(prefix="edih-lo-")
    pipe = f"edih_{os.getpid()}"
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                               f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for job in jobs:
            edit(desktop, *job)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge drops as soffice exits
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass
        # soffice is a wrapper around soffice.bin: end the whole group this script started.
        try:
            os.killpg(office.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        subprocess.run(["rm", "-rf", profile])


if __name__ == "__main__":
    main()
