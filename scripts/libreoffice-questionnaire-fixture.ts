// Makes tests/fixtures/questionnaire/2023-libreoffice.xlsx: the 2023 questionnaire exported by us,
// then opened, edited and saved by LibreOffice Calc (headless, driven over UNO). Needs `soffice`
// (Debian: libreoffice-calc-nogui, with python3-uno); the tests use the committed file, so CI does not.
// Run: npx tsx scripts/libreoffice-questionnaire-fixture.ts
// The edits: the Dutch wording of `signaalpunt` changes (the one intended change) and gets a bold
// first word (rich text); the English label of `week_tegen_eenzaamheid` gets trailing spaces; its
// `comment` cell becomes the logical value TRUE. Only the first may change the imported questionnaire.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSheet } from '../src/modules/questionnaire-sheet/sheet.export.ts';
import { loadQuestionnaireFile } from '../src/modules/questionnaire/index.ts';

export const NEW_SIGNAALPUNT = 'Er is een digitaal of telefonisch signaalpunt voor eenzaamheid in uw gemeente, voor iedereen toegankelijk.';

const root = path.resolve(import.meta.dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ete-lo-'));
const input = path.join(work, 'in.xlsx');
const output = path.join(work, 'out.xlsx');
fs.writeFileSync(input, await writeSheet(loadQuestionnaireFile(path.join(root, 'data/questionnaires/2023.json'))));

// LibreOffice's own Python (python3-uno) drives a headless Calc over a pipe.
const edit = `
import subprocess, sys, time, uno
from com.sun.star.beans import PropertyValue
from com.sun.star.lang import Locale
from com.sun.star.util.NumberFormat import LOGICAL
from com.sun.star.awt.FontWeight import BOLD
src, dst, pipe = sys.argv[1:4]
office = subprocess.Popen(['soffice', '--headless', '--invisible', '--norestore', f'--accept=pipe,name={pipe};urp;'])
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
for _ in range(200):
    try:
        ctx = resolver.resolve(f'uno:pipe,name={pipe};urp;StarOffice.ComponentContext')
        break
    except Exception:
        time.sleep(0.3)
desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p
doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), '_blank', 0, (prop('Hidden', True),))
sheet = doc.Sheets.getByName('survey')
for r in range(1, 200):
    key = sheet.getCellByPosition(1, r).String
    if key == 'signaalpunt':
        cell = sheet.getCellByPosition(2, r)
        cell.String = sys.argv[4]
        cursor = cell.Text.createTextCursor()
        cursor.gotoStart(False)
        cursor.goRight(2, True)
        cursor.CharWeight = BOLD
    elif key == 'week_tegen_eenzaamheid':
        label = sheet.getCellByPosition(3, r)
        label.String = label.String + '   '
        flag = sheet.getCellByPosition(11, r)
        flag.Value = 1
        flag.NumberFormat = doc.NumberFormats.getStandardFormat(LOGICAL, Locale())
doc.storeToURL(uno.systemPathToFileUrl(dst), (prop('FilterName', 'Calc MS Excel 2007 XML'),))
doc.close(True)
try:
    desktop.terminate()
except Exception:
    pass
office.wait(timeout=60)
`;
const script = path.join(work, 'edit.py');
fs.writeFileSync(script, edit);
const run = spawnSync('/usr/bin/python3', [script, input, output, `ete-fixture-${process.pid}`, NEW_SIGNAALPUNT],
  { env: { ...process.env, HOME: path.join(work, 'home') }, stdio: 'inherit', timeout: 180_000 });
if (run.status !== 0 || !fs.existsSync(output)) throw new Error(`LibreOffice did not write ${output} (exit ${run.status})`);
const target = path.join(root, 'tests/fixtures/questionnaire/2023-libreoffice.xlsx');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(output, target);
fs.rmSync(work, { recursive: true, force: true });
console.log(`${path.relative(root, target)} geschreven`);
